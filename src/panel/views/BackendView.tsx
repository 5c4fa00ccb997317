import './backend.css';
import { useEffect } from 'preact/hooks';
import { useModel } from '../state/model.ts';
import { planSearch, targetChanged, WIDEN_STEP_MS } from '../../core/search/plan.ts';
import { windowText } from '../../core/search/present.ts';
import type { SearchRun } from '../state/worker-model.ts';
import { cancelledBecause, guardTokenChanges, isActive, searchWanted, widenedMsFor, windowWidening } from './backend/backend-state.ts';
import { WindowBar } from './backend/WindowBar.tsx';
import { analysisOf } from '../state/search-analysis.ts';
import { inertLine } from './backend/LogText.tsx';
import { QueryLine } from './backend/QueryLine.tsx';
import { Results } from './backend/Results.tsx';
import { SearchBar } from './backend/SearchBar.tsx';
import { SearchNotices } from './backend/SearchNotices.tsx';
import { SearchProgress } from './backend/SearchProgress.tsx';
import { useNow } from './backend/use-now.ts';

/** The backend errors SumoLogic holds for the session's token. */
export function BackendView() {
  const model = useModel();
  guardTokenChanges(model);
  const { devtools, worker } = model;
  const current = devtools.session.value.current;
  const settings = worker.settings.value;
  const credentials = worker.credentials.value;
  const run = worker.search.value;
  const running = isActive(run);
  const now = useNow(running);

  const widenMs = widenedMsFor(current?.sessionId);
  const plan = settings ? planSearch(current, settings, now, widenMs) : null;
  const refusal = !settings
    ? 'Loading the SumoLogic settings…'
    : !credentials
      ? 'No SumoLogic Access ID/Key saved yet — add them in Settings → SumoLogic.'
      : plan && !plan.ok
        ? inertLine(plan.reason, 600)
        : null;

  const onSearch = () => {
    if (!settings || refusal !== null || running) return;
    // The window ends at the click, not at the last render.
    const fresh = planSearch(current, settings, Date.now(), widenMs);
    if (!fresh.ok) return;
    cancelledBecause.value = null;
    worker.startSearch(fresh.target);
  };

  // The `s` shortcut (panel-shortcuts.ts); when a search is not possible, the refusal beside the button says why.
  const wanted = searchWanted.value;
  useEffect(() => {
    if (!wanted) return;
    searchWanted.value = false;
    onSearch();
  }, [wanted]);

  return (
    <section class="backend-view" aria-labelledby="backend-heading">
      <header class="backend-head">
        <h2 id="backend-heading">Backend errors</h2>
        <span class="muted">SumoLogic log lines tagged with this session’s token</span>
      </header>
      <SearchBar refusal={refusal} running={running} onSearch={onSearch} onCancel={() => worker.cancelSearch()} />
      {plan?.ok && current && (
        <WindowBar
          window={plan.window}
          onWiden={() => (windowWidening.value = { sessionId: current.sessionId, ms: widenMs + WIDEN_STEP_MS })}
          onReset={() => (windowWidening.value = null)}
        />
      )}
      {run && !running && targetChanged(run.target, current) && (
        <p class="notice notice-info" data-testid="results-stale" role="status">
          The results below are for an earlier session token; press Search for the current session.
        </p>
      )}
      {run ? <RunDetails run={run} now={now} onSearchAgain={refusal === null ? onSearch : undefined} /> : plan?.ok && <QueryLine scope={plan.scope} tagClause={plan.tagClause} query={plan.query} window={windowText(plan.window)} from={plan.window.from} to={plan.window.to} />}
    </section>
  );
}

function RunDetails({ run, now, onSearchAgain }: { run: SearchRun; now: number; onSearchAgain: (() => void) | undefined }) {
  const running = isActive(run);
  const because = cancelledBecause.value;
  const analysis = analysisOf(run);
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
      <SearchNotices run={run} cancelReason={because?.searchId === run.id ? because.reason : null} {...(onSearchAgain ? { onSearchAgain } : {})} />
      {analysis && <Results key={run.id} analysis={analysis} running={running} stopped={run.status === 'failed' || run.status === 'cancelled'} />}
    </>
  );
}
