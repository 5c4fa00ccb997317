import { signal } from '@preact/signals';
import type { SortColumn, SortDirection } from '../../../core/audit/filter.ts';
import type { Verdict } from '../../../core/audit/types.ts';

export interface SortSpec {
  column: SortColumn;
  direction: SortDirection;
}

export type RequestsTab = 'table' | 'coverage';

/**
 * What the Requests area remembers while the user visits other areas (the area unmounts): the
 * filter, the sort, the selection and the sub-tab. One panel document per inspected tab, so
 * module-level signals are per tab.
 */
export const requestsUi = {
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
  /** One-shot requests from the panel's shortcuts, carried out (and reset) once the view has rendered. */
  focusFilter: signal(false),
  /** `j` / `k` pressed anywhere: the table moves its selection by one row and takes the focus. */
  pendingMove: signal<'j' | 'k' | null>(null),
};

/** Header click: ascending, then descending, then back to capture order. */
export function nextSort(current: SortSpec | null, column: SortColumn): SortSpec | null {
  if (current?.column !== column) return { column, direction: 'asc' };
  return current.direction === 'asc' ? { column, direction: 'desc' } : null;
}

/** The filter a count button sets; a second click on the same count clears it. */
export function toggleVerdictFilter(current: string, verdict: Verdict): string {
  const mine = `verdict:${verdict}`;
  return current.trim() === mine ? '' : mine;
}
