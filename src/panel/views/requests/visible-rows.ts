import type { AuditStore } from '../../../core/audit/audit-store.ts';
import type { EntryPredicate } from '../../../core/audit/filter.ts';
import { compareBy } from '../../../core/audit/sort.ts';
import type { AuditEntry } from '../../../core/audit/types.ts';
import type { SortSpec } from '../../state/ui-model.ts';

/** The rows the table shows, read by index: the virtual list only ever asks for the ones in view. */
export interface RowSource {
  readonly count: number;
  at(index: number): AuditEntry | undefined;
}

/**
 * Rows from the store, filtered and sorted. Unfiltered and unsorted (the default while capturing)
 * the store itself is the source: a new batch costs nothing here, however many rows are held.
 */
export function deriveRows(store: AuditStore, predicate: EntryPredicate | null, sort: SortSpec | null): RowSource {
  if (predicate === null && sort === null) {
    const size = store.size;
    return { count: size, at: (i) => (i < size ? store.at(i) : undefined) };
  }
  let rows: AuditEntry[];
  if (predicate === null) {
    rows = store.toArray();
  } else {
    rows = [];
    for (const e of store.entries()) if (predicate(e)) rows.push(e);
  }
  if (sort !== null) rows.sort(compareBy(sort.column, sort.direction));
  return { count: rows.length, at: (i) => rows[i] };
}

/** Index of the row with request id `id`, or -1. */
export function indexOfId(rows: RowSource, id: string | null): number {
  if (id === null) return -1;
  for (let i = 0; i < rows.count; i++) if (rows.at(i)?.req.id === id) return i;
  return -1;
}

/** The index a navigation key moves the selection to, or null for keys that do not move it. */
export function moveSelection(key: string, current: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return current < 0 ? 0 : Math.min(last, current + 1);
    case 'ArrowUp':
    case 'k':
      return current < 0 ? 0 : Math.max(0, current - 1);
    case 'PageDown':
      return Math.min(last, Math.max(0, current) + pageRows);
    case 'PageUp':
      return Math.max(0, current - pageRows);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
