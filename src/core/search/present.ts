// Words and numbers the Backend errors view shows, kept pure so they are tested without a browser.

import { formatTime } from '../time-format.ts';
import { formatDuration } from '../session/time-left.ts';

const STATE_LABELS: Readonly<Record<string, string>> = {
  'NOT STARTED': 'Starting the search job',
  'GATHERING RESULTS': 'Gathering results',
  'GATHERING RESULTS FROM SUBQUERIES': 'Gathering results',
  'DONE GATHERING HISTOGRAM': 'Finishing',
  'DONE GATHERING RESULTS': 'Done',
  'FORCE PAUSED': 'Stopped at the result limit',
  CANCELLED: 'Cancelled by SumoLogic',
};

/** A Search Job state as a person reads it; unknown states are shown as sent (inert text). */
export function stateLabel(state: string | undefined): string {
  if (state === undefined) return 'Creating the search job';
  return STATE_LABELS[state] ?? state;
}

/** "0.4 s", "12.3 s", "2 min 05 s". */
export function formatElapsed(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < 60_000) return `${(Math.floor(safe / 100) / 10).toFixed(1)} s`;
  const totalSeconds = Math.floor(safe / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  return `${minutes} min ${String(totalSeconds % 60).padStart(2, '0')} s`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

type WindowBasis = 'session-start' | 'token-expiry' | 'session-id' | 'last-minutes';

const BASIS_TEXT: Readonly<Record<WindowBasis, string>> = {
  'session-start': "from the session's start",
  'token-expiry': "from the token's expiry minus the session length",
  'session-id': "from the session id's start to the maximum session length",
  'last-minutes': 'the last minutes set in Settings',
};

/** "2026-01-02 03:04:05.006 → 2026-01-02 04:05:00.000 (from the session's start)"; no basis, no parentheses. */
export function windowText(window: { from: number; to: number; basis?: WindowBasis; widenedMs?: number }): string {
  const parts: string[] = [];
  if (window.basis !== undefined) parts.push(BASIS_TEXT[window.basis]);
  if (window.widenedMs !== undefined && window.widenedMs > 0)
    parts.push(`widened by ${formatDuration(window.widenedMs)} on each side`);
  const why = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  return `${formatTime(window.from, 'full')} → ${formatTime(window.to, 'full')}${why}`;
}

/** The visible count of lines the exact re-check threw away, or null when none were. */
export function droppedText(droppedCaseOnly: number, droppedNoMatch: number, droppedOtherSession = 0): string | null {
  const total = droppedCaseOnly + droppedNoMatch + droppedOtherSession;
  if (total === 0) return null;
  const parts: string[] = [];
  if (droppedCaseOnly > 0) parts.push(`${droppedCaseOnly} matched the tag only when case is ignored`);
  if (droppedNoMatch > 0) parts.push(`${droppedNoMatch} did not carry the exact tag with a boundary after it`);
  if (droppedOtherSession > 0)
    parts.push(`${droppedOtherSession} carried another session's token (or no valid token) in the tag`);
  return `${plural(total, 'line')} dropped: ${parts.join(', ')}.`;
}

const ISSUE_TEXT: Readonly<Record<string, string>> = {
  'wrong-case-name': 'tag name written in another case',
  'wrong-case-value': 'token written in another case',
  'truncated-token': 'token cut off',
  'extended-token': 'token with extra characters after it',
  'other-token': 'another session token',
};

export function tagIssueText(issue: { issue: string; count: number }): string {
  return `${plural(issue.count, 'line')}: ${ISSUE_TEXT[issue.issue] ?? issue.issue}`;
}

/** The truncation notice: what happened and what to do. */
/** The cap on kept messages was reached: the newest are shown. */
export function cappedText(kept: number, found: number | undefined): string {
  const of = found !== undefined && found > kept ? ` of ${found.toLocaleString('en-US')}` : '';
  return `Showing the newest ${kept.toLocaleString('en-US')}${of} messages — narrow the time window to see older ones (or raise "Messages kept" in Settings).`;
}

export function truncatedText(messageCount: number | undefined): string {
  const count = messageCount === undefined ? '' : ` at ${plural(messageCount, 'message')}`;
  return `Results truncated: SumoLogic stopped the search${count} (FORCE PAUSED). Narrow the time window or the scope query in Settings to see everything.`;
}

export const LANGUAGE_LABELS: Readonly<Record<string, string>> = {
  python: 'Python traceback',
  java: 'Java stack trace',
  node: 'Node.js stack trace',
  go: 'Go panic',
};

/** "demo/backend · demo-backend · backend.log", empty parts left out. */
export function sourceText(source: { category: string; host: string; name: string }): string {
  return [source.category, source.host, source.name].filter((p) => p !== '').join(' · ') || 'unknown source';
}

/** Huge lines open in steps, so "expand" never lays out megabytes at once. */
export function nextShownLimit(current: number, total: number): number {
  return Math.min(total, Math.max(current * 10, current + 1));
}
