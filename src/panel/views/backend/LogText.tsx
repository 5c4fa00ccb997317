import { useState } from 'preact/hooks';
import { DEFAULT_LINE_LIMIT, cutLine, cutLines, makeVisible } from '../../../core/logs/inert.ts';
import { nextShownLimit } from '../../../core/search/present.ts';
import { CopyButton } from '../../components/CopyButton.tsx';

interface Props {
  text: string;
  limit?: number;
  /** Lines shown before "Expand" (a line made of newlines is cheap to hold but tall to lay out). */
  maxLines?: number;
  class?: string;
}

/**
 * Log text as inert text: a text node only (markup shows as typed), control characters made
 * visible, huge lines cut with an "expand" that opens them in steps so layout stays fast, and the
 * whole line one "Copy" away.
 */
export function LogText({ text, limit = DEFAULT_LINE_LIMIT, maxLines, class: cls }: Props) {
  const [shown, setShown] = useState<number | null>(null);
  const cut =
    shown !== null
      ? cutLine(text, shown)
      : maxLines !== undefined
        ? cutLines(text, limit, maxLines)
        : cutLine(text, limit);
  return (
    <div class={`log-text ${cls ?? ''}`}>
      <pre data-testid="log-text">{makeVisible(cut.shown)}</pre>
      {cut.hiddenChars > 0 && (
        <div class="log-cut">
          <button
            type="button"
            class="quiet expand"
            data-testid="log-expand"
            onClick={() => setShown(nextShownLimit(Math.max(1, text.length - cut.hiddenChars), text.length))}
          >
            Expand ({cut.hiddenChars.toLocaleString('en')} more characters)
          </button>
          <CopyButton text={text} label="Copy the whole line" testId="log-copy" />
        </div>
      )}
    </div>
  );
}

/** One line of inert text (headlines, sources): newlines shown as ␤, cut short. */
export function inertLine(text: string, limit = 400): string {
  const cut = cutLine(text, limit);
  return makeVisible(cut.shown, { keepNewlines: false }) + (cut.hiddenChars > 0 ? '…' : '');
}
