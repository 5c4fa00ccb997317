// What the page's own tracker was told to do (its `network` options, its `tokenUrlMatcher`'s
// answers, whether it records at all), and how that changes the audit's scope and reasons.
// Pure data and decisions: the devtools page reads the options and asks the matcher.

import type { CapturedRequest, ScopeDecision } from './types.ts';

/** The tracker's answer for one URL. Anything but yes/no is "unknown": the audit falls back to its own scope. */
export type MatcherAnswer = 'yes' | 'no' | 'threw' | 'not-boolean' | 'slow';

export const MATCHER_ANSWERS: readonly MatcherAnswer[] = ['yes', 'no', 'threw', 'not-boolean', 'slow'];

/** A call to the page's matcher longer than this counts as "runs long"; the audit then stops asking it. */
export const MATCHER_SLOW_MS = 50;

export type Recording = 'recording' | 'sampled-out' | 'inactive' | 'unknown';

/** `network.sessionTokenHeader` as read on the page: off, the default name, or a custom name. */
export type HeaderOption = { on: false } | { on: true; name: string; custom: boolean };

export const DEFAULT_TRACKER_HEADER = 'X-OpenReplay-SessionToken';
export const AXIOS_TRACKER_HEADER = 'X-OpenReplay-Session-Token';

export interface TrackerPolicy {
  /** Undefined while the tracker's options have not been read. */
  header?: HeaderOption;
  /** The options hold a `tokenUrlMatcher` function. */
  hasMatcher: boolean;
  /** The matcher's answers per request URL (empty when the user opted out of asking it). */
  answers: ReadonlyMap<string, MatcherAnswer>;
  recording: Recording;
}

export const NO_TRACKER_POLICY: TrackerPolicy = Object.freeze({
  hasMatcher: false,
  answers: new Map(),
  recording: 'unknown',
});

export function isUnknownAnswer(a: MatcherAnswer | undefined): boolean {
  return a === 'threw' || a === 'not-boolean' || a === 'slow';
}

const UNKNOWN_WHY: Readonly<Record<'threw' | 'not-boolean' | 'slow', string>> = {
  threw: 'it threw an error',
  'not-boolean': 'it returned something other than true or false',
  slow: `it ran longer than ${MATCHER_SLOW_MS} ms, so the audit stopped asking it`,
};

/** "unknown — it threw an error": the one wording for an answer the audit could not use. */
export function describeAnswer(a: MatcherAnswer | undefined): string {
  if (a === undefined) return 'not asked';
  if (a === 'yes') return 'accepts this URL';
  if (a === 'no') return 'leaves this URL out';
  return `unknown — ${UNKNOWN_WHY[a]}`;
}

/** Options → the one line the Session area shows. */
export function describeHeaderOption(p: Pick<TrackerPolicy, 'header' | 'hasMatcher'>): string {
  if (p.header === undefined) return "The tracker's network options could not be read.";
  if (!p.header.on)
    return 'The tracker is not set to add the session token header (network.sessionTokenHeader is off).';
  const to = p.hasMatcher
    ? 'to requests its tokenUrlMatcher accepts'
    : 'to every fetch and XHR, other origins included (no tokenUrlMatcher)';
  return `The tracker adds ${p.header.name} ${to}.`;
}

export const HEADER_OFF_OPTION = 'network: { sessionTokenHeader: true }';

// Unreachable mechanisms: the tracker patches the page's fetch and XHR, nothing else.
const PATCH = "the tracker's patch never reaches it";
const out = (reason: string, fix?: string): ScopeDecision =>
  Object.freeze(fix === undefined ? { inScope: false as const, reason } : { inScope: false as const, reason, fix });
export const UNREACHABLE = {
  beacon: out(`a beacon: navigator.sendBeacon cannot set request headers, and ${PATCH}`),
  navigation: out(`a navigation: the browser makes it, and ${PATCH}`),
  formPost: out(`a form post: the browser submits it as a navigation, and ${PATCH}`),
  websocket: out(`a WebSocket: the browser API cannot set request headers, and ${PATCH}`),
  eventsource: out(`an EventSource: the browser API cannot set request headers, and ${PATCH}`),
  noCors: out(
    "a no-cors request (a beacon, or a fetch with mode: 'no-cors'; the browser does not say which): the browser drops custom headers from it",
  ),
} as const;

export const WORKER_REASON =
  "a fetch from a Web Worker: the tracker patches the page's fetch and XHR only, never a worker's";
export const WORKER_FIX =
  'pass the token to the worker (postMessage tracker.getSessionToken()) and add the header there';

export const BYPASS_REASON =
  'your tokenUrlMatcher accepts this URL, yet it went without the header: the request bypassed the tracker (a fetch saved before the tracker started, a Web Worker, a client such as ky)';
export const BYPASS_FIX =
  'call window.fetch when the request is made (not a copy saved before tracker.start()), or add the header yourself from tracker.getSessionToken()';

export const MATCHER_LEAVES_SAME_ORIGIN =
  'your tokenUrlMatcher leaves this same-origin API out: if its backend logs should link, add it';
export const MATCHER_LEAVES_OUT = 'your tokenUrlMatcher leaves this URL out';
export const MATCHER_FIX = 'make tokenUrlMatcher return true for it';

const SAMPLED_OUT = out(
  "the session is sampled out: the tracker's start was answered 403 (capture rate miss), so no request carries a token",
);
const INACTIVE = out('the tracker is not recording (isActive() is false), so no request carries a token');

/** Requests made while nothing records are not "missing": there is no token to send, by design. */
export function notRecordingDecision(policy: TrackerPolicy): ScopeDecision | null {
  if (policy.recording === 'sampled-out') return SAMPLED_OUT;
  if (policy.recording === 'inactive') return INACTIVE;
  return null;
}

/** The matcher decides the default scope of a fetch/XHR it answered for; null when it cannot. */
export function matcherDecision(req: CapturedRequest, policy: TrackerPolicy): ScopeDecision | null {
  if (!policy.hasMatcher) return null;
  const a = policy.answers.get(req.url);
  if (a === 'yes') return MATCHER_IN;
  if (a === 'no') return req.origin === req.pageOrigin ? MATCHER_OUT_SAME : MATCHER_OUT;
  return null;
}

const MATCHER_IN: ScopeDecision = Object.freeze({ inScope: true, rule: 'your tokenUrlMatcher' });
const MATCHER_OUT_SAME = out(MATCHER_LEAVES_SAME_ORIGIN, MATCHER_FIX);
const MATCHER_OUT = out(MATCHER_LEAVES_OUT, MATCHER_FIX);

export function isMatcherRule(d: ScopeDecision): boolean {
  return d === MATCHER_IN;
}

/** Why a request that carried the current token should not have, and what to change. */
export function outsideScopeText(
  req: CapturedRequest,
  policy: TrackerPolicy,
  byMatcher: boolean,
): { reason: string; fix: string } {
  const origin = req.origin;
  if (origin === req.pageOrigin) {
    return {
      reason: `the token goes to this same-origin URL, which ${byMatcher ? 'your tokenUrlMatcher' : 'the audit scope'} leaves out`,
      fix: byMatcher
        ? 'stop adding the header to it by hand, or make tokenUrlMatcher return true for it'
        : 'add it to the audit scope if it is yours',
    };
  }
  const third = 'the token is shared with a third party, and its CORS may refuse the header';
  if (policy.header?.on === true && !policy.hasMatcher) {
    return {
      reason: `the token goes to ${origin}, outside the audit scope: the tracker has no tokenUrlMatcher, so it adds the header to every origin — ${third}`,
      fix: 'limit the header with network.tokenUrlMatcher, e.g. tokenUrlMatcher: (url) => new URL(url, location.href).origin === location.origin',
    };
  }
  return {
    reason: `the token goes to ${origin}, which ${byMatcher ? 'your tokenUrlMatcher' : 'the audit scope'} leaves out — ${third}`,
    fix: byMatcher
      ? 'stop sending it there (it is added by hand or by a client the matcher does not govern), or make tokenUrlMatcher accept this origin if it is yours'
      : 'limit the header with network.tokenUrlMatcher, or add this origin to the audit scope if it is yours',
  };
}
