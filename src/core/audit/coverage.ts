// Coverage per endpoint and per origin, and the summary counts at the top of the audit.

import { endpointKey, templateOf } from './path-template.ts';
import type { AuditEntry, Verdict } from './types.ts';

export interface CoverageCounts {
  requests: number;
  carrying: number;
  stale: number;
  foreign: number;
  missing: number;
  blocked: number;
  /** The current token sent where the scope leaves it out. */
  outsideScope: number;
  notExpected: number;
  /** Requests minus not-expected and outside-scope ones. */
  inScope: number;
  /** carrying / inScope × 100, or null when nothing is in scope. */
  percentage: number | null;
}

export interface EndpointCoverage extends CoverageCounts {
  /** `METHOD origin+template`. */
  key: string;
  method: string;
  origin: string;
  template: string;
}

export interface OriginCoverage extends CoverageCounts {
  origin: string;
}

export interface CoverageSummary extends CoverageCounts {
  /** stale + foreign + missing + blocked + outside scope. */
  problems: number;
}

export interface Coverage {
  summary: CoverageSummary;
  /** Most problems first, then most requests. */
  endpoints: EndpointCoverage[];
  /** Most requests first. */
  origins: OriginCoverage[];
}

export interface CoverageOptions {
  /** Also list endpoints whose every request is not expected (static assets, tracker traffic). Default false. */
  includeNotExpectedEndpoints?: boolean;
  /** Also list origins whose every request is not expected. Default true: it helps decide the scope. */
  includeNotExpectedOrigins?: boolean;
}

type Mutable = Omit<CoverageCounts, 'inScope' | 'percentage'>;

function finish<T extends Mutable>(c: T): T & Pick<CoverageCounts, 'inScope' | 'percentage'> {
  const inScope = c.requests - c.notExpected - c.outsideScope;
  return { ...c, inScope, percentage: inScope === 0 ? null : (c.carrying / inScope) * 100 };
}

function problems(c: Mutable): number {
  return c.stale + c.foreign + c.missing + c.blocked + c.outsideScope;
}

const VERDICT_INDEX: Readonly<Record<Verdict, 0 | 1 | 2 | 3 | 4 | 5 | 6>> = {
  carries: 0,
  stale: 1,
  foreign: 2,
  missing: 3,
  blocked: 4,
  'not-expected': 5,
  'outside-scope': 6,
};

/** Counts per verdict, in VERDICT_INDEX order: plain array slots are the cheapest counters. */
type Tally = [number, number, number, number, number, number, number];

function tallyToCounts(t: Tally): Mutable {
  return {
    requests: t[0] + t[1] + t[2] + t[3] + t[4] + t[5] + t[6],
    carrying: t[0],
    stale: t[1],
    foreign: t[2],
    missing: t[3],
    blocked: t[4],
    notExpected: t[5],
    outsideScope: t[6],
  };
}

interface EndpointTally {
  method: string;
  origin: string;
  template: string;
  t: Tally;
  /** The origin's tally, so each request costs one map lookup. */
  o: Tally;
}

/**
 * One pass over the entries with one map lookup each (the endpoint key computed at capture),
 * so 100,000 requests take a few tens of milliseconds.
 */
export function computeCoverage(entries: Iterable<AuditEntry>, options: CoverageOptions = {}): Coverage {
  const total: Tally = [0, 0, 0, 0, 0, 0, 0];
  const endpoints = new Map<string, EndpointTally>();
  const origins = new Map<string, Tally>();

  for (const entry of entries) {
    const req = entry.req;
    const i = VERDICT_INDEX[entry.result.verdict];
    total[i]++;
    const key = req.endpoint ?? endpointKey(req);
    let e = endpoints.get(key);
    if (e === undefined) {
      const origin = req.origin !== '' ? req.origin : req.url.slice(0, req.url.indexOf(':') + 1);
      let o = origins.get(origin);
      if (o === undefined) origins.set(origin, (o = [0, 0, 0, 0, 0, 0, 0]));
      e = { method: req.method, origin, template: templateOf(req), t: [0, 0, 0, 0, 0, 0, 0], o };
      endpoints.set(key, e);
    }
    e.t[i]++;
    e.o[i]++;
  }

  const keepEndpoints = options.includeNotExpectedEndpoints === true;
  const keepOrigins = options.includeNotExpectedOrigins !== false;
  const endpointRows: EndpointCoverage[] = [];
  for (const [key, e] of endpoints) {
    const c = tallyToCounts(e.t);
    if (!keepEndpoints && c.notExpected === c.requests) continue;
    endpointRows.push({ key, method: e.method, origin: e.origin, template: e.template, ...finish(c) });
  }
  endpointRows.sort(
    (a, b) => problems(b) - problems(a) || b.requests - a.requests || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );

  const originRows: OriginCoverage[] = [];
  for (const [origin, t] of origins) {
    const c = tallyToCounts(t);
    if (!keepOrigins && c.notExpected === c.requests) continue;
    originRows.push({ origin, ...finish(c) });
  }
  originRows.sort((a, b) => b.requests - a.requests || (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0));

  const sum = tallyToCounts(total);
  return { summary: { ...finish(sum), problems: problems(sum) }, endpoints: endpointRows, origins: originRows };
}

/** Percentage rounded to one decimal, never 100% unless complete nor 0% unless none. */
export function roundPercentage(p: number | null): number | null {
  if (p === null) return null;
  const r = Math.round(p * 10) / 10;
  if (r >= 100 && p < 100) return 99.9;
  if (r <= 0 && p > 0) return 0.1;
  return r;
}

/** `83.3%`; `—` when nothing is in scope. */
export function formatPercentage(p: number | null): string {
  const r = roundPercentage(p);
  if (r === null) return '—';
  return `${Number.isInteger(r) ? r.toFixed(0) : r.toFixed(1)}%`;
}
