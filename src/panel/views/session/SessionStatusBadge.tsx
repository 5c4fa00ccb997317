import type { SessionState } from '../../../core/session/session-state.ts';

type Shown = SessionState['status'] | 'searching';

const TEXT: Record<Shown, string> = {
  found: 'Tracker found',
  loading: 'Tracker loading',
  none: 'No tracker found',
  invalid: 'Token refused',
  searching: 'Looking for the tracker…',
};

/** What the page shows (not the manual entry): the first thing a user reads. */
export function shownStatus(state: SessionState): Shown {
  return state.status === 'none' && state.page === null ? 'searching' : state.status;
}

export function SessionStatusBadge({ state }: { state: SessionState }) {
  const status = shownStatus(state);
  return (
    <span class={`session-status status-${status}`} data-testid="session-status" data-status={status} role="status">
      {TEXT[status]}
    </span>
  );
}
