import { validateToken } from '../session/token.ts';
import { validateSessionId } from '../session/session-id.ts';
import { knownStartMs } from '../session/session-start.ts';
import type { TagValue } from '../logs/parse.ts';
import { isSessionPrefixValue } from '../logs/session-tag.ts';
import { isSessionIdTagName, timeWindow, tryBuildSessionQuery, type TimeWindow } from './query.ts';

/** The parts of the session the search needs (a SessionView fits). */
export interface TargetSession {
  /** null when only a bare session id was entered by hand. */
  token: string | null;
  sessionId: string;
  decoded: { expiresAt: number } | null;
  startTimestamp?: number;
}

/** The search settings the plan depends on (SumoSettings fits). */
export interface PlanSettings {
  scopeQuery: string;
  tagNames: readonly string[];
  windowStart: 'session-start' | 'last-minutes';
  windowMinutes: number;
  windowEnd: 'now' | 'expiry';
  /** The project's maximum session length: how long after its start a session's lines can be written. */
  maxSessionMinutes: number;
}

/** Slack for clock skew between the browser, the backend and SumoLogic, on both sides of a window. */
export const WINDOW_SLACK_MS = 60_000;
/** One press of "widen" adds this on each side. */
export const WIDEN_STEP_MS = 60 * 60_000;

/** What the background is asked to search: only values that passed strict validation. */
export interface PlannedTarget {
  token?: string;
  sessionId?: string;
  from: number;
  to: number;
}

export interface SearchPlan {
  ok: true;
  target: PlannedTarget;
  window: TimeWindow;
  /** The exact tags every returned line is re-checked for. */
  tags: TagValue[];
  query: string;
  scope: string;
  tagClause: string;
}

export type PlanResult = SearchPlan | { ok: false; reason: string };

const NOTHING_SENT = 'nothing was sent to SumoLogic';

/**
 * Turns the session the panel shows into a search, or the reason there is none. The same checks run
 * again in the background; doing them here first lets the Search button say why it is disabled.
 */
export function planSearch(
  session: TargetSession | null,
  settings: PlanSettings,
  now: number,
  widenMs = 0,
): PlanResult {
  if (!session) {
    return {
      ok: false,
      reason:
        'No session to search for: open a page that runs the OpenReplay tracker, or enter a token or session id by hand in the Session tab.',
    };
  }
  const target: Omit<PlannedTarget, 'from' | 'to'> = {};
  if (session.token !== null) {
    const checked = validateToken(session.token);
    if (!checked.ok) return { ok: false, reason: `Refused: ${checked.reason} — ${NOTHING_SENT}.` };
    target.token = checked.token;
  }
  const id = validateSessionId(session.sessionId);
  if (id.ok) target.sessionId = id.sessionId;
  else if (target.token === undefined) return { ok: false, reason: `Refused: ${id.reason} — ${NOTHING_SENT}.` };

  const built = tryBuildSessionQuery({ ...target, tagNames: settings.tagNames, scope: settings.scopeQuery });
  if (!built.ok) {
    const where = built.field === 'scope' || built.field === 'tagNames' ? ' Fix it in Settings → Search.' : '';
    return { ok: false, reason: `${built.message}${where}` };
  }
  const window = widen(searchWindow(session, settings, now), widenMs, now);
  return {
    ok: true,
    target: { ...target, from: window.from, to: window.to },
    window,
    tags: tagsFor(target, settings.tagNames),
    query: built.query,
    scope: built.scope,
    tagClause: built.tagClause,
  };
}

/**
 * The window from the settings: from the session's start (the ingest's start time, else the one its
 * id encodes, else the token's expiry − the maximum session length) to the token's expiry or now;
 * with a session id alone, to its start + the maximum session length. "Last N minutes" when set so,
 * or when nothing tells the start (an id that decodes to no plausible time is not guessed at).
 */
export function searchWindow(session: TargetSession, settings: PlanSettings, now: number): TimeWindow {
  const lastMinutes = () => timeWindow({ now, lastMinutes: settings.windowMinutes });
  if (settings.windowStart === 'last-minutes') return lastMinutes();
  const sessionLengthMs = Math.max(1, settings.maxSessionMinutes) * 60_000;
  const start = knownStartMs(session, now);
  const expiry = session.decoded?.expiresAt;
  if (expiry === undefined) {
    if (start === undefined) return lastMinutes();
    const to = Math.min(Math.floor(now), start + sessionLengthMs + WINDOW_SLACK_MS);
    return { from: Math.min(start - WINDOW_SLACK_MS, to - 1), to, basis: 'session-id' };
  }
  const window = timeWindow({
    now,
    slackMs: WINDOW_SLACK_MS,
    sessionLengthMs,
    ...(start !== undefined ? { sessionStartMs: start } : {}),
    tokenExpiryMs: expiry,
  });
  // "to now": lines may be logged after the token expired (a long request finishing late).
  return settings.windowEnd === 'now' ? { ...window, to: Math.max(window.to, Math.floor(now)) } : window;
}

/** The window made wider by `ms` on each side (never past now). */
export function widen(window: TimeWindow, ms: number, now: number): TimeWindow {
  if (!(ms > 0)) return window;
  const to = Math.max(window.to, Math.min(Math.floor(now), window.to + ms));
  return { ...window, from: window.from - ms, to, widenedMs: ms };
}

/**
 * One tag per configured name that has a value: `.id` names take the session id, the others the
 * token — or, with a session id alone, any token of that session (its id in base 36).
 */
export function tagsFor(target: { token?: string; sessionId?: string }, tagNames: readonly string[]): TagValue[] {
  const tags: TagValue[] = [];
  for (const tagName of tagNames) {
    const tag = tagOf(tagName, target);
    if (tag !== undefined && !tags.some((t) => t.tagName === tagName && t.value === tag.value)) tags.push(tag);
  }
  return tags;
}

function tagOf(tagName: string, target: { token?: string; sessionId?: string }): TagValue | undefined {
  if (isSessionIdTagName(tagName))
    return target.sessionId === undefined ? undefined : { tagName, value: target.sessionId };
  if (target.token !== undefined) return { tagName, value: target.token };
  const id = target.sessionId === undefined ? undefined : validateSessionId(target.sessionId);
  return id?.ok ? { tagName, value: id.sessionIdBigInt.toString(36), match: 'session' } : undefined;
}

/**
 * Whether the panel now shows another session than the running search's. No session at all (a
 * reload between probes) is not a change: only another token or id is.
 */
export function targetChanged(running: { token?: string; sessionId?: string }, session: TargetSession | null): boolean {
  if (!session) return false;
  if (running.token !== undefined) return session.token !== running.token;
  return session.token !== null || session.sessionId !== running.sessionId;
}

/** The exact tags of a running search, read back from the tag clause the background built (`"name=value" OR …`). */
export function tagsFromClause(tagClause: string): TagValue[] {
  const tags: TagValue[] = [];
  for (const m of tagClause.matchAll(/"([A-Za-z][A-Za-z0-9._]*)=([0-9A-Za-z._-]+)"/g)) {
    const tagName = m[1];
    const value = m[2];
    if (tagName === undefined || value === undefined) continue;
    // A token always has dots; a bare base-36 value under a token tag is a session id's.
    const sessionForm = !isSessionIdTagName(tagName) && isSessionPrefixValue(value);
    tags.push(sessionForm ? { tagName, value, match: 'session' } : { tagName, value });
  }
  return tags;
}
