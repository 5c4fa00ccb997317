import { formatTime } from '../../../core/time-format.ts';
import { logTimeOf } from '../../../core/linking/link.ts';
import { logKey } from '../../../core/linking/selection.ts';
import type { LinkingModel } from '../../state/linking-model.ts';
import { useModel } from '../../state/model.ts';
import { logFirstLine } from '../../../core/logs/first-line.ts';

interface Props {
  requestId: string;
  /** Defaults to selecting the error in the Timeline. */
  onSelectError?: (key: string) => void;
  linking?: LinkingModel;
}

/** The backend errors linked to one request, for a detail view (a table row uses LinkedErrorCount). */
export function LinkedErrors({ requestId, onSelectError, linking: given }: Props) {
  const fromContext = useModel().linking;
  const linking = given ?? fromContext;
  const linked = linking.errorsOfRequest(requestId);
  const run = linking.run.value;
  if (linked.length === 0) {
    return (
      <p class="muted" data-testid="linked-errors" data-count={0}>
        {run === null
          ? 'No backend search yet: search to see the errors this request caused.'
          : 'No backend error is linked to this request.'}
      </p>
    );
  }
  const select = onSelectError ?? ((key: string) => linking.select({ kind: 'error', key }));
  return (
    <div data-testid="linked-errors" data-count={linked.length}>
      <strong>
        {linked.length} backend error{linked.length === 1 ? '' : 's'}
      </strong>
      <ul class="link-list">
        {linked.map(({ link, of }) => {
          const t = logTimeOf(link.log);
          const sumo = t === undefined ? null : linking.sumoUrlAt(t);
          const key = logKey(link.log);
          return (
            <li key={key} data-testid="linked-error">
              <span class="when">{t === undefined ? 'no time' : formatTime(t, 'clock')}</span>
              <button type="button" class="linky what" onClick={() => select(key)} title="Show this error">
                {logFirstLine(link.log.raw)}
              </button>
              {of > 1 && <span class="badge badge-warn">1 of {of} candidate requests</span>}
              {sumo && (
                <a href={sumo} target="_blank" rel="noopener noreferrer">
                  Open in SumoLogic
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * "2 backend errors" for a request row. No hooks and no signals: a table renders dozens of these
 * per frame while scrolling, so it takes its numbers from one map the table reads once.
 */
export function LinkedErrorCount({ count, unsure }: { count: number; unsure: number }) {
  return (
    <span
      class="linked-count"
      data-testid="linked-errors-count"
      data-count={count}
      title={unsure > 0 ? `${unsure} of them also fit other requests` : 'Backend errors linked to this request'}
    >
      {count} backend error{count === 1 ? '' : 's'}
      {unsure > 0 && '?'}
    </span>
  );
}
