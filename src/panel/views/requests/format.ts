import { inertText } from '../../../core/audit/mask.ts';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `13:04:05.123`, local time: what DevTools' Network panel shows in its waterfall tooltips. */
export function clockTime(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

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
