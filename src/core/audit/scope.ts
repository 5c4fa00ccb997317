// Which requests "should" carry the session header: the audit scope, and what is never expected to.

import { validateHeaderName } from './header-names.ts';
import { UNREACHABLE } from './tracker-policy.ts';
import { UNSAID_KIND } from './har-kind.ts';
import type { CapturedRequest, ScopeDecision } from './types.ts';

export type { ScopeDecision } from './types.ts';

/** Persisted per inspected site (see `siteKey`). */
export interface ScopeSettings {
  /** Origins whose fetch/XHR should carry the header: `https://api.example.com`, `api.example.com:4001`, `https://*.example.com`. */
  extraOrigins: string[];
  /** Like the tracker's `tokenUrlMatcher`: globs with `*` (`https://api.example.com/v2/*`, or `*` then `/graphql`) or `/regex/flags`. */
  urlPatterns: string[];
  /** More header names that count (case-insensitive). */
  extraHeaderNames: string[];
  /** Same-origin fetch/XHR are in scope (the default). */
  includeSameOrigin: boolean;
  /** Ask the page's own tokenUrlMatcher about each request URL (it runs page code; on by default). */
  askTrackerMatcher: boolean;
}

export const DEFAULT_SCOPE_SETTINGS: Readonly<ScopeSettings> = Object.freeze({
  extraOrigins: [],
  urlPatterns: [],
  extraHeaderNames: [],
  includeSameOrigin: true,
  askTrackerMatcher: true,
});

export interface ScopeError {
  field: 'extraOrigins' | 'urlPatterns' | 'extraHeaderNames';
  index: number;
  value: string;
  message: string;
}

interface CompiledRule {
  /** As the user wrote it, for reason lines. */
  source: string;
  test: (s: string) => boolean;
  /** The shared in-scope decision this rule gives. */
  decision: ScopeDecision;
}

export interface CompiledScope {
  settings: ScopeSettings;
  origins: CompiledRule[];
  patterns: CompiledRule[];
  errors: ScopeError[];
  /** Origin → decision, filled as requests are judged. */
  originCache: Map<string, ScopeDecision>;
}

/** The key settings are stored under: the inspected page's origin (or the URL itself for file: and the like). */
export function siteKey(pageUrl: string): string {
  try {
    const u = new URL(pageUrl);
    return u.origin !== 'null' ? u.origin : u.protocol + u.pathname;
  } catch {
    return pageUrl;
  }
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function rule(source: string, label: string, test: (s: string) => boolean): CompiledRule {
  return { source, test, decision: Object.freeze({ inScope: true, rule: label }) };
}

const ORIGIN_PATTERN = /^(?:([a-z][a-z0-9+.-]*):\/\/)?((?:\*\.)?[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?\/?$/i;

function compileOrigin(raw: string): CompiledRule | string {
  const s = raw.trim();
  if (s === '') return 'an origin cannot be empty';
  const m = ORIGIN_PATTERN.exec(s);
  if (m === null) {
    if (/^[a-z][a-z0-9+.-]*:\/\/[^/]+\/./i.test(s))
      return 'an origin has no path — put URLs with a path under URL patterns';
    return 'not an origin — write it like https://api.example.com or api.example.com:4001';
  }
  const [, scheme, host = '', port] = m;
  if (scheme !== undefined && !/^https?$/i.test(scheme))
    return `scheme ${scheme}: cannot carry request headers — use http or https`;
  if (port !== undefined && Number(port) > 65535) return `port ${port} is out of range`;
  const schemePart = scheme !== undefined ? escapeRegex(scheme.toLowerCase()) : 'https?';
  const hostPart = host.startsWith('*.')
    ? '(?:[a-z0-9-]+\\.)+' + escapeRegex(host.slice(2).toLowerCase())
    : escapeRegex(host.toLowerCase());
  // No port written: any port, because local setups put APIs on their own port of the same host.
  const portPart = port !== undefined ? ':' + port : '(?::\\d+)?';
  const re = new RegExp('^' + schemePart + ':\\/\\/' + hostPart + portPart + '$');
  return rule(s, `origin ${s}`, (origin) => re.test(origin));
}

/**
 * A `*` glob as a matcher without backtracking: the parts between stars are found left to right,
 * each at its first place after the previous one (which is always a right choice for `*`-only
 * globs), so a URL is read a bounded number of times however many stars the pattern has.
 */
export function compileGlob(glob: string): (text: string) => boolean {
  const parts = glob.split('*');
  const first = parts[0] ?? '';
  if (parts.length === 1) return (text) => text === first;
  const last = parts[parts.length - 1] ?? '';
  const middle = parts.slice(1, -1).filter((p) => p !== '');
  return (text) => {
    if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
    let at = first.length;
    const end = text.length - last.length;
    for (const part of middle) {
      const found = text.indexOf(part, at);
      if (found === -1 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}

const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/s;

function compilePattern(raw: string): CompiledRule | string {
  const s = raw.trim();
  if (s === '') return 'a URL pattern cannot be empty';
  const lit = REGEX_LITERAL.exec(s);
  if (lit !== null) {
    const [, body = '', flags = ''] = lit;
    if (/[^imsu]/.test(flags)) return `flags "${flags}" not allowed — use only i, m, s, u`;
    try {
      const re = new RegExp(body, flags);
      return rule(s, `URL pattern ${s}`, (url) => re.test(url));
    } catch (e) {
      return `invalid regular expression: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  if (/\s/.test(s)) return 'a URL pattern cannot contain spaces';
  // A glob without a scheme may match anywhere from the start (`*/graphql`, `api.example.com/v2/*`).
  const anchored = /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || s.startsWith('*');
  const match = compileGlob(anchored ? s : `*${s}`);
  return rule(s, `URL pattern ${s}`, match);
}

/** Compiles settings once; invalid entries are skipped and reported in `errors`. */
export function compileScope(settings: ScopeSettings): CompiledScope {
  const errors: ScopeError[] = [];
  const origins: CompiledRule[] = [];
  const patterns: CompiledRule[] = [];
  settings.extraOrigins.forEach((value, index) => {
    const r = compileOrigin(value);
    if (typeof r === 'string') errors.push({ field: 'extraOrigins', index, value, message: r });
    else origins.push(r);
  });
  settings.urlPatterns.forEach((value, index) => {
    const r = compilePattern(value);
    if (typeof r === 'string') errors.push({ field: 'urlPatterns', index, value, message: r });
    else patterns.push(r);
  });
  settings.extraHeaderNames.forEach((value, index) => {
    const m = validateHeaderName(value);
    if (m !== null) errors.push({ field: 'extraHeaderNames', index, value, message: m });
  });
  return { settings, origins, patterns, errors, originCache: new Map() };
}

/** User-facing problems with the settings (empty when all are usable). */
export function validateScopeSettings(settings: ScopeSettings): ScopeError[] {
  return compileScope(settings).errors;
}

function stringList(v: unknown, max = 200): string[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((x): x is string => typeof x === 'string')
    .slice(0, max)
    .map((x) => x.slice(0, 2000));
}

/** Reads settings back from storage without trusting their shape. */
export function normalizeScopeSettings(v: unknown): ScopeSettings {
  const o = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  return {
    extraOrigins: stringList(o['extraOrigins']),
    urlPatterns: stringList(o['urlPatterns']),
    extraHeaderNames: stringList(o['extraHeaderNames']),
    includeSameOrigin: typeof o['includeSameOrigin'] === 'boolean' ? o['includeSameOrigin'] : true,
    askTrackerMatcher: typeof o['askTrackerMatcher'] === 'boolean' ? o['askTrackerMatcher'] : true,
  };
}

const STATIC_EXTENSION =
  /\.(?:m?js|css|png|jpe?g|gif|svg|webp|avif|ico|bmp|woff2?|ttf|otf|eot|map|mp4|webm|mp3|ogg|wav|m4a|wasm)$/i;

const TRACKER_REASON = "the tracker's own ingest traffic";

const INGEST_PATH =
  /(?:^|\/)v1\/(?:web|sdk|mobile)\/(?:start|i|images|conditions|tags|feature-flags|not_started)(?:\/|$)/;

/**
 * Why the request is the tracker's own traffic, or null. `ingestUrls` are ingest points learned
 * from the page (tracker options, the start request); the default ingest host always counts.
 */
export function trackerTrafficReason(req: CapturedRequest, ingestUrls: readonly string[] = []): string | null {
  if (req.origin === 'https://api.openreplay.com' || (req.path.includes('v1/') && INGEST_PATH.test(req.path))) {
    return TRACKER_REASON;
  }
  for (const base of ingestUrls) {
    if (base !== '' && req.url.startsWith(base)) return TRACKER_REASON;
  }
  return null;
}

function out(reason: string, fix?: string): ScopeDecision {
  return Object.freeze(fix === undefined ? { inScope: false, reason } : { inScope: false, reason, fix });
}

// Decisions are shared, frozen objects: judging 100,000 requests then allocates almost nothing.
const PREFLIGHT = out('a CORS preflight (the browser sends it; it never carries custom headers)');
const TRACKER = out(TRACKER_REASON);
const STATIC = out('a static asset');
const SAME_ORIGIN_IN: ScopeDecision = Object.freeze({ inScope: true, rule: 'same-origin' });
const SAME_ORIGIN_OUT = out(
  'same-origin requests are excluded in the audit settings',
  'turn on "same-origin" in the audit settings if it should carry the token',
);
const CANNOT_CARRY: Partial<Record<CapturedRequest['resourceType'], ScopeDecision>> = {
  script: out('a script load'),
  stylesheet: out('a stylesheet load'),
  image: out('an image load'),
  font: out('a font load'),
  media: out('a media load'),
  document: UNREACHABLE.navigation,
  ping: UNREACHABLE.beacon,
  websocket: UNREACHABLE.websocket,
  eventsource: UNREACHABLE.eventsource,
  other: out('not a fetch or XHR'),
};
/** Out-of-scope decisions made by origin alone (no rule matched): a tracker's matcher may overrule them. */
const BY_ORIGIN_OUT = new WeakSet<ScopeDecision>();

/** The same-origin / other-origin default, which the tracker's matcher replaces when it answered. */
export function isDefaultDecision(d: ScopeDecision): boolean {
  return d === SAME_ORIGIN_IN || BY_ORIGIN_OUT.has(d);
}

const bySchemeCache = new Map<string, ScopeDecision>();
const ORIGIN_CACHE_LIMIT = 2000;

function nonServer(url: string): ScopeDecision {
  const scheme = url.slice(0, Math.max(0, Math.min(url.indexOf(':'), 40)));
  let d = bySchemeCache.get(scheme);
  if (d === undefined) {
    d = out(`a ${scheme}: URL, not a request to a server`);
    if (bySchemeCache.size < 100) bySchemeCache.set(scheme, d);
  }
  return d;
}

function byOrigin(origin: string, scope: CompiledScope): ScopeDecision {
  let d = scope.originCache.get(origin);
  if (d !== undefined) return d;
  d = out(`${origin} is outside the audit scope`, `add ${origin} to the audit origins if it should carry the token`);
  BY_ORIGIN_OUT.add(d);
  for (const o of scope.origins) {
    if (o.test(origin)) {
      d = o.decision;
      break;
    }
  }
  // Hostile pages can reach unbounded origins: forget rather than grow.
  if (scope.originCache.size >= ORIGIN_CACHE_LIMIT) scope.originCache.clear();
  scope.originCache.set(origin, d);
  return d;
}

/**
 * Whether a request without a token header should have had one. The order matters: what can
 * never carry a header comes first, then the user's URL patterns, then origins. The returned
 * object is shared between requests: do not modify it.
 */
export function decideScope(
  req: CapturedRequest,
  scope: CompiledScope,
  pageOrigin: string = req.pageOrigin,
  ingestUrls: readonly string[] = [],
): ScopeDecision {
  if (req.resourceType === 'websocket' || req.url.startsWith('ws:') || req.url.startsWith('wss:'))
    return UNREACHABLE.websocket;
  if (req.origin === '') return nonServer(req.url);
  if (req.resourceType === 'preflight') return PREFLIGHT;
  if (trackerTrafficReason(req, ingestUrls) !== null) return TRACKER;
  if (req.resourceType === 'document' && req.method === 'POST') return UNREACHABLE.formPost;
  const cannot = (req.resourceType === 'other' && UNSAID_KIND.get(req.initiatorType)) || CANNOT_CARRY[req.resourceType];
  if (cannot !== undefined) return cannot;

  for (const p of scope.patterns) {
    if (p.test(req.url)) return p.decision;
  }
  if (STATIC_EXTENSION.test(req.path)) return STATIC;
  if (req.origin === pageOrigin) return scope.settings.includeSameOrigin ? SAME_ORIGIN_IN : SAME_ORIGIN_OUT;
  return byOrigin(req.origin, scope);
}

const compiledCache = new WeakMap<ScopeSettings, CompiledScope>();

/** Convenience form of `decideScope` that compiles (and caches) the settings object. */
export function isInScope(req: CapturedRequest, settings: ScopeSettings, pageOrigin: string = req.pageOrigin): boolean {
  let compiled = compiledCache.get(settings);
  if (compiled === undefined) {
    compiled = compileScope(settings);
    compiledCache.set(settings, compiled);
  }
  return decideScope(req, compiled, pageOrigin).inScope;
}
