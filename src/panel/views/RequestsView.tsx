import './requests.css';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { parseFilter, type EntryPredicate } from '../../core/audit/filter.ts';
import { formatPercentage } from '../../core/audit/coverage.ts';
import { useModel } from '../state/model.ts';
import { CaptureControls } from './requests/CaptureControls.tsx';
import { CaptureNotices } from './requests/CaptureNotices.tsx';
import { CoverageTables } from './requests/CoverageTables.tsx';
import { ExportButtons } from './requests/ExportButtons.tsx';
import { FilterBar } from './requests/FilterBar.tsx';
import { ReportDialog } from './requests/ReportDialog.tsx';
import { RequestDetail } from './requests/RequestDetail.tsx';
import { RequestTable } from './requests/RequestTable.tsx';
import { SubTabs } from './requests/SubTabs.tsx';
import { SummaryCounts } from './requests/SummaryCounts.tsx';
import { TrackerNotices } from './requests/TrackerNotices.tsx';
import { deriveRows, indexOfId, moveSelection } from './requests/visible-rows.ts';

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

function reloadInspectedPage(): void {
  chrome.devtools.inspectedWindow.reload({});
}

/** Which requests carry the session token, which don't, and why. */
export function RequestsView() {
  const { devtools, ui } = useModel();
  const requestsUi = ui.requests;
  const store = devtools.store;
  const version = devtools.auditVersion.value;
  const capture = devtools.capture.value;
  const filterText = requestsUi.filterText.value;
  const sort = requestsUi.sort.value;
  const selectedId = requestsUi.selectedId.value;
  const tab = requestsUi.tab.value;

  const parse = useMemo(() => parseFilter(filterText), [filterText]);
  // While the query is being typed and cannot be read, the last readable one keeps the rows.
  const lastPredicate = useRef<EntryPredicate | null>(null);
  if (parse.ok) lastPredicate.current = parse.terms.length === 0 ? null : parse.predicate;
  const predicate = lastPredicate.current;

  const rows = useMemo(() => deriveRows(store, predicate, sort), [store, version, predicate, sort]);
  const lastIndex = useRef(-1);
  const selectedIndex = useMemo(() => {
    // Appending rows keeps indexes: try the last one before searching.
    const hit =
      lastIndex.current >= 0 && rows.at(lastIndex.current)?.req.id === selectedId
        ? lastIndex.current
        : indexOfId(rows, selectedId);
    lastIndex.current = hit;
    return hit;
  }, [rows, selectedId]);
  const selected = selectedIndex >= 0 ? rows.at(selectedIndex) : undefined;
  const sessionHeaderNames = useMemo(() => new Set(store.context.kinds.keys()), [store, version]);

  const counts = store.counts;
  const inScope = store.size - counts['not-expected'] - counts['outside-scope'];
  const coverage = formatPercentage(inScope === 0 ? null : (counts.carries / inScope) * 100);

  const onSelect = (index: number, open: boolean) => {
    const entry = rows.at(index);
    if (entry === undefined) return;
    requestsUi.selectedId.value = entry.req.id;
    if (open) requestsUi.detailOpen.value = true;
  };
  const focusTable = () => document.querySelector<HTMLElement>('.req-grid')?.focus();
  const closeDetail = () => {
    requestsUi.detailOpen.value = false;
    focusTable();
  };

  // `j` / `k` pressed outside the table (panel-shortcuts.ts): move one row and hand the table the focus.
  const pendingMove = requestsUi.pendingMove.value;
  useLayoutEffect(() => {
    if (pendingMove === null) return;
    requestsUi.pendingMove.value = null;
    const next = moveSelection(pendingMove, selectedIndex, rows.count, 1);
    if (next !== null) onSelect(next, requestsUi.detailOpen.value);
    focusTable();
  }, [pendingMove]);

  return (
    <section class="requests-view" aria-labelledby="requests-heading">
      <h2 id="requests-heading" class="visually-hidden">
        Requests
      </h2>
      <div class="req-toolbar">
        <CaptureControls
          preserveLog={capture?.preserveLog ?? false}
          onClear={() => devtools.clear()}
          onPreserveLog={(on) => devtools.setPreserveLog(on)}
        />
        <FilterBar parse={parse} shown={rows.count} total={store.size} />
      </div>
      <div class="req-toolbar">
        <SubTabs coverage={coverage} />
        <ExportButtons store={store} capture={capture} />
      </div>
      <SummaryCounts counts={counts} />
      <TrackerNotices tracker={store.tracker} />
      <CaptureNotices
        capture={capture}
        storeDropped={store.dropped}
        cap={store.cap}
        hasToken={
          store.tokens.current !== undefined ||
          store.tracker.recording === 'sampled-out' ||
          store.tracker.recording === 'inactive'
        }
        onReload={reloadInspectedPage}
      />
      <div id="requests-body" role="tabpanel" aria-labelledby={`subtab-${tab}`} class="req-body">
        {tab === 'coverage' ? (
          <CoverageTables store={store} version={version} pageOrigin={originOf(capture?.pageUrl ?? '')} />
        ) : (
          <div class={`req-split${requestsUi.detailOpen.value && selected ? ' with-detail' : ''}`}>
            <RequestTable
              rows={rows}
              version={version * 31 + (sort ? 1 : 0)}
              selectedIndex={selectedIndex}
              onSelect={onSelect}
            />
            {requestsUi.detailOpen.value && selected && (
              <RequestDetail
                entry={selected}
                sessionHeaderNames={sessionHeaderNames}
                tokens={store.tokens}
                tracker={store.tracker}
                onClose={closeDetail}
              />
            )}
            {store.size === 0 && (
              <p class="req-empty muted" data-testid="requests-empty">
                No requests yet. Use the page, or reload it to record its requests from the start.
              </p>
            )}
          </div>
        )}
      </div>
      {requestsUi.reportOpen.value && <ReportDialog store={store} capture={capture} />}
    </section>
  );
}
