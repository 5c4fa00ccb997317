import { describe, expect, it } from 'vitest';
import { SearchJobClient } from '../../../src/sumo/client.ts';
import { SumoError } from '../../../src/sumo/errors.ts';
import { RateLimiter } from '../../../src/sumo/rate-limiter.ts';
import { runSearch } from '../../../src/sumo/search.ts';
import type { SearchProgress, SearchResult } from '../../../src/sumo/search.ts';
import { FakeSumo, makeMessage, sumoError } from '../../support/sumo/fake-sumo.ts';
import type { FakeRequest } from '../../support/sumo/fake-sumo.ts';
import { VirtualClock } from '../../support/sumo/virtual-clock.ts';

function setup(latencyMs = 20) {
  const clock = new VirtualClock();
  const sumo = new FakeSumo(clock, latencyMs);
  const limiter = new RateLimiter({ clock });
  const client = new SearchJobClient({
    apiBase: 'https://api.sumologic.com/api',
    accessId: 'demo-id',
    accessKey: 'demo-key',
    fetch: sumo.fetch,
    clock,
    limiter,
    random: () => 0.5,
  });
  const progress: SearchProgress[] = [];
  const run = (extra: Partial<Parameters<typeof runSearch>[0]> = {}): Promise<SearchResult> =>
    runSearch({
      client,
      clock,
      query: '"openReplaySessionToken=a.b.c.dddddddd"',
      from: 1000,
      to: 2000,
      onProgress: (p) => progress.push(p),
      ...extra,
    });
  return { clock, sumo, client, limiter, progress, run };
}

const isStatus = (r: FakeRequest) => r.method === 'GET' && /\/jobs\/[^/]+$/.test(r.path);
const isPage = (r: FakeRequest) => r.path.endsWith('/messages');
const failure = (p: Promise<unknown>): Promise<SumoError> =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as SumoError,
  );

describe('runSearch', () => {
  it('pages while gathering, accumulates deltas, finishes on DONE and deletes the job', async () => {
    const { sumo, run, progress } = setup();
    sumo.messages = Array.from({ length: 25 }, (_, i) => makeMessage(i));
    sumo.statusSteps = [
      { state: 'NOT STARTED', messageCount: 0 },
      {
        state: 'GATHERING RESULTS',
        messageCount: 10,
        histogramBuckets: [{ startTimestamp: 0, length: 60000, count: 10 }],
        pendingWarnings: ['w1'],
      },
      {
        state: 'DONE GATHERING HISTOGRAM',
        messageCount: 20,
        histogramBuckets: [
          { startTimestamp: 0, length: 60000, count: 10 },
          { startTimestamp: 60000, length: 60000, count: 3 },
        ],
      },
      { state: 'SOME FUTURE STATE', messageCount: 22 },
      { state: 'DONE GATHERING RESULTS', messageCount: 25, pendingWarnings: ['w2'] },
    ];
    const result = await run({ byReceiptTime: true, pageLimit: 8 });
    expect(result.messages.map((m) => m._raw)).toEqual(sumo.messages.map((m) => m._raw));
    expect(result.truncated).toBe(false);
    expect(result.finalState).toBe('DONE GATHERING RESULTS');
    expect(result.pendingWarnings).toEqual(['w1', 'w2']);
    expect(result.histogram).toEqual([
      { startTimestamp: 0, length: 60000, count: 20 },
      { startTimestamp: 60000, length: 60000, count: 3 },
    ]);
    expect(sumo.liveJobs()).toEqual([]);
    expect(result.stats.jobDeleted).toBe(true);
    expect(result.stats.requests).toBe(sumo.requests.length);
    expect(sumo.requests[0]?.body).toEqual({
      timeZone: 'UTC',
      requiresRawMessages: true,
      query: '"openReplaySessionToken=a.b.c.dddddddd"',
      from: 1000,
      to: 2000,
      byReceiptTime: true,
    });
    // Pages started before the job was done: results show early.
    const firstPage = sumo.requests.findIndex(isPage);
    const doneStatus = sumo.requests.filter(isStatus).length;
    expect(firstPage).toBeLessThan(sumo.requests.length - 2);
    expect(doneStatus).toBe(5);
    expect(sumo.requests.filter(isPage).map((r) => r.search.toString())).toEqual([
      'offset=0&limit=8',
      'offset=8&limit=2',
      'offset=10&limit=8',
      'offset=18&limit=2',
      'offset=20&limit=2',
      'offset=22&limit=3',
    ]);
    const states = progress.map((p) => p.state);
    expect(states[0]).toBe('NOT STARTED');
    expect(states.at(-1)).toBe('DONE GATHERING RESULTS');
    expect(progress.at(-1)).toMatchObject({ messageCount: 25, fetched: 25 });
  });

  it('hands each new page to onMessages as it arrives, before the job is done', async () => {
    const { sumo, run } = setup();
    sumo.messages = Array.from({ length: 5 }, (_, i) => makeMessage(i));
    sumo.statusSteps = [
      { state: 'GATHERING RESULTS', messageCount: 2 },
      { state: 'DONE GATHERING RESULTS', messageCount: 5 },
    ];
    const seen: string[][] = [];
    const statesAtBatch: string[] = [];
    await run({
      onMessages: (batch) => {
        seen.push(batch.map((m) => m._raw ?? ''));
        statesAtBatch.push(String(sumo.count('GET', '/jobs/JOB1') - sumo.count('GET', '/messages')));
      },
    });
    expect(seen).toEqual([
      ['line 0', 'line 1'],
      ['line 2', 'line 3', 'line 4'],
    ]);
    expect(statesAtBatch).toEqual(['1', '2']); // first batch after the first (still gathering) poll
  });

  it('polls adaptively: first after 200 ms, ×1.5 up to 5 s', async () => {
    const { sumo, run, clock } = setup(0);
    sumo.statusSteps = [
      ...Array.from({ length: 12 }, () => ({ state: 'GATHERING RESULTS', messageCount: 0 })),
      { state: 'DONE GATHERING RESULTS', messageCount: 0 },
    ];
    const t0 = clock.now();
    await run();
    const times = sumo.requests.filter(isStatus).map((r) => r.at - t0);
    const gaps = times.map((t, i) => t - (times[i - 1] ?? 0));
    expect(gaps.slice(0, 6)).toEqual([200, 300, 450, 675, 1012.5, 1518.75]);
    expect(Math.max(...gaps)).toBe(5000);
  });

  it('advances the offset by what actually came back (short pages)', async () => {
    const { sumo, run } = setup();
    sumo.messages = Array.from({ length: 7 }, (_, i) => makeMessage(i));
    sumo.maxPageSize = 3;
    const result = await run();
    expect(result.messages).toHaveLength(7);
    expect(sumo.requests.filter(isPage).map((r) => r.search.get('offset'))).toEqual(['0', '3', '6']);
  });

  it('flags FORCE PAUSED results as truncated', async () => {
    const { sumo, run } = setup();
    sumo.messages = Array.from({ length: 5 }, (_, i) => makeMessage(i));
    sumo.statusSteps = [{ state: 'FORCE PAUSED', messageCount: 5 }];
    const result = await run();
    expect(result.truncated).toBe(true);
    expect(result.finalState).toBe('FORCE PAUSED');
    expect(result.messages).toHaveLength(5);
    expect(sumo.liveJobs()).toEqual([]);
  });

  it('stops at maxMessages, flags truncation and still deletes', async () => {
    const { sumo, run } = setup();
    sumo.messages = Array.from({ length: 50 }, (_, i) => makeMessage(i));
    sumo.statusSteps = [{ state: 'GATHERING RESULTS', messageCount: 50 }];
    const result = await run({ maxMessages: 20 });
    expect(result.messages).toHaveLength(20);
    expect(result.truncated).toBe(true);
    expect(sumo.liveJobs()).toEqual([]);
  });

  it('reports CANCELLED as an error and deletes the job', async () => {
    const { sumo, run } = setup();
    sumo.statusSteps = [
      { state: 'GATHERING RESULTS', messageCount: 0 },
      { state: 'CANCELLED', messageCount: 0 },
    ];
    const error = await failure(run());
    expect(error.kind).toBe('cancelled');
    expect(error.message).toBe('SumoLogic cancelled the search job — run the search again.');
    expect(sumo.count('DELETE', '/jobs/JOB1')).toBe(1);
    expect(sumo.liveJobs()).toEqual([]);
  });

  it('treats zero results with pendingErrors as a query error', async () => {
    const { sumo, run } = setup();
    sumo.statusSteps = [{ state: 'GATHERING RESULTS', messageCount: 0, pendingErrors: ['Field foo not found'] }];
    const error = await failure(run());
    expect(error.kind).toBe('query-error');
    expect(error.message).toBe('SumoLogic reported a query error: Field foo not found');
    expect(sumo.liveJobs()).toEqual([]);
  });

  it('keeps results and reports pendingErrors when there are messages', async () => {
    const { sumo, run } = setup();
    sumo.messages = [makeMessage(0)];
    sumo.statusSteps = [{ state: 'DONE GATHERING RESULTS', messageCount: 1, pendingErrors: ['partial'] }];
    const result = await run();
    expect(result.pendingErrors).toEqual(['partial']);
    expect(result.messages).toHaveLength(1);
  });

  it('retries the empty-page bug, then succeeds', async () => {
    const { sumo, run } = setup();
    sumo.messages = Array.from({ length: 3 }, (_, i) => makeMessage(i));
    sumo.emptyPages = 2;
    const result = await run();
    expect(result.messages).toHaveLength(3);
    expect(sumo.requests.filter(isPage)).toHaveLength(3);
  });

  it('gives up on a persistent empty page with a clear error', async () => {
    const { sumo, run } = setup();
    sumo.messages = Array.from({ length: 3 }, (_, i) => makeMessage(i));
    sumo.emptyPages = 100;
    const error = await failure(run());
    expect(error.kind).toBe('empty-page');
    expect(error.message).toBe(
      'SumoLogic reported 3 messages but returned an empty page at offset 0 several times — try the search again.',
    );
    expect(sumo.liveJobs()).toEqual([]);
  });

  it('survives a transient 404 right after create', async () => {
    const { sumo, run } = setup();
    sumo.messages = [makeMessage(0)];
    sumo.fault(isStatus, sumoError(404, 'searchjob.jobid.invalid'), 2);
    const result = await run();
    expect(result.messages).toHaveLength(1);
    expect(sumo.liveJobs()).toEqual([]);
  });

  it('reports a job that expires mid-search', async () => {
    const { sumo, run } = setup();
    sumo.statusSteps = Array.from({ length: 30 }, () => ({ state: 'GATHERING RESULTS', messageCount: 0 }));
    let polls = 0;
    sumo.fault((r) => isStatus(r) && ++polls > 12, sumoError(404, 'searchjob.jobid.invalid'), 100);
    const error = await failure(run());
    expect(error.kind).toBe('job-expired');
    expect(error.message).toBe("The search job expired on SumoLogic's side — search again.");
    expect(sumo.count('DELETE', '/jobs/')).toBeGreaterThanOrEqual(1);
  });

  it('rides out a 429 burst and 500/503 answers', async () => {
    const { sumo, run } = setup();
    sumo.messages = Array.from({ length: 4 }, (_, i) => makeMessage(i));
    sumo.fault((r) => r.method === 'POST', sumoError(429, 'rate.limit.exceeded'), 3);
    sumo.fault(isStatus, sumoError(500, 'internal.error'), 1);
    sumo.fault(isPage, sumoError(503, 'service.unavailable'), 2);
    sumo.fault((r) => r.method === 'DELETE', sumoError(429, 'rate.limit.exceeded'), 1);
    const result = await run();
    expect(result.messages).toHaveLength(4);
    expect(sumo.liveJobs()).toEqual([]);
    expect(result.stats.requests).toBe(sumo.requests.length);
  });

  it('reads camelCase message keys as lowercase', async () => {
    const { sumo, run } = setup();
    sumo.messages = [makeMessage(0, '[openReplaySessionToken=a.b.c.dddddddd] ERROR boom')];
    sumo.capitalizeMessageKeys = true;
    const result = await run();
    expect(Object.keys(result.messages[0] ?? {}).sort()).toEqual([
      '_messageid',
      '_messagetime',
      '_raw',
      '_receipttime',
      '_sourcecategory',
      '_sourcehost',
      '_sourcename',
    ]);
    expect(result.messages[0]?._raw).toBe('[openReplaySessionToken=a.b.c.dddddddd] ERROR boom');
  });

  it('fails on 301 at create without leaving a job', async () => {
    const { sumo, run } = setup();
    sumo.fault(() => true, {
      ...sumoError(301, 'moved'),
      headers: { location: 'https://api.eu.sumologic.com/api/v1/search/jobs' },
    });
    const error = await failure(run());
    expect(error.message).toBe(
      'Wrong deployment: this account lives in EU (api.eu.sumologic.com) — pick EU in settings.',
    );
    expect(sumo.liveJobs()).toEqual([]);
    expect(sumo.requests).toHaveLength(1);
  });

  it('deletes the job when aborted while polling', async () => {
    const { sumo, run, clock } = setup();
    sumo.statusSteps = [{ state: 'GATHERING RESULTS', messageCount: 0 }];
    const controller = new AbortController();
    const searching = run({ signal: controller.signal });
    await clock.sleep(3000);
    controller.abort();
    const error = await failure(searching);
    expect(error.kind).toBe('aborted');
    expect(error.message).toBe('Search cancelled.');
    expect(sumo.count('DELETE', '/jobs/JOB1')).toBe(1);
    expect(sumo.liveJobs()).toEqual([]);
  });

  it('deletes the job when aborted while create is in flight', async () => {
    const { sumo, run, clock } = setup(500);
    const controller = new AbortController();
    const searching = run({ signal: controller.signal });
    await clock.sleep(100);
    expect(sumo.requests).toHaveLength(1);
    controller.abort();
    const error = await failure(searching);
    expect(error.kind).toBe('aborted');
    expect(sumo.jobs.size).toBe(1);
    expect(sumo.liveJobs()).toEqual([]);
    expect(sumo.requests.map((r) => r.method)).toEqual(['POST', 'DELETE']);
  });

  it('can be cancelled while create still waits in a paused limiter, without any request', async () => {
    const { sumo, run, limiter, clock } = setup();
    limiter.pauseFor(30_000); // e.g. another panel hit a 429
    const controller = new AbortController();
    const searching = run({ signal: controller.signal });
    await clock.sleep(1000);
    controller.abort();
    expect((await failure(searching)).kind).toBe('aborted');
    expect(sumo.requests).toHaveLength(0);
  });

  it('makes no request when aborted before it starts', async () => {
    const { sumo, run } = setup();
    const controller = new AbortController();
    controller.abort();
    expect((await failure(run({ signal: controller.signal }))).kind).toBe('aborted');
    expect(sumo.requests).toHaveLength(0);
  });

  it('gives up at the deadline and deletes the job', async () => {
    const { sumo, run } = setup();
    sumo.statusSteps = [{ state: 'GATHERING RESULTS', messageCount: 0 }];
    const error = await failure(run({ poll: { deadlineMs: 60_000 } }));
    expect(error.kind).toBe('timeout');
    expect(sumo.liveJobs()).toEqual([]);
  });

  it('runs two searches at once through one limiter: ≤4 starts per second, ≤10 in flight', async () => {
    const { sumo, run } = setup(300);
    sumo.messages = Array.from({ length: 30 }, (_, i) => makeMessage(i));
    sumo.statusSteps = [
      { state: 'GATHERING RESULTS', messageCount: 10 },
      { state: 'GATHERING RESULTS', messageCount: 20 },
      { state: 'DONE GATHERING RESULTS', messageCount: 30 },
    ];
    const [a, b] = await Promise.all([run({ pageLimit: 2 }), run({ pageLimit: 3 })]);
    expect(a.messages).toHaveLength(30);
    expect(b.messages).toHaveLength(30);
    expect(sumo.liveJobs()).toEqual([]);
    const starts = sumo.requests.map((r) => r.at);
    for (const t of starts) expect(starts.filter((s) => s >= t && s < t + 1000).length).toBeLessThanOrEqual(4);
    expect(sumo.maxInFlight).toBeLessThanOrEqual(10);
  });
});
