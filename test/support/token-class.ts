// Where a value stands in a tab's session state, read from the state: tests use it to say what the
// reducer kept as current and what it moved to the history.

import type { SessionState } from '../../src/core/session/session-state.ts';

export type TokenClass = 'current' | 'stale' | 'foreign';

/** current: the token in use; stale: an earlier (or other) token of this tab; foreign: never seen here. */
export function classifyToken(state: SessionState, value: string): TokenClass {
  if (state.current?.token != null && state.current.token === value) return 'current';
  if (state.history.some((h) => h.token === value)) return 'stale';
  return 'foreign';
}

/** The same for the newer `openReplaySession.id` convention, which carries the numeric id. */
export function classifySessionId(state: SessionState, sessionId: string): TokenClass {
  if (state.current && state.current.sessionId === sessionId) return 'current';
  if (state.history.some((h) => h.decoded.sessionId === sessionId)) return 'stale';
  return 'foreign';
}

export function isStale(state: SessionState, token: string): boolean {
  return classifyToken(state, token) === 'stale';
}
