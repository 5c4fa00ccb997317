// Words and numbers the Backend errors view shows, kept pure so they are tested without a browser.

import { formatTimestamp } from '../time-format.ts';

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

/** "2026-01-02 03:04:05.006 → 2026-01-02 04:05:00.000 (from the session's start)"; no basis, no parentheses. */
export function windowText(window: { from: number; to: number; basis?: 'session-start' | 'token-expiry' | 'last-minutes' }): string {
  const basis =
    window.basis === undefined
      ? ''
      : window.basis === 'session-start'
        ? " (from the session's start)"
        : window.basis === 'token-expiry'
          ? " (from the token's expiry minus the session length)"
          : ' (the last minutes set in Settings)';
  return `${formatTimestamp(window.from)} → ${formatTimestamp(window.to)}${basis}`;
}

/** The visible count of lines the exact re-check threw away, or null when none were. */
export function droppedText(droppedCaseOnly: number, droppedNoMatch: number): string | null {
  const total = droppedCaseOnly + droppedNoMatch;
  if (total === 0) return null;
  const parts: string[] = [];
  if (droppedCaseOnly > 0) parts.push(`${droppedCaseOnly} matched the tag only when case is ignored`);
  if (droppedNoMatch > 0) parts.push(`${droppedNoMatch} did not carry the exact tag with a boundary after it`);
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
