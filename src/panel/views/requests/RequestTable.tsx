import { VirtualRows } from '../../components/VirtualRows.tsx';
import { COLUMNS, HEADER_HEIGHT, ROW_HEIGHT } from './columns.ts';
import { RequestRow, rowDomId } from './RequestRow.tsx';
import { nextSort } from './requests-state.ts';
import { useModel } from '../../state/model.ts';
import { moveSelection, type RowSource } from './visible-rows.ts';

interface Props {
  rows: RowSource;
  /** Changes whenever the rows or their verdicts change. */
  version: number;
  selectedIndex: number;
  onSelect: (index: number, open: boolean) => void;
}

function SortHeader() {
  const requestsUi = useModel().ui.requests;
  const sort = requestsUi.sort.value;
  return (
    <div role="row" class="req-row req-head" aria-rowindex={1}>
      {COLUMNS.map((c) => {
        const dir = sort?.column === c.id ? sort.direction : null;
        return (
          <span
            key={c.id}
            role="columnheader"
            class={`c-${c.id}`}
            aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
          >
            <button
              type="button"
              class="sort"
              title={`${c.title} — sort`}
              data-testid={`sort-${c.id}`}
              onClick={() => (requestsUi.sort.value = nextSort(requestsUi.sort.value, c.id))}
            >
              {c.label}
              <span class="sort-mark" aria-hidden="true">
                {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}
              </span>
            </button>
          </span>
        );
      })}
    </div>
  );
}

/** The request table: virtualized, sortable by header, driven by ↑/↓ (j/k), Enter and Esc. */
export function RequestTable({ rows, version, selectedIndex, onSelect }: Props) {
  const requestsUi = useModel().ui.requests;
  // Read once here, not in every row: rows are re-rendered dozens at a time while scrolling.
  const linkedCounts = useModel().linking.errorCounts.value;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Enter') {
      if (selectedIndex >= 0) onSelect(selectedIndex, true);
      else if (rows.count > 0) onSelect(0, true);
      e.preventDefault();
      return;
    }
    if (e.key === 'Escape') {
      if (requestsUi.detailOpen.value) {
        requestsUi.detailOpen.value = false;
        e.preventDefault();
        // Past the document, DevTools would take this Esc too and toggle its console drawer.
        e.stopPropagation();
      }
      return;
    }
    const el = e.currentTarget as HTMLElement;
    const pageRows = Math.max(1, Math.floor((el.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const next = moveSelection(e.key, selectedIndex, rows.count, pageRows);
    if (next === null) return;
    e.preventDefault();
    onSelect(next, requestsUi.detailOpen.value);
  };

  return (
    <div class="req-table">
      <VirtualRows
        count={rows.count}
        rowHeight={ROW_HEIGHT}
        header={<SortHeader />}
        headerHeight={HEADER_HEIGHT}
        version={version}
        class="req-grid"
        ariaLabel="Captured requests"
        testId="request-table"
        scrollToIndex={selectedIndex >= 0 ? selectedIndex : undefined}
        activeDescendant={selectedIndex >= 0 ? rowDomId(selectedIndex) : undefined}
        onKeyDown={onKeyDown}
        renderRow={(i, slot) => {
          const entry = rows.at(i);
          if (entry === undefined) return <div key={slot} role="row" class="req-row" />;
          return (
            <RequestRow
              key={slot}
              entry={entry}
              linked={linkedCounts.get(entry.req.id)}
              index={i}
              selected={i === selectedIndex}
              onSelect={onSelect}
            />
          );
        }}
      />
    </div>
  );
}
