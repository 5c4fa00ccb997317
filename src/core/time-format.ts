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

/** Local time as "2026-11-26 13:09:10.333" (logs are compared by eye with the page's own clock). */
export function formatTimestamp(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return 'unknown time';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${clockTime(ms)}`;
}

/** Local wall-clock time; the date too when it is not today (tokens live for hours). */
export function formatTime(ms: number, now = Date.now()): string {
  if (!Number.isFinite(ms)) return 'unknown';
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return 'unknown';
  const clock = hms(d);
  const today = new Date(now);
  const sameDay =
    d.getFullYear() === today.getFullYear() && d.getMonth() === today.getMonth() && d.getDate() === today.getDate();
  return sameDay ? clock : `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${clock}`;
}
