// What a backend log line says about the request that produced it: method, path, status.
// Read from the first line only (a stack trace's frames name source files, not endpoints).

import { templatePath, templateOf } from '../audit/path-template.ts';
import type { CapturedRequest } from '../audit/types.ts';
import { removeSessionTags } from '../logs/parse.ts';

export interface RequestHint {
  /** Upper-case. */
  method?: string;
  /** Path only: no origin, no query, no trailing slash (except `/`). May hold `:name`/`{name}` route placeholders. */
  path?: string;
  status?: number;
}

const METHODS = 'GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS';
// `GET /api/x 200 3ms`, `"POST /api/x HTTP/1.1" 500 12`, `in POST https://h/api/x: …`
const METHOD_PATH = new RegExp(
  `(?:^|[\\s"'\\[(=])(${METHODS})\\s+((?:https?://[^\\s/"'<>]+)?/[^\\s"'<>]*)(?:\\s+HTTP/\\d(?:\\.\\d)?)?"?(?:\\s+(\\d{3})(?![\\w.]))?`,
);
const KEYED_METHOD =
  /(?:^|[\s{,"'[(])(?:method|http_method|http\.method|request_method|verb)["']?\s*[:=]\s*["']?([A-Za-z]{3,7})\b/i;
const KEYED_PATH =
  /(?:^|[\s{,"'[(])(?:path|uri|url|route|endpoint|request_uri|http\.url|http\.target|http\.route)["']?\s*[:=]\s*["']?((?:https?:\/\/[^\s/"'<>,}]+)?\/[^\s"'<>,}]*)/i;
const KEYED_STATUS =
  /(?:^|[\s{,"'[(])(?:status|status_code|statuscode|http_status|http\.status_code|response_status)["']?\s*[:=]\s*["']?(\d{3})(?!\d)/i;
const KNOWN_METHOD = new RegExp(`^(?:${METHODS})$`);
const MAX_SCAN = 2000;

function statusOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return n >= 100 && n <= 599 ? n : undefined;
}

/** `/api/x/?q=1` → `/api/x`; `https://h/api/x` → `/api/x`; trailing punctuation of prose removed. */
export function normalizeHintPath(raw: string): string | undefined {
  let p = raw.replace(/^https?:\/\/[^/]+/i, '');
  const cut = p.search(/[?#]/);
  if (cut !== -1) p = p.slice(0, cut);
  p = p.replace(/[.,;:)\]}]+$/, '');
  if (!p.startsWith('/')) return undefined;
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

/** Method, path and status named by a log line, when it names them (any of them may be absent). */
export function extractRequestHint(raw: string): RequestHint {
  const firstLine = removeSessionTags((raw.split('\n', 1)[0] ?? '').slice(0, MAX_SCAN));
  const hint: RequestHint = {};
  const m = METHOD_PATH.exec(firstLine);
  if (m) {
    hint.method = m[1];
    const path = normalizeHintPath(m[2] ?? '');
    if (path !== undefined) hint.path = path;
    const status = statusOf(m[3]);
    if (status !== undefined) hint.status = status;
  }
  if (hint.method === undefined) {
    const method = KEYED_METHOD.exec(firstLine)?.[1]?.toUpperCase();
    if (method !== undefined && KNOWN_METHOD.test(method)) hint.method = method;
  }
  if (hint.path === undefined) {
    const keyed = KEYED_PATH.exec(firstLine)?.[1];
    const path = keyed === undefined ? undefined : normalizeHintPath(keyed);
    if (path !== undefined) hint.path = path;
  }
  if (hint.status === undefined) {
    const status = statusOf(KEYED_STATUS.exec(firstLine)?.[1]);
    if (status !== undefined) hint.status = status;
  }
  return hint;
}

/**
 * How well a hint names a request, best first: the same path; the same route (placeholders or
 * collapsed ids); a path that ends the other at a segment boundary (a gateway prefix); only the
 * method; nothing named (`time`); or another endpoint (`none`).
 */
export type HintMatch = 'path' | 'route' | 'suffix' | 'method' | 'time' | 'none';

export const HINT_MATCH_RANK: Readonly<Record<HintMatch, number>> = {
  path: 5,
  route: 4,
  suffix: 3,
  method: 2,
  time: 1,
  none: 0,
};

function trimSlash(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

const PLACEHOLDER = /^(?::\w+|\{\w+\}|\*|<\w+(?::\w+)?>)$/;

function routeMatches(route: string, path: string): boolean {
  const a = route.split('/');
  const b = path.split('/');
  if (a.length !== b.length) return false;
  let placeholders = 0;
  for (let i = 0; i < a.length; i++) {
    const r = a[i] ?? '';
    if (PLACEHOLDER.test(r)) placeholders++;
    else if (r !== b[i]) return false;
  }
  return placeholders > 0;
}

/** Both start with `/`, so a suffix always starts at a segment; one segment alone (`/list`) is too weak. */
function endsAtSegment(long: string, short: string): boolean {
  return short.split('/').length >= 3 && long.endsWith(short);
}

export function matchHint(
  hint: RequestHint,
  req: Pick<CapturedRequest, 'method' | 'path' | 'origin'> & { template?: string | undefined },
): HintMatch {
  if (hint.method !== undefined && hint.method !== req.method) return 'none';
  if (hint.path === undefined) return hint.method !== undefined ? 'method' : 'time';
  const path = trimSlash(req.path);
  if (hint.path === path) return 'path';
  if (routeMatches(hint.path, path)) return 'route';
  const template = templateOf(req);
  if (template !== '' && templatePath(hint.path) === trimSlash(template)) return 'route';
  if (path !== '' && (endsAtSegment(path, hint.path) || endsAtSegment(hint.path, path))) return 'suffix';
  return 'none';
}

/** Whether a match names the request's endpoint (not merely its time or method). */
export function namesEndpoint(match: HintMatch): boolean {
  return match === 'path' || match === 'route' || match === 'suffix';
}
