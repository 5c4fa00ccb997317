// "Same session token": a backend line tagged with token T can only come from a request that sent T
// (or T's session id). Decided on header values, whatever the header's name, so names the user
// configured count without the panel's settings.

import { sessionIdOfToken } from '../audit/token-format.ts';
import type { AuditEntry, CapturedRequest } from '../audit/types.ts';

export interface SessionKey {
  /** The token the search looked for. */
  token?: string | undefined;
  /** Its decimal session id (for the `openReplaySession.id` convention). */
  sessionId?: string | undefined;
}

function hasKey(key: SessionKey): boolean {
  return (key.token !== undefined && key.token !== '') || (key.sessionId !== undefined && key.sessionId !== '');
}

/** Whether one of the request's header values is the token, the session id, or a token of that session id. */
export function requestCarriesSession(req: Pick<CapturedRequest, 'requestHeaders'>, key: SessionKey): boolean {
  for (const [, rawValue] of req.requestHeaders) {
    const value = rawValue.trim();
    if (value === '') continue;
    if (key.token !== undefined && value === key.token) return true;
    if (key.sessionId !== undefined && key.sessionId !== '') {
      if (value === key.sessionId) return true;
      // A token is 4 dot-separated parts; skip decoding values that cannot be one.
      if (
        value.length >= 20 &&
        value.length <= 200 &&
        value.split('.').length === 4 &&
        sessionIdOfToken(value) === key.sessionId
      )
        return true;
    }
  }
  return false;
}

/**
 * The entries whose request carried the session. Without a key (nothing searched yet), the audit's
 * own verdict decides: requests that carry the current token.
 */
export function entriesCarryingSession(entries: readonly AuditEntry[], key: SessionKey): AuditEntry[] {
  if (!hasKey(key)) return entries.filter((e) => e.result.verdict === 'carries');
  return entries.filter((e) => carriesSessionCached(e.req, key));
}

// Re-linking runs whenever a request arrives: remember each request's answer for the last key.
const memo = new WeakMap<object, { key: string; carries: boolean }>();

/** requestCarriesSession, remembered per request object for the last key asked. */
export function carriesSessionCached(req: CapturedRequest, key: SessionKey): boolean {
  const k = `${key.token ?? ''}\u0000${key.sessionId ?? ''}`;
  const hit = memo.get(req);
  if (hit !== undefined && hit.key === k) return hit.carries;
  const carries = requestCarriesSession(req, key);
  memo.set(req, { key: k, carries });
  return carries;
}
