import { useState } from 'preact/hooks';
import type { CurlCommand } from '../../../core/audit/curl.ts';
import { copyText } from '../../components/copy-text.ts';

interface Props {
  asSent: CurlCommand;
  /** Null when the tab has no current token. */
  withToken: CurlCommand | null;
}

/** "Copy as cURL", as sent or with the current token; says what the command cannot repeat. */
export function CurlButtons({ asSent, withToken }: Props) {
  const [status, setStatus] = useState<{ ok: boolean; text: string; notes: string[]; command: string } | null>(null);
  const copy = async (made: CurlCommand, what: string) => {
    const ok = await copyText(made.command);
    const text = ok
      ? `Copied ${what}.`
      : 'The browser refused the clipboard: select the command below and copy it by hand.';
    setStatus({ ok, text, notes: made.notes, command: made.command });
  };
  return (
    <section class="curl" aria-label="Copy as cURL">
      <div class="actions">
        <button type="button" data-testid="copy-curl" onClick={() => void copy(asSent, 'the request as cURL')}>
          Copy as cURL
        </button>
        <button
          type="button"
          data-testid="copy-curl-token"
          disabled={!withToken}
          title={
            withToken
              ? 'The same request with the current session token in its header'
              : 'No current session token in this tab'
          }
          onClick={() => withToken && void copy(withToken, 'the request as cURL with the current token')}
        >
          Copy as cURL with current token
        </button>
      </div>
      <div role="status" data-testid="curl-status" class={status && !status.ok ? 'bad' : 'muted'}>
        {status?.text}
        {status?.notes.map((n) => (
          <div key={n}>{n}</div>
        ))}
      </div>
      {status && !status.ok && (
        <textarea
          readonly
          rows={3}
          class="curl-text"
          aria-label="cURL command"
          data-testid="curl-text"
          value={status.command}
        />
      )}
    </section>
  );
}
