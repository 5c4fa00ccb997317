// The kind of a request whose HAR entry names none. Firefox's devtools.network hands over entries
// without Chromium's `_resourceType` and `_initiator` (and without its own internal "cause"), so the
// kind is read from what only the browser writes: the Sec-Fetch-* and Access-Control-Request-*
// request headers and the Upgrade handshake. Page scripts cannot set those (forbidden request
// headers), so a hostile page cannot pass a navigation off as a fetch. Where they are absent
// (Firefox sends Sec-Fetch-* only to https and loopback origins), the kind is honestly unknown.

import { UNREACHABLE } from './tracker-policy.ts';
import type { Header, ResourceType, ScopeDecision } from './types.ts';

/** `initiatorType` of a request no-cors mode stripped custom headers from (a beacon or a no-cors fetch). */
export const NO_CORS_INITIATOR = 'no-cors';
/** `initiatorType` of a request the browser gave no kind for at all. */
export const UNKNOWN_KIND_INITIATOR = 'unknown';

/** Why such a request is not expected to carry the token (the audit scope's answer for it). */
export const UNSAID_KIND: ReadonlyMap<string, ScopeDecision> = new Map<string, ScopeDecision>([
  [NO_CORS_INITIATOR, UNREACHABLE.noCors],
  [
    UNKNOWN_KIND_INITIATOR,
    Object.freeze({
      inScope: false as const,
      reason:
        'the browser did not say what kind of request this was (Firefox names none, and sends its Sec-Fetch headers only to https and loopback origins), so the audit cannot tell whether it should carry the token',
      fix: 'audit this page in Chromium, or serve it over https, to have its fetch and XHR requests judged',
    }),
  ],
]);

export interface InferredKind {
  resourceType: ResourceType;
  initiatorType: string;
}

const BY_DEST: Readonly<Record<string, ResourceType>> = {
  script: 'script',
  worker: 'script',
  sharedworker: 'script',
  serviceworker: 'script',
  audioworklet: 'script',
  paintworklet: 'script',
  xslt: 'script',
  style: 'stylesheet',
  image: 'image',
  font: 'font',
  audio: 'media',
  video: 'media',
  track: 'media',
  document: 'document',
  iframe: 'document',
  frame: 'document',
};

const kind = (resourceType: ResourceType, initiatorType = ''): InferredKind =>
  Object.freeze({ resourceType, initiatorType });

const PREFLIGHT = kind('preflight', 'preflight');
const WEBSOCKET = kind('websocket');
const DOCUMENT = kind('document');
const EVENTSOURCE = kind('eventsource');
const BEACON = kind('ping');
const NO_CORS = kind('other', NO_CORS_INITIATOR);
const FETCH_OR_XHR = kind('fetch-xhr');
const OTHER = kind('other');
const UNKNOWN = kind('other', UNKNOWN_KIND_INITIATOR);
const BY_DEST_KIND = new Map(Object.entries(BY_DEST).map(([dest, type]) => [dest, kind(type)]));

/**
 * Lower-cased values of the few headers this reads. Names are compared by length first, and values
 * were already capped by the HAR normalisation: linear in the header count.
 */
function browserHeaders(headers: readonly Header[]): Map<string, string> {
  const wanted = new Set(['sec-fetch-dest', 'sec-fetch-mode', 'access-control-request-method', 'upgrade', 'accept']);
  const lengths = new Set([...wanted].map((n) => n.length));
  const out = new Map<string, string>();
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i] as Header;
    if (!lengths.has(h[0].length)) continue;
    const name = h[0].toLowerCase();
    if (wanted.has(name) && !out.has(name)) out.set(name, h[1].trim().toLowerCase());
  }
  return out;
}

/**
 * The kind of a request from its browser-written headers. `priority` is the entry's `_priority`:
 * Firefox sends beacons at its lowest priority, which tells a beacon from a no-cors fetch (both
 * lose custom headers, so the verdict is the same; only the name differs).
 */
export function kindFromHeaders(
  method: string,
  url: string,
  headers: readonly Header[],
  priority: string,
): InferredKind {
  if (url.startsWith('ws:') || url.startsWith('wss:')) return WEBSOCKET;
  const h = browserHeaders(headers);
  if (method === 'OPTIONS' && h.has('access-control-request-method')) return PREFLIGHT;
  const mode = h.get('sec-fetch-mode');
  const dest = h.get('sec-fetch-dest');
  if (mode === 'websocket' || h.get('upgrade') === 'websocket') return WEBSOCKET;
  if (mode === 'navigate') return DOCUMENT;
  if (dest !== undefined && dest !== 'empty') return BY_DEST_KIND.get(dest) ?? OTHER;
  // An EventSource asks for exactly this; a page's fetch could too, but then it reads a stream as one.
  if (h.get('accept') === 'text/event-stream') return EVENTSOURCE;
  if (mode === 'no-cors') return method === 'POST' && priority === 'Lowest' ? BEACON : NO_CORS;
  if (mode === 'cors' || mode === 'same-origin') return FETCH_OR_XHR;
  return UNKNOWN;
}
