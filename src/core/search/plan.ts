import { validateToken } from '../session/token.ts';
import { validateSessionId } from '../session/session-id.ts';
import type { TagValue } from '../logs/parse.ts';
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
}

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
export function planSearch(session: TargetSession | null, settings: PlanSettings, now: number): PlanResult {
  if (!session) {
    return {
      ok: false,
      reason: 'No session to search for: open a page that runs the OpenReplay tracker, or enter a token or session id by hand in the Session tab.',
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
  const window = searchWindow(session, settings, now);
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

/** The window from the settings: the session's start (or its expiry − 2 h) or the last N minutes, to now or the expiry. */
export function searchWindow(session: TargetSession, settings: PlanSettings, now: number): TimeWindow {
  if (settings.windowStart === 'last-minutes') return timeWindow({ now, lastMinutes: settings.windowMinutes });
  const expiry = session.decoded?.expiresAt;
  const window = timeWindow({
    now,
    ...(session.startTimestamp !== undefined ? { sessionStartMs: session.startTimestamp } : {}),
    ...(expiry !== undefined ? { tokenExpiryMs: expiry } : {}),
  });
  if (window.basis === 'last-minutes') return timeWindow({ now, lastMinutes: settings.windowMinutes });
  // "to now": lines may be logged after the token expired (a long request finishing late).
  return settings.windowEnd === 'now' ? { ...window, to: Math.max(window.to, Math.floor(now)) } : window;
}

/** One tag per configured name that has a value: `.id` names take the session id, the others the token. */
export function tagsFor(target: { token?: string; sessionId?: string }, tagNames: readonly string[]): TagValue[] {
  const tags: TagValue[] = [];
  for (const tagName of tagNames) {
    const value = isSessionIdTagName(tagName) ? target.sessionId : target.token;
    if (value !== undefined && !tags.some((t) => t.tagName === tagName && t.value === value)) tags.push({ tagName, value });
  }
  return tags;
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
    if (tagName !== undefined && value !== undefined) tags.push({ tagName, value });
  }
  return tags;
}
