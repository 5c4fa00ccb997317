import { useEffect, useState } from 'preact/hooks';
import type { LogAnalysis } from '../../../core/logs/analysis.ts';
import { droppedText, plural, tagIssueText } from '../../../core/search/present.ts';
import { useModel } from '../../state/model.ts';
import { ErrorGroupCard } from './ErrorGroupCard.tsx';
import { LogLineRow } from './LogLineRow.tsx';

const PAGE = 100;
/**
 * Rows added per commit: a row lays out up to a thousand characters, so a page of them is added
 * over a few tasks, each short, rather than in one that would block the panel.
 */
const ROWS_PER_COMMIT = 50;

/** The re-checked lines: grouped errors (default) or every linked line, newest first. */
/** `stopped`: the search failed or was cancelled, so zero lines say nothing about the tag. */
export function Results({
  analysis,
  running,
  stopped = false,
}: {
  analysis: LogAnalysis;
  running: boolean;
  stopped?: boolean;
}) {
  const { errorsOnly } = useModel().ui.backend;
  const [target, setTarget] = useState(PAGE);
  const [limit, setLimit] = useState(ROWS_PER_COMMIT);
  useEffect(() => {
    if (limit >= target) return;
    const timer = setTimeout(() => setLimit((n) => Math.min(n + ROWS_PER_COMMIT, target)), 0);
    return () => clearTimeout(timer);
  }, [limit, target]);
  const onlyErrors = errorsOnly.value;
  const dropped = droppedText(analysis.droppedCaseOnly, analysis.droppedNoMatch, analysis.droppedOtherSession);
  const total = onlyErrors ? analysis.groups.length : analysis.entries.length;
  const errorLines = analysis.errors.length;
  return (
    <section class="results" aria-labelledby="results-heading">
      <header class="results-head">
        <h3 id="results-heading">
          {plural(analysis.groups.length, 'error group')} ({plural(errorLines, 'error')}) ·{' '}
          {plural(analysis.entries.length, 'linked line')}
          {running ? ' so far' : ''}
        </h3>
        <label class="check">
          <input
            type="checkbox"
            data-testid="filter-errors-only"
            checked={onlyErrors}
            onChange={(e) => {
              errorsOnly.value = e.currentTarget.checked;
              setTarget(PAGE);
              setLimit(ROWS_PER_COMMIT);
            }}
          />
          Errors only
          <span class="muted">(off: all linked lines)</span>
        </label>
      </header>
      {dropped && (
        <div
          class="dropped"
          data-testid="dropped-count"
          data-dropped={analysis.droppedCaseOnly + analysis.droppedNoMatch + analysis.droppedOtherSession}
        >
          <span>{dropped}</span>
          {analysis.tagIssues.length > 0 && (
            <span class="muted"> Found instead: {analysis.tagIssues.map(tagIssueText).join('; ')}.</span>
          )}
        </div>
      )}
      {total === 0 && (
        <p class="muted empty" data-testid="results-empty">
          {running
            ? 'Nothing yet — lines appear here as SumoLogic finds them.'
            : stopped
              ? analysis.entries.length > 0
                ? `No errors among the ${plural(analysis.entries.length, 'linked line')} received before the search stopped.`
                : 'No lines were received before the search stopped.'
              : onlyErrors
                ? analysis.entries.length > 0
                  ? `No errors among the ${plural(analysis.entries.length, 'linked line')} — uncheck "Errors only" to see them.`
                  : 'No log lines carry this session’s tag in the searched time window and scope.'
                : 'No log lines carry this session’s tag in the searched time window and scope.'}
        </p>
      )}
      <div class="result-list">
        {onlyErrors
          ? analysis.groups.slice(0, limit).map((g) => <ErrorGroupCard key={g.signature} group={g} />)
          : analysis.entries
              .slice(0, limit)
              .map((e, i) => <LogLineRow key={`${e.messageIds.join(',')}:${i}`} entry={e} />)}
      </div>
      {total > target && (
        <button type="button" data-testid="show-more" onClick={() => setTarget(target + PAGE * 5)}>
          Show more ({total - target} not shown)
        </button>
      )}
    </section>
  );
}
