// The session's start, as the Session area words it: in UTC, because a support person compares it
// with the customer's report and with log timestamps from other machines, plus how long ago.

import { pad2 } from '../time-format.ts';
import { sessionStartOf, type SessionStart } from './session-id.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `2026-11-27 14:02:11 UTC`. */
export function utcText(ms: number): string {
  const d = new Date(ms);
  if (!Number.isFinite(ms) || Number.isNaN(d.getTime())) return 'unknown time';
  return (
    `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} UTC`
  );
}

/** "just now", "12 min ago", "3 h ago", "1 day ago", "9 days ago"; rounded down. */
export function agoText(ms: number, now: number): string {
  const diff = now - ms;
  if (!Number.isFinite(diff)) return 'at an unknown time';
  if (diff < MINUTE) return diff < -MINUTE ? 'in the future' : 'just now';
  if (diff < HOUR) return `${Math.floor(diff / MINUTE)} min ago`;
  if (diff < DAY) return `${Math.floor(diff / HOUR)} h ago`;
  const days = Math.floor(diff / DAY);
  return `${days} ${days === 1 ? 'day' : 'days'} ago`;
}

/** "started 2026-11-27 14:02:11 UTC, 1 day ago", or why the id tells no start. */
export function startText(start: SessionStart, now: number): string {
  if (!start.plausible) return `no plausible start time: ${start.reason}`;
  return `started ${utcText(start.startMs)}, ${agoText(start.startMs, now)}`;
}

/** The best start known: the ingest's start response when seen, else the one the id encodes (if plausible). */
export function knownStartMs(
  session: { sessionId: string; startTimestamp?: number | undefined },
  now: number,
): number | undefined {
  if (session.startTimestamp !== undefined) return session.startTimestamp;
  const fromId = sessionStartOf(session.sessionId, now);
  return fromId?.plausible ? fromId.startMs : undefined;
}
