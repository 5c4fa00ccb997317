import type { SessionView } from '../../../core/session/session-view.ts';

interface Props {
  detected: SessionView | null;
  onBack: () => void;
}

/** While a session entered by hand is in use, say so, and offer the way back. */
export function ManualBanner({ detected, onBack }: Props) {
  return (
    <div class="manual-banner" data-testid="manual-banner" role="note">
      <span class="badge" data-testid="entered-by-hand">
        Entered by hand
      </span>
      <span>
        Everything in this panel, the backend search included, uses this session
        {detected ? (
          <>
            {' '}
            instead of the one the page runs (<code class="inline-id">{detected.sessionId}</code>).
          </>
        ) : (
          '.'
        )}
      </span>
      <button type="button" data-testid="manual-clear" onClick={onBack}>
        {detected ? 'Back to the detected session' : 'Stop using it'}
      </button>
    </div>
  );
}
