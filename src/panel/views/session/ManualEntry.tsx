import { useState } from 'preact/hooks';
import { parseManualInput } from '../../../core/session/manual-input.ts';

interface Props {
  onAccept: (input: string) => void;
}

/**
 * Support mode: a token, a session id or an OpenReplay session URL typed or pasted by hand.
 * Checked here first so the reason for a refusal shows at once; the devtools page checks again.
 */
export function ManualEntry({ onAccept }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: Event) => {
    e.preventDefault();
    const parsed = parseManualInput(text);
    if (parsed.kind === 'error') {
      setError(parsed.reason);
      return;
    }
    setError(null);
    onAccept(text);
    setText('');
  };

  return (
    <form class="manual-entry" onSubmit={submit} aria-labelledby="manual-heading">
      <h3 id="manual-heading">Use a session by hand</h3>
      <label for="manual-input" class="muted">
        Session token, session id, or OpenReplay session or Assist URL (e.g.
        https://app.openreplay.com/12/session/2618307011354435587)
      </label>
      <div class="manual-row">
        <input
          id="manual-input"
          type="text"
          spellcheck={false}
          autocomplete="off"
          data-testid="manual-input"
          value={text}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? 'manual-error' : undefined}
          onInput={(e) => {
            setText((e.currentTarget as HTMLInputElement).value);
            if (error !== null) setError(null);
          }}
        />
        <button type="submit" data-testid="manual-submit">
          Use this session
        </button>
      </div>
      {error !== null && (
        <p class="manual-error" id="manual-error" role="alert">
          Not accepted: <span data-testid="manual-error">{error}</span>
        </p>
      )}
    </form>
  );
}
