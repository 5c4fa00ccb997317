// Verdict throughput of the propagation audit: 100,000 synthetic requests shaped like Chromium's
// HAR entries (carrying, missing, stale, foreign, preflights, blocked, static, tracker traffic).
// Target: verdicts for 100,000 entries in under 300 ms.
// Run: npx tsx bench/audit-verdicts.ts   (or call run() from bench/run.ts)

import { pathToFileURL } from 'node:url';
import { AuditStore } from '../src/core/audit/audit-store.ts';
import { computeCoverage } from '../src/core/audit/coverage.ts';
import { fromHarEntry } from '../src/core/audit/har.ts';
import { DEFAULT_SCOPE_SETTINGS, type ScopeSettings } from '../src/core/audit/scope-settings.ts';
import type { CapturedRequest, TokenContext } from '../src/core/audit/types.ts';

const PAGE = 'http://127.0.0.1:4000/app';
const APP = 'http://127.0.0.1:4000';
const API = 'http://127.0.0.1:4001';
const CURRENT = {
  token: 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q',
  sessionId: '2618307011354435587',
  since: 0,
};
const EARLIER = {
  token: 'jw4vq2a1b3cd.-2k.lrr9xk2p.5GpT8mWq3ZrYkS2nVbHc7dLxE4uJ9aFh6Ro1NeK3tQ',
  sessionId: '2618305179747585709',
  until: 0,
};
const TOKENS: TokenContext = { current: CURRENT, earlier: [EARLIER] };
const SETTINGS: ScopeSettings = { ...DEFAULT_SCOPE_SETTINGS, extraOrigins: [API] };

export const TARGET_MS = 300;

// Deterministic, so every run judges the same mix.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type H = Array<{ name: string; value: string }>;

const BROWSER: H = [
  { name: 'Accept', value: '*/*' },
  { name: 'Referer', value: PAGE },
  {
    name: 'User-Agent',
    value: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  },
  { name: 'sec-ch-ua', value: '"Chromium";v="156", "Not-A.Brand";v="24"' },
  { name: 'sec-ch-ua-mobile', value: '?0' },
  { name: 'sec-ch-ua-platform', value: '"Linux"' },
  { name: 'Content-Type', value: 'application/json' },
];

function entry(
  url: string,
  o: {
    method?: string;
    type?: string;
    initiator?: string;
    status?: number;
    error?: string;
    headers?: H;
    response?: H;
    t: number;
  },
): unknown {
  const response: Record<string, unknown> = {
    status: o.status ?? 200,
    headers: o.response ?? [{ name: 'Content-Type', value: 'application/json' }],
  };
  if (o.error !== undefined) response['_error'] = o.error;
  return {
    _initiator: { type: o.initiator ?? 'script' },
    _resourceType: o.type ?? 'fetch',
    request: { method: o.method ?? 'GET', url, headers: [...BROWSER, ...(o.headers ?? [])] },
    response,
    startedDateTime: new Date(o.t).toISOString(),
    time: 12.5,
    pageref: 'page_1',
  };
}

const tokenH = (v: string): H => [{ name: 'X-OpenReplay-SessionToken', value: v }];

/** `count` HAR entries in a realistic mix (percentages in the comments). */
export function synthesizeHar(count: number, seed = 42): unknown[] {
  const r = rng(seed);
  const out: unknown[] = [];
  let t = Date.parse('2025-11-26T13:00:00.000Z');
  while (out.length < count) {
    t += 3;
    const id = Math.floor(r() * 100_000);
    const x = r();
    if (x < 0.38)
      out.push(
        entry(`${APP}/api/users/${id}/orders/${id.toString(16).padStart(8, 'a')}`, {
          headers: tokenH(CURRENT.token),
          t,
        }),
      ); // carries
    else if (x < 0.48)
      out.push(entry(`${API}/api/items/${id}?page=${id % 7}`, { type: 'xhr', headers: tokenH(CURRENT.token), t })); // carries, cross-origin
    else if (x < 0.56)
      out.push(entry(`${APP}/api/search?q=${id}`, { type: 'xhr', t })); // missing
    else if (x < 0.6)
      out.push(entry(`${APP}/api/cart/${id}`, { headers: tokenH(EARLIER.token), t })); // stale
    else if (x < 0.62)
      out.push(entry(`${APP}/api/cart/${id}`, { headers: tokenH(`garbled-${id}`), t })); // foreign
    else if (x < 0.66) {
      // blocked: a refused request and its preflight, the preflight half the time after it
      const url = `${API}/api/orders/${id}`;
      const refused = entry(url, {
        status: 0,
        error: 'net::ERR_FAILED',
        response: [],
        headers: tokenH(CURRENT.token),
        t,
      });
      const preflight = entry(url, {
        method: 'OPTIONS',
        type: 'preflight',
        initiator: 'preflight',
        status: 204,
        t: t - 1,
        headers: [{ name: 'Access-Control-Request-Headers', value: 'x-openreplay-sessiontoken' }],
        response: [
          { name: 'Access-Control-Allow-Origin', value: APP },
          { name: 'Access-Control-Allow-Headers', value: 'content-type' },
        ],
      });
      out.push(...(id % 2 === 0 ? [preflight, refused] : [refused, preflight]));
    } else if (x < 0.7) {
      // a preflight that allowed the header, and its request
      const url = `${API}/api/profile/${id}`;
      out.push(
        entry(url, {
          method: 'OPTIONS',
          type: 'preflight',
          initiator: 'preflight',
          status: 204,
          t: t - 1,
          response: [
            { name: 'Access-Control-Allow-Origin', value: APP },
            { name: 'Access-Control-Allow-Headers', value: 'content-type, x-openreplay-sessiontoken' },
          ],
        }),
      );
      out.push(entry(url, { headers: tokenH(CURRENT.token), t }));
    } else if (x < 0.84) {
      const kind = id % 3;
      out.push(
        entry(`${APP}/assets/chunk-${id}.${['js', 'css', 'png'][kind]}`, {
          type: ['script', 'stylesheet', 'image'][kind],
          initiator: 'parser',
          t,
        }),
      ); // static
    } else if (x < 0.9)
      out.push(
        entry(`http://127.0.0.1:4002/ingest/v1/web/i`, {
          method: 'POST',
          headers: [{ name: 'Authorization', value: `Bearer ${CURRENT.token}` }],
          t,
        }),
      ); // tracker
    else if (x < 0.95)
      out.push(entry(`https://cdn.thirdparty.example/v2/config/${id}`, { t })); // out of scope
    else out.push(entry(`${APP}/api/products/${id}`, { t })); // missing
  }
  return out.slice(0, count);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function time(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

export interface AuditVerdictBench {
  name: 'audit-verdicts';
  entries: number;
  runs: number;
  /** Median ms to judge every entry (AuditStore.add: preflight pairing + verdicts). */
  verdictMs: number;
  /** The first (cold) run, for honesty. */
  verdictFirstRunMs: number;
  requestsPerSecond: number;
  targetMs: number;
  withinTarget: boolean;
  /** Median ms of computeCoverage over every entry. */
  coverageMs: number;
  /** Median ms to re-judge after a token change (only requests that sent a header). */
  retokenMs: number;
  /** Median ms of fromHarEntry over every entry (not part of the verdict budget). */
  harParseMs: number;
  counts: Record<string, number>;
}

export function run(options: { entries?: number; runs?: number } = {}): AuditVerdictBench {
  const n = options.entries ?? 100_000;
  const runs = options.runs ?? 7;
  const har = synthesizeHar(n);

  const parse: number[] = [];
  let reqs: CapturedRequest[] = [];
  for (let i = 0; i < runs; i++) {
    parse.push(
      time(() => {
        reqs = har
          .map((e, j) => fromHarEntry(e, PAGE, { id: String(j) }))
          .filter((x): x is CapturedRequest => x !== null);
      }),
    );
  }

  const verdict: number[] = [];
  const coverage: number[] = [];
  const retoken: number[] = [];
  let store: AuditStore;
  for (let i = 0; i < runs; i++) {
    store = new AuditStore({ cap: n, tokens: TOKENS, settings: SETTINGS });
    const s = store;
    verdict.push(time(() => s.add(reqs)));
    coverage.push(time(() => computeCoverage(s.toArray())));
    retoken.push(
      time(() =>
        s.setTokens({
          current: { token: 'k1k1k1k1k1k1.0.lrrz0000.9XyZ8wVu7tSr6qPn5mKj4hGf', sessionId: '1' },
          earlier: [CURRENT, EARLIER],
        }),
      ),
    );
  }
  // The counts of the last run as judged with the bench's tokens (before the token change).
  const check = new AuditStore({ cap: n, tokens: TOKENS, settings: SETTINGS });
  check.add(reqs);

  const verdictMs = median(verdict);
  return {
    name: 'audit-verdicts',
    entries: reqs.length,
    runs,
    verdictMs: round(verdictMs),
    verdictFirstRunMs: round(verdict[0] ?? 0),
    requestsPerSecond: Math.round(reqs.length / (verdictMs / 1000)),
    targetMs: TARGET_MS,
    withinTarget: verdictMs < TARGET_MS,
    coverageMs: round(median(coverage)),
    retokenMs: round(median(retoken)),
    harParseMs: round(median(parse)),
    counts: check.counts,
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

const direct = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (direct) {
  const r = run();
  console.log(
    `audit verdicts: ${r.entries.toLocaleString('en')} requests judged in ${r.verdictMs} ms (median of ${r.runs}; first run ${r.verdictFirstRunMs} ms)`,
  );
  console.log(
    `  ${r.requestsPerSecond.toLocaleString('en')} requests/s — target < ${r.targetMs} ms: ${r.withinTarget ? 'met' : 'NOT met'}`,
  );
  console.log(
    `  coverage ${r.coverageMs} ms, re-judge after token change ${r.retokenMs} ms, HAR parse ${r.harParseMs} ms`,
  );
  console.log(
    `  verdicts: ${Object.entries(r.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
}
