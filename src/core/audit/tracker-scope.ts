// The audit scope once the page's tracker has spoken: its tokenUrlMatcher sets the default scope
// (the user's own scope still overrides), a session that does not record expects no header, and
// a current token sent where the scope leaves it out is its own verdict.

import { decideScope, isDefaultDecision, type ScopeDecision } from './scope.ts';
import {
  BYPASS_FIX,
  BYPASS_REASON,
  describeAnswer,
  isMatcherRule,
  isUnknownAnswer,
  matcherDecision,
  notRecordingDecision,
  outsideScopeText,
  WORKER_FIX,
  WORKER_REASON,
} from './tracker-policy.ts';
import { isFetchOrXhr, type CapturedRequest, type ResourceType, type VerdictResult } from './types.ts';
import { MISSING_FIX, shared, type JudgeContext } from './judge-context.ts';

// Firefox does not say whether a request was a fetch or an XHR: the reason says so rather than guess.
const KIND_WORDS: Partial<Record<ResourceType, string>> = { xhr: 'XHR', 'fetch-xhr': 'fetch or XHR' };

interface Decided {
  d: ScopeDecision;
  /** Set when the matcher was asked and gave no usable answer. */
  unknownWhy?: string;
}

function decide(req: CapturedRequest, ctx: JudgeContext): Decided {
  const d = decideScope(req, ctx.scope, req.pageOrigin, ctx.ingestUrls);
  if (ctx.userScope || !isDefaultDecision(d)) return { d };
  const m = matcherDecision(req, ctx.tracker);
  if (m !== null) return { d: m };
  const a = ctx.tracker.answers.get(req.url);
  if (ctx.tracker.hasMatcher && isUnknownAnswer(a)) return { d, unknownWhy: describeAnswer(a) };
  return { d };
}

/** The verdict of a request that sent no session header. */
export function decideForTracker(req: CapturedRequest, ctx: JudgeContext): VerdictResult {
  const { d, unknownWhy } = decide(req, ctx);
  if (!d.inScope) {
    return shared(ctx, d, () => {
      const r: VerdictResult = { verdict: 'not-expected', reason: d.reason };
      if (d.fix !== undefined) r.fix = d.fix;
      return r;
    });
  }
  const quiet = notRecordingDecision(ctx.tracker);
  if (quiet !== null && !quiet.inScope)
    return shared(ctx, quiet, () => ({ verdict: 'not-expected', reason: quiet.reason }));
  if (req.initiatorType === 'worker')
    return shared(ctx, 'worker', () => ({ verdict: 'missing', reason: WORKER_REASON, fix: WORKER_FIX }));
  if (isMatcherRule(d))
    return shared(ctx, 'bypass', () => ({ verdict: 'missing', reason: BYPASS_REASON, fix: BYPASS_FIX }));
  const kind = KIND_WORDS[req.resourceType] ?? 'fetch';
  const note = unknownWhy === undefined ? '' : `; your tokenUrlMatcher: ${unknownWhy}`;
  return shared(ctx, `m\u0000${kind}\u0000${d.rule}\u0000${note}`, () => ({
    verdict: 'missing',
    reason: `no session token header on this ${kind} (in scope: ${d.rule}${note})`,
    fix: MISSING_FIX,
  }));
}

/** A request that carried the current token: `outside-scope` when the scope (or the matcher) leaves it out. */
export function outsideScope(req: CapturedRequest, ctx: JudgeContext, carries: VerdictResult): VerdictResult {
  if (!isFetchOrXhr(req.resourceType) && req.resourceType !== 'other') return carries;
  const { d } = decide(req, ctx);
  if (d.inScope || !(isDefaultDecision(d) || d.reason.startsWith('your tokenUrlMatcher'))) return carries;
  const byMatcher = !isDefaultDecision(d);
  const key = `o\u0000${carries.headerName ?? ''}\u0000${carries.headerValue ?? ''}\u0000${req.origin}\u0000${req.pageOrigin}\u0000${byMatcher ? 1 : 0}`;
  return shared(ctx, key, () => {
    const text = outsideScopeText(req, ctx.tracker, byMatcher);
    const r: VerdictResult = { verdict: 'outside-scope', reason: text.reason, fix: text.fix };
    if (carries.headerName !== undefined) r.headerName = carries.headerName;
    if (carries.headerValue !== undefined) r.headerValue = carries.headerValue;
    if (carries.note !== undefined) r.note = carries.note;
    return r;
  });
}
