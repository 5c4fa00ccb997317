// Why a session header's value is not one this tab has used: a cut-off token, an id in a token
// header, another session's token. Wording only; judging happens in verdict.ts.

import { displayValue, inertText } from './mask.ts';
import { sessionIdOfToken } from './token-format.ts';
import type { VerdictResult } from './types.ts';
import type { FoundHeader, JudgeContext } from './judge-context.ts';

export const READ_AT_REQUEST_TIME =
  'read the token when the request is made (tracker.getSessionToken()) instead of keeping an old value';

export function foreignTokenValue(h: FoundHeader, ctx: JudgeContext): Pick<VerdictResult, 'reason' | 'fix'> {
  const name = inertText(h.name, 80);
  const shown = displayValue(h.value);
  const current = ctx.tokens.current;
  const v = h.value;
  if (v === '') {
    return {
      reason: `${name} is empty`,
      fix: 'set it only once the tracker has a token (after tracker.start() resolves), from tracker.getSessionToken()',
    };
  }
  if (current !== undefined) {
    if (v === current.sessionId || ctx.bySessionId.has(v)) {
      return {
        reason: `${name} holds a session id (${shown}), not the token`,
        fix: 'send tracker.getSessionToken() in it, or send the id in an openReplaySession.id header',
      };
    }
    const t = current.token;
    if (v.length < t.length && t.startsWith(v)) {
      const next = t.charAt(v.length);
      const why = next === '-' ? ' — something stops at "-" (the delay part may be negative)' : '';
      return {
        reason: `${name} holds the current token cut off after ${v.length} of ${t.length} characters${why}`,
        fix: 'send the whole token unchanged',
      };
    }
    if (v.toLowerCase() === t.toLowerCase()) {
      return {
        reason: `${name} holds the current token in different letter case`,
        fix: 'send the token unchanged — it is case-sensitive',
      };
    }
    if (v.includes(t)) {
      return {
        reason: `${name} holds the current token wrapped in other text (${shown})`,
        fix: 'send only the token, as tracker.getSessionToken() returns it (no prefix, no project key)',
      };
    }
  }
  if (ctx.isTokenFormat(v)) {
    const id = sessionIdOfToken(v);
    const of = id !== undefined ? ` (session ${id})` : '';
    if (current === undefined) {
      return {
        reason: `${name} holds a token${of}, but no current token of this tab is known to compare it with`,
        fix: "find the page's tracker in the Session view, or paste the session token there",
      };
    }
    return {
      reason: `${name} holds a token of another session${of}, not one this tab has used`,
      fix: READ_AT_REQUEST_TIME,
    };
  }
  return {
    reason: `${name} holds ${shown}, which is not an OpenReplay token (4 dot-separated parts)`,
    fix: 'send the value of tracker.getSessionToken() unchanged',
  };
}

export function foreignIdValue(h: FoundHeader, ctx: JudgeContext): Pick<VerdictResult, 'reason' | 'fix'> {
  const name = inertText(h.name, 80);
  const v = h.value;
  if (v === '')
    return { reason: `${name} is empty`, fix: 'set it to tracker.getSessionID() once the session has started' };
  if (ctx.byToken.has(v) || ctx.isTokenFormat(v)) {
    return { reason: `${name} holds a token, not the session id`, fix: 'send tracker.getSessionID() in it' };
  }
  if (/^\d{1,30}$/.test(v)) {
    const why =
      ctx.tokens.current === undefined
        ? ', and no current session of this tab is known'
        : ', not one this tab has used';
    return {
      reason: `${name} holds session id ${v}${why}`,
      fix: 'send tracker.getSessionID() of this page when the request is made',
    };
  }
  return {
    reason: `${name} holds ${displayValue(v)}, which is not a session id (digits only)`,
    fix: 'send tracker.getSessionID() unchanged',
  };
}
