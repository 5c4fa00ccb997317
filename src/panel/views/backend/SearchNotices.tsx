import type { SearchRun } from '../../state/worker-model.ts';
import { failureTitle, offersSearchAgain } from '../../../core/search/failure.ts';
import { cappedText, truncatedText } from '../../../core/search/present.ts';
import { inertLine } from './LogText.tsx';

/** What went wrong or was cut short, each with what to do; the messages come from the background's SumoErrors. */
export function SearchNotices({
  run,
  cancelReason,
  onSearchAgain,
}: {
  run: SearchRun;
  cancelReason: string | null;
  onSearchAgain?: () => void;
}) {
  return (
    <>
      {run.status === 'failed' && run.error && (
        <div class="notice notice-bad" role="alert" data-kind={run.error.kind}>
          <span data-testid="search-error" data-kind={run.error.kind}>
            <strong>{failureTitle(run.error.kind)}:</strong> {inertLine(run.error.message, 2000)}
          </span>
          {onSearchAgain && offersSearchAgain(run.error.kind) && (
            <>
              {' '}
              <button type="button" data-testid="search-again" onClick={onSearchAgain}>
                Search again
              </button>
            </>
          )}
        </div>
      )}
      {run.status === 'cancelled' && (
        <div class="notice notice-info" role="status" data-testid="search-cancelled">
          {cancelReason ??
            'Search cancelled; its job on SumoLogic was deleted. Results received so far are shown below.'}
        </div>
      )}
      {run.truncated && run.capped && (
        <div class="notice notice-warn" role="status" data-testid="search-capped">
          {cappedText(run.messages.length, run.messageCount)}
        </div>
      )}
      {run.truncated && !run.capped && (
        <div class="notice notice-warn" role="status" data-testid="search-truncated">
          {truncatedText(run.messageCount)}
        </div>
      )}
      {(run.warnings ?? [])
        .filter((w) => !/force.?paused|limit/i.test(w) || !run.truncated)
        .map((w, i) => (
          <div key={i} class="notice notice-warn" role="status" data-testid="search-warning">
            SumoLogic warned: {inertLine(w, 1000)}
          </div>
        ))}
    </>
  );
}
