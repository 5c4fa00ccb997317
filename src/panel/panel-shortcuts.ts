import { AREAS, activeArea } from './state/areas.ts';
import { useShortcut } from './shortcuts.ts';
import { requestsUi } from './views/requests/requests-state.ts';
import { searchWanted } from './views/backend/backend-state.ts';

/**
 * The panel-wide single-key shortcuts, registered by App so they work from every area and the help
 * lists them all. Each one switches to the area it acts on; what needs the area's own state (the
 * rows, the search plan) is passed as a one-shot signal the view carries out when it has rendered.
 */
export function usePanelShortcuts(): void {
  const toRequestsTable = () => {
    activeArea.value = 'requests';
    requestsUi.tab.value = 'table';
  };
  useShortcut('/', 'Filter requests', 'Requests', () => {
    toRequestsTable();
    requestsUi.focusFilter.value = true;
  });
  useShortcut('j', 'Next request', 'Requests', () => {
    toRequestsTable();
    requestsUi.pendingMove.value = 'j';
  });
  useShortcut('k', 'Previous request', 'Requests', () => {
    toRequestsTable();
    requestsUi.pendingMove.value = 'k';
  });
  useShortcut('e', 'Export: show the Markdown report to copy', 'Requests', () => {
    activeArea.value = 'requests';
    requestsUi.reportOpen.value = true;
  });
  useShortcut('s', 'Search SumoLogic for this session', 'Backend errors', () => {
    activeArea.value = 'backend';
    searchWanted.value = true;
  });
  // Fixed count, fixed order: hooks in a loop are called the same way on every render.
  for (const [i, area] of AREAS.entries()) {
    useShortcut(String(i + 1), `Go to ${area.label}`, 'Areas', () => {
      activeArea.value = area.id;
      // The focus may have been inside the area just unmounted: put it on the new area's tab.
      queueMicrotask(() => document.getElementById(`tab-${area.id}`)?.focus());
    });
  }
}
