// The request table's column sorting: one comparator per column, stable on ties.

import type { AuditEntry, Verdict } from './types.ts';

export const SORT_COLUMNS = [
  'time',
  'method',
  'url',
  'origin',
  'path',
  'status',
  'type',
  'verdict',
  'duration',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';

/** Worst first when sorting by verdict ascending. */
export const VERDICT_SORT_ORDER: readonly Verdict[] = [
  'blocked',
  'outside-scope',
  'foreign',
  'stale',
  'missing',
  'carries',
  'not-expected',
];
const VERDICT_RANK = new Map(VERDICT_SORT_ORDER.map((v, i) => [v, i]));

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function key(column: SortColumn): (e: AuditEntry) => string | number {
  switch (column) {
    case 'time':
      return (e) => e.req.startedAt;
    case 'method':
      return (e) => e.req.method;
    case 'url':
      return (e) => e.req.url;
    case 'origin':
      return (e) => e.req.origin;
    case 'path':
      return (e) => e.req.path;
    case 'status':
      return (e) => e.req.status;
    case 'type':
      return (e) => e.req.resourceType;
    case 'verdict':
      return (e) => VERDICT_RANK.get(e.result.verdict) ?? 99;
    case 'duration':
      return (e) => e.req.durationMs;
  }
}

/** A comparator for one column; ties fall back to capture time, so the order is stable. */
export function compareBy(
  column: SortColumn,
  direction: SortDirection = 'asc',
): (a: AuditEntry, b: AuditEntry) => number {
  const k = key(column);
  const sign = direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = k(a);
    const y = k(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : cmpStr(String(x), String(y));
    if (c !== 0) return sign * c;
    return a.req.startedAt - b.req.startedAt || cmpStr(a.req.id, b.req.id);
  };
}
