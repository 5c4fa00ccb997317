import type { SessionState } from '../../../core/session/session-state.ts';
import { LOOKED_FOR } from '../../../core/session/sources.ts';
import { shownStatus } from './SessionStatusBadge.tsx';

const SETUP_HINT =
  'Start @openreplay/tracker in the page (npm) or add the OpenReplay snippet, then reload it — or paste a token below to work without the page.';

/** What the Session area says while no session is in use: searching, loading, refused or none. */
export function NoSession({ state }: { state: SessionState }) {
  const status = shownStatus(state);
  if (status === 'searching') {
    return <p class="session-note muted">Looking for an OpenReplay tracker in every frame of the page…</p>;
  }
  if (status === 'loading') {
    return (
      <div class="session-note" data-testid="session-loading">
        <p class="note-title">Tracker loading</p>
        <p>
          The page has an OpenReplay tracker that has no session yet. Its token shows here as soon as it starts one.
        </p>
        <ul class="reasons">
          {state.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (status === 'invalid') {
    return (
      <div class="session-note bad" data-testid="session-invalid">
        <p class="note-title">A token was found, but it is not a valid OpenReplay token</p>
        <p>It is not used for anything. What is wrong with it:</p>
        <ul class="reasons">
          {state.reasons.map((r) => (
            <li key={r} data-testid="session-refusal">
              {r}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div class="session-note" data-testid="session-empty">
      <p class="note-title">No OpenReplay tracker found on this page</p>
      <p>Looked for, in every frame DevTools can reach:</p>
      <ul class="looked-for">
        {LOOKED_FOR.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p class="setup-hint" data-testid="setup-hint">
        {SETUP_HINT}
      </p>
    </div>
  );
}
