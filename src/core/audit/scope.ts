// Which requests "should" carry the session header: the audit scope, and what is never expected to.
// The user's scope settings, validated and compiled, are scope-settings.ts.

import { UNREACHABLE } from './tracker-policy.ts';
import { UNSAID_KIND } from './har-kind.ts';
import { compileScope, type CompiledScope, type ScopeSettings } from './scope-settings.ts';
import type { CapturedRequest, ScopeDecision } from './types.ts';

export type { ScopeDecision } from './types.ts';

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

// Decisions are shared, frozen objects: judging a large capture then allocates almost nothing.
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
