import type { VerdictCounts } from '../../../core/audit/audit-store.ts';
import { VERDICT_LABELS, VERDICTS } from '../../../core/audit/types.ts';
import { toggleVerdictFilter } from './requests-state.ts';
import { useModel } from '../../state/model.ts';

/** Counts per verdict at the top; each is a button that filters the table by its verdict. */
export function SummaryCounts({ counts }: { counts: VerdictCounts }) {
  const requestsUi = useModel().ui.requests;
  const filter = requestsUi.filterText.value.trim();
  return (
    <div class="summary" role="group" aria-label="Requests per verdict">
      {VERDICTS.map((v) => {
        const active = filter === `verdict:${v}`;
        return (
          <button
            key={v}
            type="button"
            class={`count count-${v}${active ? ' active' : ''}${counts[v] === 0 ? ' zero' : ''}`}
            data-testid={`count-${v}`}
            data-count={counts[v]}
            aria-pressed={active}
            title={active ? 'Show all requests' : `Show only "${VERDICT_LABELS[v]}"`}
            onClick={() => {
              requestsUi.filterText.value = toggleVerdictFilter(requestsUi.filterText.value, v);
              requestsUi.tab.value = 'table';
            }}
          >
            <span class="n">{counts[v].toLocaleString('en')}</span> {VERDICT_LABELS[v]}
          </button>
        );
      })}
    </div>
  );
}
