import { signal } from '@preact/signals';
import type { SortColumn, SortDirection } from '../../core/audit/sort.ts';
import type { Area } from './areas.ts';

export interface SortSpec {
  column: SortColumn;
  direction: SortDirection;
}

export type RequestsTab = 'table' | 'coverage';

/**
 * What the areas remember while the user visits other areas (App renders only the active one):
 * which area is shown, the Requests area's filter, sort, selection and sub-tab, the Backend area's
 * "errors only". Part of the panel model, so it lives exactly as long as the panel.
 */
export function createUiState() {
  const area = signal<Area>('session');
  const requests = {
    filterText: signal(''),
    /** null: capture order, as DevTools' Network panel shows by default. */
    sort: signal<SortSpec | null>(null),
    /** `CapturedRequest.id` of the selected row. */
    selectedId: signal<string | null>(null),
    detailOpen: signal(false),
    tab: signal<RequestsTab>('table'),
    /** Show session token values unmasked in the detail view. */
    reveal: signal(false),
    reportOpen: signal(false),
    /** Asked for by a shortcut, carried out by the Requests area once it has rendered (it needs the DOM). */
    focusFilter: signal(false),
    /** `j` / `k` pressed anywhere: the table moves its selection by one row and takes the focus. */
    pendingMove: signal<'j' | 'k' | null>(null),
  };
  const backend = {
    /** "Errors only" (true) or "all linked lines". */
    errorsOnly: signal(true),
  };

  const toRequestsTable = (): void => {
    area.value = 'requests';
    requests.tab.value = 'table';
  };

  return {
    area,
    requests,
    backend,
    goToArea(next: Area): void {
      area.value = next;
    },
    /** From a backend error to its request: select it in the Requests area and open its detail. */
    goToRequest(requestId: string): void {
      requests.tab.value = 'table';
      requests.selectedId.value = requestId;
      requests.detailOpen.value = true;
      area.value = 'requests';
    },
    focusRequestFilter(): void {
      toRequestsTable();
      requests.focusFilter.value = true;
    },
    moveRequestSelection(direction: 'j' | 'k'): void {
      toRequestsTable();
      requests.pendingMove.value = direction;
    },
    openReport(): void {
      area.value = 'requests';
      requests.reportOpen.value = true;
    },
  };
}

export type UiState = ReturnType<typeof createUiState>;
