import './linking.css';
import type { LogEntry } from '../../../core/logs/analysis.ts';
import { linkSummary, logTimeOf } from '../../../core/linking/link.ts';
import { inertText } from '../../../core/audit/mask.ts';
import type { LinkingModel } from '../../state/linking-model.ts';
import { formatTime } from '../../../core/time-format.ts';
import { MATCH_TEXT, ms } from './text.ts';
import { useModel } from '../../state/model.ts';

interface Props {
  /** Any LogEntry of the current search (the Backend view's own objects work: matched by message ids). */
  entry: Pick<LogEntry, 'messageIds' | 'messageTime' | 'receiptTime' | 'raw'>;
  /** Defaults to selecting the request in the Timeline (and asking request lists to scroll to it). */
  onJump?: (requestId: string) => void;
  linking?: LinkingModel;
}

/** For one backend error: the request(s) it most likely belongs to, best first, each with "Jump to". */
export function ErrorRequests({ entry, onJump, linking: given }: Props) {
  const fromContext = useModel().linking;
  const linking = given ?? fromContext;
  const link = linking.errorOf(entry);
  if (link === undefined) {
    return (
      <p class="muted" data-testid="error-requests" data-count={0}>
        Not linked: this line is not an error of the current search.
      </p>
    );
  }
  const byId = linking.requestsById.value;
  const jump = onJump ?? ((id: string) => linking.jumpTo(id));
  const t = logTimeOf(link.log);
  return (
    <div data-testid="error-requests" data-count={link.candidates.length} data-outcome={link.outcome}>
      <span
        class={
          link.ambiguous ? 'badge badge-warn' : link.candidates.length === 0 ? 'badge badge-bad' : 'badge badge-ok'
        }
        data-testid="error-link-summary"
      >
        {linkSummary(link)}
      </span>
      {link.candidates.length > 0 && (
        <ul class="link-list">
          {link.candidates.map((c, i) => {
            const req = byId.get(c.requestId);
            if (!req) return null;
            return (
              <li
                key={c.requestId}
                data-testid="error-candidate"
                data-request-id={c.requestId}
                data-endpoint={`${req.method} ${req.path}`}
              >
                <span class="when">{formatTime(req.startedAt, 'clock')}</span>
                <span class="what">
                  {req.method} {inertText(req.path, 200)} → {req.status === 0 ? 'no response' : req.status}
                </span>
                <span class="muted">
                  {MATCH_TEXT[c.match]}
                  {c.distanceMs > 0 ? `, ${ms(c.distanceMs)} outside it` : ', during the request'}
                  {i === 0 && link.candidates.length > 1 ? ' · closest' : ''}
                </span>
                <button
                  type="button"
                  onClick={() => jump(c.requestId)}
                  data-testid="jump-to-request"
                  aria-label={`Jump to ${req.method} ${inertText(req.path, 120)} at ${formatTime(req.startedAt, 'clock')}`}
                >
                  Jump to
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {link.candidates.length === 0 && t !== undefined && (
        <p class="muted">
          Requests of this session within ±{ms(linking.linking.value.skewMs)} of {formatTime(t, 'clock')}:{' '}
          {link.inWindow}. Raise the clock-skew tolerance if the backend clock runs off.
        </p>
      )}
    </div>
  );
}
