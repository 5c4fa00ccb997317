// Collapses the variable parts of a path so requests group by endpoint: /api/users/:id.

import type { CapturedRequest } from './types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+){2,}$/;

/**
 * `local@domain.tld`: one `@`, no whitespace or `/`, a dot inside the domain. Read by hand: the
 * equivalent regular expression backtracks quadratically over a run of dots.
 */
function isEmail(s: string): boolean {
  const at = s.indexOf('@');
  if (at <= 0 || s.indexOf('@', at + 1) !== -1 || /[\s/]/.test(s)) return false;
  const domain = s.slice(at + 1);
  return domain.lastIndexOf('.', domain.length - 2) >= 1;
}

function decode(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** One pass over the characters; most segments are decided without a regular expression. */
function classify(s: string): string | null {
  let digits = 0;
  let hexLetters = 0;
  let letters = 0;
  let punct = 0; // . _ ~ -
  let other = 0;
  let at = false;
  let switches = 0;
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let cls: number;
    if (c >= 48 && c <= 57) {
      digits++;
      cls = 0;
    } else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      letters++;
      const l = c | 32;
      if (l >= 97 && l <= 102) hexLetters++;
      cls = 1;
    } else {
      if (c === 46 || c === 95 || c === 126 || c === 45) punct++;
      else if (c === 64) at = true;
      else other++;
      cls = 2;
    }
    // Letter↔digit switches: random ids switch often, names like `iphone15promax` rarely.
    if (prev !== -1 && cls !== prev && cls !== 2 && prev !== 2) switches++;
    prev = cls;
  }
  const n = s.length;
  if (digits === n) return ':id';
  if (n === 36 && UUID.test(s)) return ':uuid';
  if (at && isEmail(s)) return ':email';
  if (n >= 8 && digits > 0 && digits + hexLetters === n) return ':hash';
  if (n === 10 && DATE.test(s)) return ':date';
  if (other > 0 || at) return null;
  // Lower-case words joined by hyphens are a slug (`top-10-tips-for-2024`), not an id.
  if (n >= 16 && digits > 0 && letters > 0 && !SLUG.test(s)) return ':token';
  if (n >= 10 && n <= 15 && punct === 0 && switches >= 3) return ':token';
  return null;
}

/** The placeholder for one path segment, or the segment itself when it looks like a name. */
export function templateSegment(raw: string): string {
  if (raw === '') return raw;
  return classify(decode(raw)) ?? raw;
}

const pathCache = new Map<string, string>();
const nameCache = new Set<string>();
const CACHE_LIMIT = 20_000;

/**
 * `/api/users/123/orders/9f86d081884c7d65` → `/api/users/:id/orders/:hash`. A query string or
 * fragment, if passed, is left out.
 */
export function templatePath(path: string): string {
  let end = path.length;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 63 || c === 35) {
      end = i;
      break;
    }
  }
  const p = end < path.length ? path.slice(0, end) : path;
  const hit = pathCache.get(p);
  if (hit !== undefined) return hit;
  let out = '';
  let start = 0;
  for (;;) {
    const slash = p.indexOf('/', start);
    const seg = p.slice(start, slash === -1 ? p.length : slash);
    if (seg === '' || nameCache.has(seg)) out += seg;
    else {
      const t = templateSegment(seg);
      // Names repeat across requests, ids do not: remember only names. Bounded against hostile pages.
      if (t === seg) {
        if (nameCache.size >= CACHE_LIMIT) nameCache.clear();
        nameCache.add(seg);
      }
      out += t;
    }
    if (slash === -1) break;
    out += '/';
    start = slash + 1;
  }
  if (pathCache.size >= CACHE_LIMIT) pathCache.clear();
  pathCache.set(p, out);
  return out;
}

type TemplateInput = Pick<CapturedRequest, 'origin' | 'path'> & { template?: string | undefined };

/** The request's path template: the one computed at capture, or computed now. `''` for non-http URLs. */
export function templateOf(req: TemplateInput): string {
  return req.template ?? (req.origin !== '' ? templatePath(req.path) : '');
}

/** `METHOD origin+template`, the key of one endpoint row (`GET blob:` for non-http URLs). */
export function endpointKey(req: TemplateInput & Pick<CapturedRequest, 'method' | 'url'>): string {
  const where = req.origin !== '' ? req.origin + templateOf(req) : req.url.slice(0, req.url.indexOf(':') + 1);
  return `${req.method} ${where}`;
}
