// Local wall-clock text, the way DevTools' Network panel shows times. One place for the panel's
// tables, timeline and summaries, so the same instant always reads the same.

export const pad2 = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `13:04:05`, local time. */
export function hms(d: Date): string {
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/** `13:04:05.123`, local time; `—` for what is not a time. */
export function clockTime(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const d = new Date(ms);
  return `${hms(d)}.${pad2(d.getMilliseconds(), 3)}`;
}
