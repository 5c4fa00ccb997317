// One verdict per request. Everything that does not depend on the request is computed once in
// `buildJudgeContext`, so judging a full capture costs one pass over the requests.

import { diagnoseCors, hasFailed, parseHeaderList, PreflightIndex } from './diagnose-cors.ts';
import { shared, type FoundHeader, type JudgeContext, type TokenMatch } from './judge-context.ts';
import { headerValue } from './har.ts';
import { headerKinds } from './header-names.ts';
import { foreignIdValue, foreignTokenValue, READ_AT_REQUEST_TIME } from './foreign-values.ts';
import { displayValue } from './mask.ts';
import { compileScope, DEFAULT_SCOPE_SETTINGS, type ScopeSettings } from './scope-settings.ts';
import { looksLikeToken } from './token-format.ts';
import { decideForTracker, outsideScope } from './tracker-scope.ts';
import { AXIOS_TRACKER_HEADER, NO_TRACKER_POLICY, type TrackerPolicy } from './tracker-policy.ts';

export { MISSING_FIX, shared, type FoundHeader, type JudgeContext } from './judge-context.ts';
import type { CapturedRequest, KnownToken, TokenContext, VerdictResult } from './types.ts';

export interface JudgeContextInput {
  tokens?: TokenContext;
  settings?: ScopeSettings;
  /** Shared with the store, which keeps it up to date as entries arrive and leave. */
  preflights?: PreflightIndex;
  /** Ingest points learned from the page; their traffic is never expected to carry the header. */
  ingestUrls?: readonly string[];
  /** Token format check; the session module's validator can be passed in. */
  isTokenFormat?: (value: string) => boolean;
  tracker?: TrackerPolicy;
}

export function buildJudgeContext(input: JudgeContextInput = {}): JudgeContext {
  const tokens = input.tokens ?? { earlier: [] };
  const settings = input.settings ?? DEFAULT_SCOPE_SETTINGS;
  const tracker = input.tracker ?? NO_TRACKER_POLICY;
  // A custom header name set in the tracker's options is audited without being typed in.
  const custom = tracker.header?.on === true && tracker.header.custom ? [tracker.header.name] : [];
  const kinds = headerKinds([...settings.extraHeaderNames, ...custom]);
  const byToken = new Map<string, TokenMatch>();
  const bySessionId = new Map<string, TokenMatch>();
  for (const known of tokens.earlier) {
    byToken.set(known.token, { current: false, known });
    bySessionId.set(known.sessionId, { current: false, known });
  }
  // Set last: a token that is current again is not stale.
  if (tokens.current !== undefined) {
    const m: TokenMatch = { current: true, known: tokens.current };
    byToken.set(tokens.current.token, m);
    bySessionId.set(tokens.current.sessionId, m);
  }
  return {
    tokens,
    scope: compileScope(settings),
    kinds,
    nameLengths: new Set([...kinds.keys()].map((k) => k.length)),
    byToken,
    bySessionId,
    preflights: input.preflights ?? new PreflightIndex(),
    ingestUrls: input.ingestUrls ?? [],
    isTokenFormat: input.isTokenFormat ?? looksLikeToken,
    tracker,
    userScope: isUserScope(settings),
    shared: new Map(),
  };
}

function isUserScope(s: ScopeSettings): boolean {
  return s.extraOrigins.length > 0 || s.urlPatterns.length > 0 || !s.includeSameOrigin;
}

/** The session headers a request sent, in the order it sent them. */
export function sessionHeaders(req: CapturedRequest, ctx: JudgeContext): FoundHeader[] {
  let found: FoundHeader[] | undefined;
  // Indexed loops, no destructuring: the requests may be arrays of another frame (the devtools page
  // hands them over by reference), where V8's iterator fast paths do not apply.
  const headers = req.requestHeaders;
  for (let i = 0; i < headers.length; i++) {
    const header = headers[i] as (typeof headers)[number];
    const name = header[0];
    const value = header[1];
    if (!ctx.nameLengths.has(name.length)) continue;
    const lower = name.toLowerCase();
    const kind = ctx.kinds.get(lower);
    if (kind === undefined) continue;
    (found ??= []).push({ name, lower, value: value.trim(), kind });
  }
  return found ?? [];
}

function iso(ms: number | undefined): string | undefined {
  return ms === undefined || !Number.isFinite(ms) ? undefined : new Date(ms).toISOString();
}

function staleWhen(known: KnownToken): string {
  const since = iso(known.since);
  const until = iso(known.until);
  if (since !== undefined && until !== undefined) return `, current from ${since} to ${until}`;
  if (since !== undefined) return `, current from ${since}`;
  if (until !== undefined) return `, current until ${until}`;
  return '';
}

const PREFLIGHT_RESULT: VerdictResult = Object.freeze({
  verdict: 'not-expected',
  reason: 'a CORS preflight (the browser sends it; it never carries custom headers)',
});

const AXIOS_LOWER = AXIOS_TRACKER_HEADER.toLowerCase();
export const AXIOS_NOTE = `${AXIOS_TRACKER_HEADER} is the name the axios plugin uses: a backend reading X-OpenReplay-SessionToken will not see it`;

function customIs(ctx: JudgeContext, lower: string): boolean {
  const h = ctx.tracker.header;
  return h?.on === true && h.custom && h.name.toLowerCase() === lower;
}

/** Ranks value verdicts so the worst header of a request decides. */
const SEVERITY = { carries: 0, stale: 1, foreign: 2 } as const;

/** The earlier token was still the tab's token when this request started: sending it then was right. */
function wasCurrentAt(known: KnownToken, at: number): boolean {
  return known.until !== undefined && at < known.until && (known.since === undefined || at >= known.since);
}

function judgeValue(h: FoundHeader, ctx: JudgeContext, startedAt: number): VerdictResult {
  const byToken = h.kind !== 'session-id' ? ctx.byToken.get(h.value) : undefined;
  const byId = h.kind !== 'token' ? ctx.bySessionId.get(h.value) : undefined;
  const m = byToken ?? byId;
  if (m === undefined) {
    const f =
      h.kind === 'session-id' || (h.kind === 'either' && /^\d+$/.test(h.value))
        ? foreignIdValue(h, ctx)
        : foreignTokenValue(h, ctx);
    return { verdict: 'foreign', ...f, headerName: h.name, headerValue: displayValue(h.value) };
  }
  const currentThen = !m.current && wasCurrentAt(m.known, startedAt);
  // Known values are few (this tab's tokens and ids), so their results are shared.
  return shared(ctx, `v\u0000${h.name}\u0000${h.value}\u0000${currentThen ? 'then' : ''}`, () => {
    // The name matched a valid header name case-insensitively, so it is plain ASCII: no escaping needed.
    const base = { headerName: h.name, headerValue: displayValue(h.value) };
    const what = byToken !== undefined ? 'token' : 'session id';
    if (m.current) {
      const r: VerdictResult = { verdict: 'carries', reason: `${h.name} carries the current ${what}`, ...base };
      if (h.lower === AXIOS_LOWER && !customIs(ctx, AXIOS_LOWER)) r.note = AXIOS_NOTE;
      return r;
    }
    if (currentThen) {
      return {
        verdict: 'carries',
        reason: `${h.name} carries the ${what} that was current when it was sent (session ${m.known.sessionId}${staleWhen(m.known)})`,
        ...base,
      };
    }
    return {
      verdict: 'stale',
      reason: `${h.name} holds an earlier ${what} of this tab (session ${m.known.sessionId}${staleWhen(m.known)})`,
      fix: READ_AT_REQUEST_TIME,
      ...base,
    };
  });
}

function blocked(req: CapturedRequest, ctx: JudgeContext, headerLower: string, h?: FoundHeader): VerdictResult | null {
  const preflight = ctx.preflights.find(req.url, req.startedAt);
  const d = diagnoseCors(req, preflight, headerLower);
  if (d === null) return null;
  const r: VerdictResult = { verdict: 'blocked', reason: d.reason, fix: d.fix };
  if (h !== undefined) {
    r.headerName = h.name;
    r.headerValue = displayValue(h.value);
  }
  return r;
}

/**
 * The verdict of one request. A request that sent a session header is judged by its value
 * whatever the scope (a stale token sent to a third party is still a problem); one that did
 * not is `missing` only when the scope says it should have.
 */
export function judge(req: CapturedRequest, ctx: JudgeContext): VerdictResult {
  if (req.resourceType === 'preflight') return PREFLIGHT_RESULT;
  const found = sessionHeaders(req, ctx);
  if (found.length > 0) {
    const first = found[0] as FoundHeader;
    if (hasFailed(req)) {
      const b = blocked(req, ctx, first.lower, first);
      if (b !== null) return b;
    }
    let worst = judgeValue(first, ctx, req.startedAt);
    for (let i = 1; i < found.length; i++) {
      const next = judgeValue(found[i] as FoundHeader, ctx, req.startedAt);
      if (SEVERITY[next.verdict as keyof typeof SEVERITY] > SEVERITY[worst.verdict as keyof typeof SEVERITY])
        worst = next;
    }
    return worst.verdict === 'carries' ? outsideScope(req, ctx, worst) : worst;
  }

  // Only provisional headers may be recorded for a refused request; its preflight still says what it asked for.
  if (hasFailed(req) && req.origin !== req.pageOrigin) {
    const p = ctx.preflights.find(req.url, req.startedAt);
    if (p !== undefined) {
      const asked = parseHeaderList(headerValue(p.requestHeaders, 'access-control-request-headers'));
      const sessionHeader = asked.find((n) => ctx.kinds.has(n));
      if (sessionHeader !== undefined) {
        const b = blocked(req, ctx, sessionHeader);
        if (b !== null) return b;
      }
    }
  }

  return decideForTracker(req, ctx);
}

/** `reason — fix`, the one line the UI shows. */
export function oneLine(r: VerdictResult): string {
  return r.fix !== undefined && r.verdict !== 'not-expected' ? `${r.reason} — ${r.fix}` : r.reason;
}
