// HAR entry → CapturedRequest. The entry comes from DevTools, but URLs and header values come
// from the page: every field is checked, sizes are capped, nothing is trusted to be a string.

import { kindFromHeaders } from './har-kind.ts';
import { endpointKey, templatePath } from './path-template.ts';
import type { CapturedRequest, Header, ResourceType } from './types.ts';

/**
 * Caps that keep 50,000 stored requests within a bounded amount of memory. Header text beyond
 * `headerBudget` characters per direction keeps only short names and values, so a page cannot make
 * one request cost more than about `headerBudget + maxHeaders × (shortName + shortValue)`.
 */
export const HAR_LIMITS = {
  maxUrlLength: 8192,
  maxHeaderNameLength: 128,
  maxHeaderValueLength: 1024,
  maxHeaders: 64,
  headerBudget: 4096,
  shortHeaderName: 64,
  shortHeaderValue: 128,
  maxErrorLength: 200,
  maxBodyLength: 16_384,
} as const;

/** What a cut header value ends with, so nobody mistakes it for the value the page sent. */
export const CUT_MARK = '…[cut]';

const RESOURCE_TYPE_MAP: Readonly<Record<string, ResourceType>> = {
  fetch: 'fetch',
  xhr: 'xhr',
  xmlhttprequest: 'xhr',
  preflight: 'preflight',
  script: 'script',
  image: 'image',
  img: 'image',
  stylesheet: 'stylesheet',
  document: 'document',
  font: 'font',
  media: 'media',
  ping: 'ping',
  beacon: 'ping',
  websocket: 'websocket',
  eventsource: 'eventsource',
};

let nextId = 1;

export interface FromHarOptions {
  /** Overrides the generated id (tests, replays of saved HAR files). */
  id?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A fresh copy of the first `max` characters: `slice` alone may return a view that keeps the whole
 * original string alive (a megabyte header would stay in memory for a 2 KB excerpt).
 */
export function detachedPrefix(v: string, max: number): string {
  if (v.length <= max) return v;
  const copy = (' ' + v.slice(0, max)).slice(1);
  // Reading a character makes the engine flatten the pair into a new string of `max` characters.
  void copy.charCodeAt(0);
  return copy;
}

function str(v: unknown, max: number): string {
  if (typeof v !== 'string') return '';
  return detachedPrefix(v, max);
}

/** A header value capped at `max`, marked when cut. */
function cappedValue(v: string, max: number): string {
  return v.length <= max ? v : detachedPrefix(v, max) + CUT_MARK;
}

function finiteNumber(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function headers(v: unknown): Header[] {
  if (!Array.isArray(v)) return [];
  const out: Header[] = [];
  let used = 0;
  for (const h of v) {
    if (out.length >= HAR_LIMITS.maxHeaders) break;
    if (!isRecord(h)) continue;
    const rawName = h['name'];
    const rawValue = h['value'];
    if (typeof rawName !== 'string' || rawName === '') continue;
    const value = typeof rawValue === 'string' ? rawValue : '';
    const over = used >= HAR_LIMITS.headerBudget;
    const name = detachedPrefix(rawName, over ? HAR_LIMITS.shortHeaderName : HAR_LIMITS.maxHeaderNameLength);
    const kept = cappedValue(value, over ? HAR_LIMITS.shortHeaderValue : HAR_LIMITS.maxHeaderValueLength);
    used += name.length + kept.length;
    out.push([name, kept]);
  }
  return out;
}

interface UrlParts {
  url: string;
  origin: string;
  path: string;
  query: string;
}

// Chromium hands over canonical URLs (lower-case host, no default port, percent-encoded); for
// those, a strict pattern gives the same parts as the URL parser at a fraction of the cost.
const CANONICAL_HTTP =
  /^(https?):\/\/([a-z0-9.-]+)(?::(\d{1,5}))?(\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*)(\?[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*)?$/;

const DOTTED_QUAD = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** A host the URL parser would leave as it is (numeric hosts have many spellings it rewrites). */
function plainHost(host: string): boolean {
  if (host === '' || host.startsWith('.') || host.endsWith('.') || host.includes('..')) return false;
  const last = host.slice(host.lastIndexOf('.') + 1);
  return !/^(?:\d|0x)/.test(last) || DOTTED_QUAD.test(host);
}

export function splitUrl(raw: string): UrlParts | null {
  const m = CANONICAL_HTTP.exec(raw);
  if (m !== null) {
    const [, scheme, host, port, path = '/', query = ''] = m;
    const defaultPort = scheme === 'https' ? '443' : '80';
    if (port === undefined || (port !== defaultPort && port[0] !== '0' && Number(port) <= 65535)) {
      const origin = `${scheme}://${host}${port !== undefined ? ':' + port : ''}`;
      if (plainHost(host ?? '') && !path.includes('/.') && !/%2e/i.test(path) && query !== '?') {
        return { url: raw, origin, path, query };
      }
    }
  }
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  u.hash = '';
  const hierarchical =
    u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:';
  return {
    url: u.href,
    origin: hierarchical ? u.origin : '',
    path: hierarchical ? u.pathname : '',
    query: hierarchical ? u.search : '',
  };
}

let lastPage = '';
let lastPageOrigin = '';

export function originOf(url: string): string {
  // Every entry of a page asks for the same page URL's origin.
  if (url === lastPage) return lastPageOrigin;
  const origin = splitUrl(url)?.origin ?? '';
  lastPage = url;
  lastPageOrigin = origin;
  return origin;
}

function resourceTypeOf(raw: string, method: string, initiatorType: string): ResourceType {
  // Chromium marks preflights both ways; either is enough for an OPTIONS request.
  if (method === 'OPTIONS' && (initiatorType === 'preflight' || raw === 'preflight')) return 'preflight';
  if (raw === 'preflight') return 'other';
  return RESOURCE_TYPE_MAP[raw.toLowerCase()] ?? 'other';
}

/**
 * Normalizes one HAR entry (as `chrome.devtools.network.onRequestFinished` delivers it, or from
 * `getHAR()`), or returns null when it is not a usable entry.
 */
export function fromHarEntry(entry: unknown, pageUrl: string, options: FromHarOptions = {}): CapturedRequest | null {
  if (!isRecord(entry)) return null;
  const request = entry['request'];
  if (!isRecord(request)) return null;
  const response = isRecord(entry['response']) ? entry['response'] : {};

  const rawUrl = str(request['url'], HAR_LIMITS.maxUrlLength);
  const parts = splitUrl(rawUrl);
  if (parts === null) return null;

  const method = (str(request['method'], 32) || 'GET').toUpperCase();
  const initiator = entry['_initiator'];
  const pageRef = str(entry['pageref'], 128);
  const requestHeaders = headers(request['headers']);
  // `worker` is set later, from the page's own timelines (see page-timeline.ts), not guessed here.
  let initiatorType = isRecord(initiator) ? str(initiator['type'], 32) : '';
  let resourceType: ResourceType;
  if (entry['_resourceType'] !== undefined) {
    resourceType = resourceTypeOf(str(entry['_resourceType'], 32), method, initiatorType);
  } else {
    // Firefox names no kind: the browser-written request headers tell it.
    const inferred = kindFromHeaders(method, parts.url, requestHeaders, str(entry['_priority'], 16));
    resourceType = inferred.resourceType;
    if (initiatorType === '') initiatorType = inferred.initiatorType;
  }

  const started = Date.parse(str(entry['startedDateTime'], 64));
  const status = Math.trunc(finiteNumber(response['status'], 0));
  const errorRaw = str(response['_error'], HAR_LIMITS.maxErrorLength);

  const req: CapturedRequest = {
    id: options.id ?? String(nextId++),
    startedAt: Number.isFinite(started) ? started : 0,
    durationMs: Math.max(0, finiteNumber(entry['time'], 0)),
    method,
    url: parts.url,
    origin: parts.origin,
    path: parts.path,
    template: parts.origin !== '' ? templatePath(parts.path) : '',
    query: parts.query,
    status: status >= 0 && status <= 999 ? status : 0,
    resourceType,
    initiatorType,
    requestHeaders,
    responseHeaders: headers(response['headers']),
    pageUrl,
    pageOrigin: originOf(pageUrl),
  };
  req.endpoint = endpointKey(req);
  // Every record gets the same properties in the same order: one object shape keeps hot loops fast.
  req.error = errorRaw !== '' ? errorRaw : undefined;
  req.frame = pageRef !== '' ? pageRef : undefined;
  req.body = bodyOf(request['postData']);
  return req;
}

function bodyOf(postData: unknown): string | null | undefined {
  const text = isRecord(postData) ? postData['text'] : undefined;
  if (typeof text !== 'string' || text === '') return undefined;
  return text.length <= HAR_LIMITS.maxBodyLength ? text : null;
}

/** Case-insensitive header lookup; first match wins. */
export function headerValue(headers: readonly Header[], lowerName: string): string | undefined {
  // Indexed, not destructured: the headers may belong to another frame's realm (see verdict.ts).
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i] as Header;
    if (h[0].length === lowerName.length && h[0].toLowerCase() === lowerName) return h[1];
  }
  return undefined;
}
