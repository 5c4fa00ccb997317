// The request table's filter box (`verdict:missing origin:api.example.com -type:xhr "free text"`).
// Its column sorting is sort.ts.

import { templateOf } from './path-template.ts';
import { RESOURCE_TYPES, VERDICT_LABELS, type AuditEntry, type ResourceType, type Verdict } from './types.ts';

export const FILTER_KEYS = ['verdict', 'origin', 'status', 'method', 'type', 'path', 'url'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface FilterTerm {
  /** `text` for free text. */
  key: FilterKey | 'text';
  /** Alternatives (comma-separated in the query); any one matching is enough. */
  values: string[];
  negate: boolean;
}

export type EntryPredicate = (entry: AuditEntry) => boolean;

export type FilterParse =
  | { ok: true; terms: FilterTerm[]; predicate: EntryPredicate }
  | { ok: false; error: string; /** Offset in the query where the problem starts. */ position: number };

const VERDICT_ALIASES: Readonly<Record<string, readonly Verdict[]>> = {
  carries: ['carries'],
  'carries-token': ['carries'],
  carrying: ['carries'],
  ok: ['carries'],
  stale: ['stale'],
  'stale-token': ['stale'],
  foreign: ['foreign'],
  'foreign-token': ['foreign'],
  missing: ['missing'],
  blocked: ['blocked'],
  'outside-scope': ['outside-scope'],
  outside: ['outside-scope'],
  leak: ['outside-scope'],
  'not-expected': ['not-expected'],
  notexpected: ['not-expected'],
  problem: ['stale', 'foreign', 'missing', 'blocked', 'outside-scope'],
  problems: ['stale', 'foreign', 'missing', 'blocked', 'outside-scope'],
};

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

interface RawTerm {
  key?: string;
  text: string;
  negate: boolean;
  start: number;
}

function tokenize(q: string): RawTerm[] | { error: string; position: number } {
  const out: RawTerm[] = [];
  let pos = 0;
  while (pos < q.length) {
    while (pos < q.length && isSpace(q[pos])) pos++;
    if (pos >= q.length) break;
    const start = pos;
    let negate = false;
    if (q[pos] === '-' && pos + 1 < q.length && !isSpace(q[pos + 1])) {
      negate = true;
      pos++;
    }
    let key: string | undefined;
    let text = '';
    let quoted = false;
    while (pos < q.length && !isSpace(q[pos])) {
      const c = q[pos] as string;
      if (c === '"') {
        const open = pos++;
        let closed = false;
        while (pos < q.length) {
          const d = q[pos] as string;
          if (d === '\\' && pos + 1 < q.length) {
            text += q[pos + 1];
            pos += 2;
          } else if (d === '"') {
            closed = true;
            pos++;
            break;
          } else {
            text += d;
            pos++;
          }
        }
        if (!closed) return { error: 'a quote is not closed', position: open };
        quoted = true;
      } else if (c === ':' && key === undefined && !quoted && text !== '') {
        key = text;
        text = '';
        pos++;
      } else {
        text += c;
        pos++;
      }
    }
    const term: RawTerm = { text, negate, start };
    if (key !== undefined) term.key = key;
    out.push(term);
  }
  return out;
}

function normalizeVerdicts(values: string[]): Verdict[] | string {
  const out = new Set<Verdict>();
  for (const v of values) {
    const k = v
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-');
    const hit = VERDICT_ALIASES[k];
    if (hit === undefined) {
      return `unknown verdict "${v}" — use carries, stale, foreign, missing, blocked, outside-scope, not-expected or problems`;
    }
    for (const h of hit) out.add(h);
  }
  return [...out];
}

type StatusTest = (s: number) => boolean;

function statusTest(v: string): StatusTest | null {
  const s = v.trim().toLowerCase();
  let m = /^(\d{1,3})$/.exec(s);
  if (m !== null) {
    const n = Number(m[1]);
    return (x) => x === n;
  }
  m = /^([0-5])xx$/.exec(s);
  if (m !== null) {
    const c = Number(m[1]);
    return (x) => Math.floor(x / 100) === c;
  }
  m = /^(>=|<=|>|<)(\d{1,3})$/.exec(s);
  if (m !== null) {
    const n = Number(m[2]);
    switch (m[1]) {
      case '>=':
        return (x) => x >= n;
      case '<=':
        return (x) => x <= n;
      case '>':
        return (x) => x > n;
      default:
        return (x) => x < n;
    }
  }
  return null;
}

function containsAny(hay: string, needles: string[]): boolean {
  for (const n of needles) if (hay.includes(n)) return true;
  return false;
}

function termPredicate(t: FilterTerm): EntryPredicate | string {
  const lower = t.values.map((v) => v.toLowerCase());
  switch (t.key) {
    case 'verdict': {
      const vs = normalizeVerdicts(t.values);
      if (typeof vs === 'string') return vs;
      const set = new Set(vs);
      return (e) => set.has(e.result.verdict);
    }
    case 'status': {
      const tests: StatusTest[] = [];
      for (const v of t.values) {
        const test = statusTest(v);
        if (test === null)
          return `status:${v} is not a status — use e.g. status:500, status:5xx, status:>=400 or status:0`;
        tests.push(test);
      }
      return (e) => tests.some((f) => f(e.req.status));
    }
    case 'type': {
      for (const v of lower) {
        if (!(RESOURCE_TYPES as readonly string[]).includes(v)) {
          return `type:${v} is not a request type — use ${RESOURCE_TYPES.join(', ')}`;
        }
      }
      const set = new Set(lower as ResourceType[]);
      return (e) => set.has(e.req.resourceType);
    }
    case 'method': {
      const set = new Set(t.values.map((v) => v.toUpperCase()));
      return (e) => set.has(e.req.method);
    }
    case 'origin':
      return (e) => containsAny(e.req.origin.toLowerCase(), lower);
    case 'path':
      // Matches the real path or its template, so `path:/users/:id` finds every user.
      return (e) => containsAny(e.req.path.toLowerCase(), lower) || containsAny(templateOf(e.req).toLowerCase(), lower);
    case 'url':
      return (e) => containsAny(e.req.url.toLowerCase(), lower);
    case 'text':
      return (e) => {
        const r = e.req;
        return (
          containsAny(r.url.toLowerCase(), lower) ||
          containsAny(r.method.toLowerCase(), lower) ||
          containsAny(String(r.status), lower) ||
          containsAny(VERDICT_LABELS[e.result.verdict], lower) ||
          containsAny(e.result.reason.toLowerCase(), lower)
        );
      };
  }
}

/**
 * Parses the filter box. Terms are AND-ed; `key:a,b` means a or b; a leading `-` negates;
 * `"quoted values"` may hold spaces. Unknown keys are an error the UI shows (text that merely
 * looks like a URL or host:port is free text).
 */
export function parseFilter(query: string): FilterParse {
  const raw = tokenize(query);
  if (!Array.isArray(raw)) return { ok: false, error: raw.error, position: raw.position };
  const terms: FilterTerm[] = [];
  const preds: EntryPredicate[] = [];
  for (const r of raw) {
    let term: FilterTerm;
    // `http://…`, `127.0.0.1:4001`, `localhost:3000/api` are text to find, not keys.
    const notAKey =
      r.key !== undefined &&
      (r.text.startsWith('//') ||
        !/^[a-z]+$/i.test(r.key) ||
        (!(FILTER_KEYS as readonly string[]).includes(r.key.toLowerCase()) && /^\d+(?:\/|$)/.test(r.text)));
    if (r.key === undefined || notAKey) {
      const text = r.key === undefined ? r.text : `${r.key}:${r.text}`;
      if (text === '') continue;
      term = { key: 'text', values: [text], negate: r.negate };
    } else {
      const key = r.key.toLowerCase();
      if (!(FILTER_KEYS as readonly string[]).includes(key)) {
        return {
          ok: false,
          error: `unknown filter "${r.key}:" — use ${FILTER_KEYS.map((k) => k + ':').join(', ')}`,
          position: r.start,
        };
      }
      const values = r.text
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
      if (values.length === 0) return { ok: false, error: `${key}: needs a value`, position: r.start };
      term = { key: key as FilterKey, values, negate: r.negate };
    }
    const p = termPredicate(term);
    if (typeof p === 'string') return { ok: false, error: p, position: r.start };
    terms.push(term);
    preds.push(term.negate ? (e) => !p(e) : p);
  }
  const predicate: EntryPredicate =
    preds.length === 0
      ? () => true
      : (e) => {
          for (const p of preds) if (!p(e)) return false;
          return true;
        };
  return { ok: true, terms, predicate };
}
