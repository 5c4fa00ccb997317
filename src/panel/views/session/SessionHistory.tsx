import type { SessionState } from '../../../core/session/session-state.ts';
import { sourcesLabel } from './labels.ts';
import { formatTime } from '../../../core/time-format.ts';
import { inertText } from '../../../core/audit/mask.ts';

/**
 * Every token this tab has shown while DevTools was open, newest first: the audit calls a request
 * carrying one of the older ones "stale" rather than "foreign".
 */
export function SessionHistory({ state }: { state: SessionState }) {
  const inUse = state.detected?.token ?? null;
  if (state.history.length === 0) return null;
  return (
    <section class="session-history" aria-labelledby="history-heading">
      <h3 id="history-heading">
        Tokens seen in this tab <span class="muted">({state.history.length})</span>
      </h3>
      <table class="history-table">
        <thead>
          <tr>
            <th scope="col">Token and session id</th>
            <th scope="col">Seen</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {state.history.map((h) => {
            const current = h.token === inUse;
            return (
              <tr
                key={h.token}
                data-testid="history-row"
                data-current={current ? 'true' : 'false'}
                class={current ? 'current' : ''}
              >
                <td>
                  <code class="token" data-testid="history-token">
                    {inertText(h.token, 400)}
                  </code>
                  <div class="history-id">
                    <span class={current ? 'badge ok' : 'badge muted'}>{current ? 'current' : 'earlier'}</span> id{' '}
                    <code>{h.decoded.sessionId}</code>
                  </div>
                </td>
                <td>
                  {formatTime(h.firstSeen, 'recent')}
                  {formatTime(h.lastSeen, 'recent') !== formatTime(h.firstSeen, 'recent') && (
                    <span class="muted"> – {formatTime(h.lastSeen, 'recent')}</span>
                  )}
                </td>
                <td data-testid="history-source">{sourcesLabel(h.sources)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {state.historyDropped > 0 && (
        <p class="muted">
          {state.historyDropped} older token{state.historyDropped === 1 ? '' : 's'} dropped: the history keeps the
          newest {state.history.length}.
        </p>
      )}
    </section>
  );
}
