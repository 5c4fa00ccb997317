// The client against the local SumoLogic-compatible server over real HTTP on 127.0.0.1,
// proving through the server's own stats that no job leaks and the limits hold.
import { afterEach, describe, expect, it } from 'vitest';
import { startSumoServer } from '../../../sumo-server/index.ts';
import type { FaultSpec, SumoServer, SumoServerOptions } from '../../../sumo-server/index.ts';
import { SearchJobClient } from '../../../src/sumo/client.ts';
import type { FetchLike } from '../../../src/sumo/client.ts';
import type { SumoError } from '../../../src/sumo/errors.ts';
import { sessionQuery as buildSessionQuery } from '../../support/session-query.ts';
import { RateLimiter } from '../../../src/sumo/rate-limiter.ts';
import { runSearch } from '../../../src/sumo/search.ts';
import type { RunSearchOptions, SearchResult } from '../../../src/sumo/search.ts';
import { analyzeMessages } from '../../support/analyze-messages.ts';
import { cookieFetch } from '../../support/sumo/cookie-fetch.ts';

const TOKEN = 'jw4wdfpgqhoj.-3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
const TAG = `[openReplaySessionToken=${TOKEN}]`;
const QUERY = buildSessionQuery({ token: TOKEN, scope: '_sourceCategory=prod/api' }).query;

let server: SumoServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: SumoServerOptions = {}, lines = 6): Promise<SumoServer> {
  server = await startSumoServer({ gatherMessagesPerSecond: Infinity, ...options });
  const now = Date.now();
  server.ingest(
    Array.from({ length: lines }, (_, i) => ({
      raw: `${TAG} ERROR failure number ${i}`,
      messageTime: now - 60_000 + i * 100,
    })),
    { category: 'prod/api', host: 'web-1', name: '/var/log/app.log' },
  );
  return server;
}

function clientFor(
  s: SumoServer,
  options: { fetch?: FetchLike; limiter?: RateLimiter; accessKey?: string } = {},
): SearchJobClient {
  return new SearchJobClient({
    apiBase: `${s.url}/api`,
    accessId: 'demo-access-id',
    accessKey: options.accessKey ?? 'demo-access-key',
    fetch: options.fetch ?? cookieFetch(),
    ...(options.limiter ? { limiter: options.limiter } : {}),
  });
}

function search(client: SearchJobClient, extra: Partial<RunSearchOptions> = {}): Promise<SearchResult> {
  const now = Date.now();
  return runSearch({ client, query: QUERY, from: now - 3_600_000, to: now, ...extra });
}

function failure(p: Promise<unknown>): Promise<SumoError> {
  return p.then(
    () => {
      throw new Error('expected the search to fail');
    },
    (e: unknown) => e as SumoError,
  );
}

function expectCleanAndWithinLimits(s: SumoServer): void {
  const stats = s.stats();
  expect(stats.liveJobs).toBe(0);
  expect(stats.maxRequestsPerSecond).toBeLessThanOrEqual(4);
  expect(stats.maxConcurrent).toBeLessThanOrEqual(10);
}

describe('SearchJobClient against the local SumoLogic server', () => {
  it('finds the tagged lines, keeps cookies, deletes the job, stays within limits', async () => {
    const s = await start();
    s.ingest([`${TAG} INFO other category`], { category: 'prod/web', host: 'web-1', name: 'x' });
    const fetch = cookieFetch();
    const result = await search(clientFor(s, { fetch }));
    expect(result.messages.map((m) => m['_raw'])).toEqual(
      Array.from({ length: 6 }, (_, i) => `${TAG} ERROR failure number ${5 - i}`),
    );
    expect(result.messages[0]?.['_sourcehost']).toBe('web-1');
    expect(result.truncated).toBe(false);
    expect(result.stats.jobDeleted).toBe(true);
    expect(fetch.cookies()).toEqual(['AWSALB@/', 'JSESSIONID@/api']);
    const analysis = analyzeMessages(result.messages, { tags: [{ tagName: 'openReplaySessionToken', value: TOKEN }] });
    expect(analysis.groups).toHaveLength(1);
    expect(analysis.groups[0]?.count).toBe(6);
    expectCleanAndWithinLimits(s);
    expect(s.stats().jobsDeleted).toBe(1);
  });

  it('finds a Python traceback logged line by line (as the seed example writes it) and groups it', async () => {
    const s = await start({}, 0);
    const now = Date.now() - 30_000;
    const lines = [
      `${TAG} Traceback (most recent call last):`,
      `${TAG}   File "/srv/app/views.py", line 42, in checkout`,
      '    total = order.total / order.quantity',
      `${TAG} ZeroDivisionError: ${TAG} division by zero`,
    ];
    for (const at of [now - 5000, now]) {
      s.ingest(
        lines.map((raw) => ({ raw, messageTime: at })),
        { category: 'prod/api', host: 'web-1', name: '/var/log/app.log' },
      );
    }
    const result = await search(clientFor(s));
    expect(result.messages).toHaveLength(6); // the untagged code lines are not found
    const analysis = analyzeMessages(result.messages, { tags: [{ tagName: 'openReplaySessionToken', value: TOKEN }] });
    expect(analysis.entries.map((e) => e.parts)).toEqual([3, 3]);
    expect(analysis.groups.map((g) => [g.headline, g.count])).toEqual([['ZeroDivisionError: division by zero', 2]]);
    expect(analysis.groups[0]?.sample.stack.frames.map((f) => `${f.file}:${f.line} ${f.fn}`)).toEqual([
      '/srv/app/views.py:42 checkout',
    ]);
    expectCleanAndWithinLimits(s);
  });

  it('runs two searches at once through one shared limiter: ≤4 req/s, ≤10 in flight, no job left', async () => {
    const s = await start({ gatherMessagesPerSecond: 40 }, 30);
    const limiter = new RateLimiter();
    const [a, b] = await Promise.all([
      search(clientFor(s, { limiter }), { pageLimit: 7 }),
      search(clientFor(s, { limiter }), { pageLimit: 9 }),
    ]);
    expect(a.messages).toHaveLength(30);
    expect(b.messages).toHaveLength(30);
    const stats = s.stats();
    expect(stats.requests).toBeGreaterThanOrEqual(16);
    expect(stats.rateLimited).toBe(0);
    expect(stats.jobsCreated).toBe(2);
    expect(stats.jobsDeleted).toBe(2);
    expectCleanAndWithinLimits(s);
  }, 30_000);

  it('rides out 429s (with Retry-After) and 500/503s', async () => {
    const s = await start();
    s.setFaults([
      { type: 'rateLimit', retryAfter: 1, times: 2, on: ['status'] },
      { type: 'serverError', status: 503, times: 1, on: ['messages'] },
      { type: 'rateLimit', times: 1, on: ['create'] },
    ]);
    const result = await search(clientFor(s));
    expect(result.messages).toHaveLength(6);
    expect(s.stats().responsesByStatus).toMatchObject({ '429': 3, '503': 1 });
    expect(s.stats().jobsCreated).toBe(1);
    expectCleanAndWithinLimits(s);
  });

  const tolerated: Array<[FaultSpec, string]> = [
    [{ type: 'transient404', count: 2 }, 'transient 404 after create'],
    [{ type: 'emptyPages', count: 2 }, 'empty-page bug'],
    [{ type: 'doneGatheringHistogram', polls: 3 }, 'DONE GATHERING HISTOGRAM'],
    [{ type: 'pendingWarnings', warnings: ['slow'] }, 'pending warnings'],
  ];
  it.each(tolerated)('completes despite %o (%s)', async (fault) => {
    const s = await start();
    s.setFaults([fault]);
    const result = await search(clientFor(s));
    expect(result.messages).toHaveLength(6);
    if (fault.type === 'pendingWarnings') expect(result.pendingWarnings).toEqual(['slow']);
    expectCleanAndWithinLimits(s);
  });

  it('lowercases camelCase message keys', async () => {
    const s = await start();
    s.setFaults([{ type: 'camelCase' }]);
    const result = await search(clientFor(s));
    expect(result.messages[0]?.['_raw']).toBe(`${TAG} ERROR failure number 5`);
    expect(Object.keys(result.messages[0] ?? {}).every((k) => k === k.toLowerCase())).toBe(true);
    expectCleanAndWithinLimits(s);
  });

  it('flags FORCE PAUSED as truncated', async () => {
    const s = await start();
    s.setFaults([{ type: 'forcePaused', cap: 4 }]);
    const result = await search(clientFor(s));
    expect(result.truncated).toBe(true);
    expect(result.messages).toHaveLength(4);
    expectCleanAndWithinLimits(s);
  });

  it('reports CANCELLED and pendingErrors as errors, leaving no job', async () => {
    const s = await start();
    const limiter = new RateLimiter(); // one limiter for both searches, as in the service worker
    s.setFaults([{ type: 'cancelled', times: 1 }]);
    expect((await failure(search(clientFor(s, { limiter })))).kind).toBe('cancelled');
    s.setFaults([{ type: 'pendingErrors', errors: ['Parse error near "foo"'] }]);
    const error = await failure(search(clientFor(s, { limiter })));
    expect(error.kind).toBe('query-error');
    expect(error.message).toBe('SumoLogic reported a query error: Parse error near "foo"');
    expectCleanAndWithinLimits(s);
  });

  it('names the right deployment on 301', async () => {
    const s = await start({ deploymentRedirect: 'https://api.eu.sumologic.com/api' });
    const error = await failure(search(clientFor(s)));
    expect(error.message).toBe(
      'Wrong deployment: this account lives in EU (api.eu.sumologic.com) — pick EU in settings.',
    );
    expect(s.stats().jobsCreated).toBe(0);
  });

  it('reports refused credentials and a non-Enterprise account without leaking the key', async () => {
    const s = await start();
    const error = await failure(search(clientFor(s, { accessKey: 'wrong-key-value' })));
    expect(error.message).toBe('The Access ID/Key was refused — check them or create a new key.');
    expect(error.message).not.toContain('wrong-key-value');
    s.setFaults([{ type: 'forbidden' }]);
    expect((await failure(search(clientFor(s)))).kind).toBe('forbidden');
    expect(s.stats().liveJobs).toBe(0);
  });

  it('deletes the job when the user cancels mid-search', async () => {
    const s = await start({ gatherMessagesPerSecond: 1 });
    const controller = new AbortController();
    const progress: string[] = [];
    const searching = search(clientFor(s), {
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p.state);
        if (p.state === 'GATHERING RESULTS') controller.abort();
      },
    });
    const error = await failure(searching);
    expect(error.kind).toBe('aborted');
    expect(progress).toContain('GATHERING RESULTS');
    const stats = s.stats();
    expect(stats.jobsCreated).toBe(1);
    expect(stats.jobsDeleted).toBe(1);
    expectCleanAndWithinLimits(s);
  });

  it('reports a job that the server expired for lack of polling', async () => {
    const s = await start({ gatherMessagesPerSecond: 1, jobIdleTimeoutMs: 250 });
    const error = await failure(search(clientFor(s), { poll: { firstPollMs: 100, factor: 3 } }));
    expect(error.kind).toBe('job-expired');
    expect(s.stats().liveJobs).toBe(0);
  });

  it('reports an unreachable server', async () => {
    const s = await start();
    const apiBase = `${s.url}/api`;
    await s.close();
    server = undefined;
    const client = new SearchJobClient({
      apiBase,
      accessId: 'demo-access-id',
      accessKey: 'demo-access-key',
      fetch: cookieFetch(),
    });
    const error = await failure(search(client));
    expect(error.kind).toBe('network');
    expect(error.message).toBe(
      `Could not reach ${new URL(apiBase).host} — check the deployment/network (a browser also reports some refused answers this way).`,
    );
  });
});
