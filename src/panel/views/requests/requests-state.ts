import type { Verdict } from '../../../core/audit/types.ts';
import type { SortColumn } from '../../../core/audit/sort.ts';
import type { SortSpec } from '../../state/ui-model.ts';

// The Requests area's rules for its remembered state (the state itself is the panel model's `ui.requests`).

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
