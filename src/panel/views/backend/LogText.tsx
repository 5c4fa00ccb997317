import { useState } from 'preact/hooks';
import { DEFAULT_LINE_LIMIT, cutLine, makeVisible } from '../../../core/logs/inert.ts';
import { nextShownLimit } from '../../../core/search/present.ts';

interface Props {
  text: string;
  limit?: number;
  class?: string;
}

/**
 * Log text as inert text: a text node only (markup shows as typed), control characters made
 * visible, huge lines cut with an "expand" that opens them in steps so layout stays fast.
 */
export function LogText({ text, limit = DEFAULT_LINE_LIMIT, class: cls }: Props) {
  const [shown, setShown] = useState(limit);
  const cut = cutLine(text, shown);
  return (
    <div class={`log-text ${cls ?? ''}`}>
      <pre data-testid="log-text">{makeVisible(cut.shown)}</pre>
      {cut.hiddenChars > 0 && (
        <button
          type="button"
          class="quiet expand"
          data-testid="log-expand"
          onClick={() => setShown(nextShownLimit(shown, text.length))}
        >
          Expand ({cut.hiddenChars.toLocaleString('en')} more characters)
        </button>
      )}
    </div>
  );
}

/** One line of inert text (headlines, sources): newlines shown as ␤, cut short. */
export function inertLine(text: string, limit = 400): string {
  const cut = cutLine(text, limit);
  return makeVisible(cut.shown, { keepNewlines: false }) + (cut.hiddenChars > 0 ? '…' : '');
}
