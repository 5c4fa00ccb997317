// Shared shapes of the propagation audit. Pure data: no browser types.

/**
 * What kind of request DevTools says it was (HAR `_resourceType`, folded).
 * `ping` is sendBeacon (cannot carry custom headers); `font`/`media` are static assets;
 * `fetch-xhr` is a fetch or an XHR from a browser that does not say which (Firefox, see har-kind.ts).
 */
export type ResourceType =
  | 'fetch'
  | 'xhr'
  | 'fetch-xhr'
  | 'preflight'
  | 'script'
  | 'image'
  | 'stylesheet'
  | 'document'
  | 'font'
  | 'media'
  | 'ping'
  | 'websocket'
  | 'eventsource'
  | 'other';

export const RESOURCE_TYPES: readonly ResourceType[] = [
  'fetch',
  'xhr',
  'fetch-xhr',
  'preflight',
  'script',
  'image',
  'stylesheet',
  'document',
  'font',
  'media',
  'ping',
  'websocket',
  'eventsource',
  'other',
];

/** The requests the tracker's patch adds its header to (and whose URLs its matcher is asked about). */
export function isFetchOrXhr(type: ResourceType): boolean {
  return type === 'fetch' || type === 'xhr' || type === 'fetch-xhr';
}

export type Header = readonly [name: string, value: string];

/** A compact, normalized record of one request, made from a HAR entry (see har.ts). */
export interface CapturedRequest {
  /** Unique within a panel's lifetime (capture order). */
  id: string;
  /** Epoch ms of `startedDateTime`. */
  startedAt: number;
  durationMs: number;
  /** Upper-case. */
  method: string;
  /** Full URL as DevTools reported it (fragment removed). */
  url: string;
  /** `scheme://host[:port]` for http(s)/ws(s); `''` for blob:, data:, chrome-extension: and the like. */
  origin: string;
  /** Path only, no query. `''` when the URL is not hierarchical. */
  path: string;
  /**
   * Path template (`/api/users/:id`), computed once at capture so coverage over 100,000 requests
   * does not redo it; `templateOf(req)` computes it when absent. `''` for non-http URLs.
   */
  template?: string;
  /** `METHOD origin+template`, computed at capture like `template` (see `endpointKey`). */
  endpoint?: string;
  /** Query string including `?`, or `''`. */
  query: string;
  /** 0 when the request never got a response (blocked, aborted, network error). */
  status: number;
  resourceType: ResourceType;
  /** HAR `_initiator.type` (`script`, `parser`, `preflight`, `other`, ...) or `''`. */
  initiatorType: string;
  requestHeaders: Header[];
  responseHeaders: Header[];
  /** HAR `response._error`, e.g. `net::ERR_FAILED`. */
  error?: string;
  /** The inspected page at capture time. */
  pageUrl: string;
  pageOrigin: string;
  /** HAR `pageref` when present. */
  frame?: string;
  /**
   * The request body as text (HAR `postData.text`), for "Copy as cURL"; null when there was one
   * longer than HAR_LIMITS.maxBodyLength (not kept: 50,000 requests must fit in memory).
   */
  body?: string | null;
}

/** `outside-scope`: the current token went where the scope (or the tracker's matcher) leaves out — often a third party. */
export type Verdict = 'carries' | 'stale' | 'foreign' | 'missing' | 'blocked' | 'outside-scope' | 'not-expected';

export const VERDICTS: readonly Verdict[] = [
  'carries',
  'stale',
  'foreign',
  'missing',
  'blocked',
  'outside-scope',
  'not-expected',
];

/** The words the UI and the exports show. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  carries: 'carries token',
  stale: 'stale token',
  foreign: 'foreign token',
  missing: 'missing',
  blocked: 'blocked',
  'outside-scope': 'token outside scope',
  'not-expected': 'not expected',
};

/** Verdicts that are a propagation problem (each carries a reason and a fix). */
export const PROBLEM_VERDICTS: ReadonlySet<Verdict> = new Set<Verdict>([
  'stale',
  'foreign',
  'missing',
  'blocked',
  'outside-scope',
]);

export function isProblem(v: Verdict): boolean {
  return PROBLEM_VERDICTS.has(v);
}

/** Many requests share one result object (frozen): treat results as immutable. */
export interface VerdictResult {
  verdict: Verdict;
  /** One line, for people. Page-derived values in it are masked and escaped (no raw tokens). */
  reason: string;
  /** One line: what to change. Present on every problem verdict. */
  fix?: string;
  /** The header that decided the verdict, as the page spelled it. */
  headerName?: string;
  /** Its value, masked (never the raw token). */
  headerValue?: string;
  /** A fact worth knowing that does not change the verdict (the axios header name). */
  note?: string;
}

/** A token this tab has seen. Times are epoch ms, when known. */
export interface KnownToken {
  token: string;
  /** Decimal session id (first token part decoded), as a string because it exceeds 2^53. */
  sessionId: string;
  /** When it became the tab's token. */
  since?: number;
  /** When it stopped being the tab's token. */
  until?: number;
}

/** What the audit knows about this tab's tokens; the session module fills it. */
export interface TokenContext {
  current?: KnownToken;
  /** Earlier tokens of this tab, oldest first. */
  earlier: KnownToken[];
}

/** One stored row: the request and its current verdict. */
export interface AuditEntry {
  req: CapturedRequest;
  result: VerdictResult;
}

/**
 * At most this many requests are kept per tab, by the devtools page's capture and by the panel's
 * audit alike; older ones are dropped and counted. The README states the figure.
 */
export const CAPTURE_CAP = 50_000;

/** Whether a request without a session header should have had one (shared, frozen objects). */
export type ScopeDecision = { inScope: true; rule: string } | { inScope: false; reason: string; fix?: string };
