import type { SessionState } from './session-state.ts';
import type { KnownToken, TokenContext } from '../audit/types.ts';

/**
 * What the audit compares request headers against: the token the PAGE uses (a token entered by
 * hand is for searching, not what the page sends) and every earlier token of this tab.
 */
export function tokenContextOf(session: SessionState): TokenContext {
  const pageToken = session.detected?.token ?? null;
  const current: KnownToken | undefined =
    pageToken && session.detected
      ? {
          token: pageToken,
          sessionId: session.detected.sessionId,
          ...(session.detected.firstSeen ? { since: session.detected.firstSeen } : {}),
        }
      : undefined;
  // History is newest first: a token stopped being the tab's token when the next newer one appeared.
  const earlier: KnownToken[] = session.history
    .map((h, i) => ({ h, next: session.history[i - 1] }))
    .filter(({ h }) => h.token !== pageToken)
    .map(({ h, next }) => ({
      token: h.token,
      sessionId: h.decoded.sessionId,
      since: h.firstSeen,
      until: next?.firstSeen ?? h.lastSeen,
    }))
    .reverse();
  return current ? { current, earlier } : { earlier };
}

/** Cheap identity for "did the tokens change", so 2-second polls never re-judge 50,000 rows. */
export function tokenContextKey(ctx: TokenContext): string {
  return [ctx.current?.token ?? '', ...ctx.earlier.map((e) => e.token)].join('|');
}
