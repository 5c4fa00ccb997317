import type { SearchRun } from '../../state/worker-model.ts';
import { formatElapsed, plural, stateLabel } from '../../../core/search/present.ts';

/** State, messages so far and time spent, while running and after. */
export function SearchProgress({ run, now }: { run: SearchRun; now: number }) {
  const p = run.progress;
  const running = run.status === 'starting' || run.status === 'running';
  const state = running
    ? stateLabel(p?.state)
    : run.status === 'done'
      ? 'Done'
      : run.status === 'cancelled'
        ? 'Cancelled'
        : 'Failed';
  const found = p?.messageCount ?? 0;
  const elapsed = (run.finishedAt ?? now) - run.startedAt;
  return (
    <p
      class={`search-progress ${running ? 'is-running' : ''}`}
      data-testid="search-progress"
      data-status={run.status}
      data-state={p?.state ?? ''}
      role="status"
      aria-live="polite"
    >
      {running && <span class="spinner" aria-hidden="true" />}
      <strong>{state}</strong>
      <span> · {plural(found, 'message')} found</span>
      <span> · {run.messages.length} received</span>
      <span> · {formatElapsed(elapsed)}</span>
      {run.requests !== undefined && <span class="muted"> · {plural(run.requests, 'request')} to SumoLogic</span>}
    </p>
  );
}
