// Local wall-clock text, the way DevTools' Network panel shows times. One formatter for the
// panel's tables, timeline, summaries and the search's text, so the same instant always reads the
// same; the style says how much of it a place has room for.

export const pad2 = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * - `clock`   `13:04:05.123` — requests and log lines, where milliseconds order events;
 * - `seconds` `13:04:05` — axis labels whose step is a second or more;
 * - `full`    `2026-11-26 13:09:10.333` — log lines compared by eye with the page's own clock;
 * - `recent`  `13:04:05`, with the date in front when it is not today — session facts (tokens
 *   live for hours, so "today" is the usual case and the date the exception).
 */
export type TimeStyle = 'clock' | 'seconds' | 'full' | 'recent';

// Each style's text for what is not a time, short where the style is used in narrow columns.
const NOT_A_TIME: Readonly<Record<TimeStyle, string>> = {
  clock: '—',
  seconds: '—',
  full: 'unknown time',
  recent: 'unknown',
};

/** `ms` (epoch milliseconds) as local time in `style`; `now` only matters for `recent`. */
export function formatTime(ms: number | undefined, style: TimeStyle, now = Date.now()): string {
  const d = new Date(ms ?? NaN);
  if (ms === undefined || !Number.isFinite(ms) || Number.isNaN(d.getTime())) return NOT_A_TIME[style];
  const seconds = `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
  const date = `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
  switch (style) {
    case 'seconds':
      return seconds;
    case 'clock':
      return `${seconds}.${pad2(d.getMilliseconds(), 3)}`;
    case 'full':
      return `${date} ${seconds}.${pad2(d.getMilliseconds(), 3)}`;
    case 'recent': {
      const today = new Date(now);
      const sameDay =
        d.getFullYear() === today.getFullYear() && d.getMonth() === today.getMonth() && d.getDate() === today.getDate();
      return sameDay ? seconds : `${date} ${seconds}`;
    }
  }
}
