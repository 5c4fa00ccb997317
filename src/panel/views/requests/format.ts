import { inertText } from '../../../core/audit/mask.ts';

/** `12 ms`, `1.24 s`. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Page-derived text for a table cell: visible control characters, bounded length. */
export function cellText(value: string, max = 300): string {
  return inertText(value, max);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
