import './backend.css';
import { useModel } from '../state/model.ts';
import { targetChanged, WIDEN_STEP_MS } from '../../core/search/plan.ts';
import { windowText } from '../../core/search/present.ts';
import { isActive, type SearchRun } from '../state/worker-model.ts';
import { WindowBar } from './backend/WindowBar.tsx';
import { inertLine } from './backend/LogText.tsx';
import { QueryLine } from './backend/QueryLine.tsx';
import { Results } from './backend/Results.tsx';
import { SearchBar } from './backend/SearchBar.tsx';
import { SearchNotices } from './backend/SearchNotices.tsx';
import { SearchProgress } from './backend/SearchProgress.tsx';
import { useNow } from './backend/use-now.ts';

/** The backend errors SumoLogic holds for the session's token. */
export function BackendView() {
  const { devtools, worker, search } = useModel();
  const current = devtools.session.value.current;
  const run = worker.search.value;
  const running = isActive(run);
  const now = useNow(running);

  const plan = search.plan(now);
  const refusal = search.refusal(now);
  // While a search runs the button is Cancel: that is not a refusal to show.
  const refusalText =
    refusal === null || refusal.reason === 'running'
      ? null
      : refusal.reason === 'plan'
        ? inertLine(refusal.message, 600)
        : refusal.message;

  return (
    <section class="backend-view" aria-labelledby="backend-heading">
      <header class="backend-head">
        <h2 id="backend-heading">Backend errors</h2>
        <span class="muted">SumoLogic log lines tagged with this session’s token</span>
      </header>
      <SearchBar
        refusal={refusalText}
        running={running}
        onSearch={() => search.searchCurrentSession()}
        onCancel={() => search.cancel()}
      />
      {plan?.ok && current && (
        <WindowBar
          window={plan.window}
          onWiden={() => search.widen(current.sessionId, WIDEN_STEP_MS)}
          onReset={() => search.resetWidening()}
        />
      )}
      {run && !running && targetChanged(run.target, current) && (
        <p class="notice notice-info" data-testid="results-stale" role="status">
          The results below are for an earlier session token; press Search for the current session.
        </p>
      )}
      {run ? (
        <RunDetails
          run={run}
          now={now}
          onSearchAgain={refusalText === null ? () => search.searchCurrentSession() : undefined}
        />
      ) : (
        plan?.ok && (
          <QueryLine
            scope={plan.scope}
            tagClause={plan.tagClause}
            query={plan.query}
            window={windowText(plan.window)}
            from={plan.window.from}
            to={plan.window.to}
          />
        )
      )}
    </section>
  );
}

function RunDetails({
  run,
  now,
  onSearchAgain,
}: {
  run: SearchRun;
  now: number;
  onSearchAgain: (() => void) | undefined;
}) {
  const { search, analysis: analyses } = useModel();
  const running = isActive(run);
  const because = search.cancelledBecause.value;
  const analysis = analyses.of(run);
  const pending = analyses.pendingOf(run);
  return (
    <>
      {run.query !== undefined && run.tagClause !== undefined && (
        <QueryLine
          scope={run.scope ?? ''}
          tagClause={run.tagClause}
          query={run.query}
          uiUrl={run.uiUrl}
          window={windowText({ from: run.target.from, to: run.target.to })}
          from={run.target.from}
          to={run.target.to}
        />
      )}
      <SearchProgress run={run} now={now} />
      <SearchNotices
        run={run}
        cancelReason={because?.searchId === run.id ? because.reason : null}
        {...(onSearchAgain ? { onSearchAgain } : {})}
      />
      {pending > 0 && (
        <p class="muted" data-testid="analysing" role="status">
          Analysing {pending} more message{pending === 1 ? '' : 's'}…
        </p>
      )}
      {analysis && (
        <Results
          key={run.id}
          analysis={analysis}
          running={running}
          stopped={run.status === 'failed' || run.status === 'cancelled'}
        />
      )}
    </>
  );
}
