import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SumoServer } from '../../sumo-server/index.ts';
import { search, startFastServer, TestClient } from './client.ts';

let server: SumoServer;
let client: TestClient;

beforeAll(async () => {
  server = await startFastServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.ingest(Array.from({ length: 6 }, (_, i) => ({ raw: `ERROR fault line ${i}`, messageTime: 1_000 + i })));
  client = new TestClient(server.url);
});

async function setFaults(body: unknown): Promise<Response> {
  return fetch(`${server.url}/__sumo/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('request faults set over HTTP', () => {
  it('a 401 storm of three requests, then normal answers', async () => {
    expect((await setFaults({ faults: [{ type: 'unauthorized', times: 3 }] })).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await client.create(search('error'))).status);
    expect(statuses).toEqual([401, 401, 401, 202]);
    expect(server.stats().faultHits.unauthorized).toBe(3);
  });

  it('401s only for requests without a session cookie when withoutSession is set', async () => {
    const id = await client.createId(search('error'));
    server.setFaults({ type: 'unauthorized', withoutSession: true });
    expect((await client.status(id)).status).toBe(200);
    expect((await new TestClient(server.url, { keepCookies: false }).create(search('error'))).status).toBe(401);
  });

  it('a burst of 429s with Retry-After', async () => {
    await setFaults([{ type: 'rateLimit', times: 2, retryAfter: 3 }]);
    const first = await client.create(search('error'));
    expect(first.status).toBe(429);
    expect(first.json.code).toBe('rate.limit.exceeded');
    expect(first.headers.get('retry-after')).toBe('3');
    expect((await client.create(search('error'))).status).toBe(429);
    expect((await client.create(search('error'))).status).toBe(202);
  });

  it('500 internal.error and 503 service.unavailable, aimed at one call with on/after/times', async () => {
    const id = await client.createId(search('error'));
    await setFaults([
      { type: 'serverError', status: 503, on: ['status'], after: 1, times: 1 },
      { type: 'serverError', on: ['messages'], times: 1 },
    ]);
    const statuses = [
      (await client.status(id)).status,
      (await client.status(id)).status,
      (await client.status(id)).status,
    ];
    expect(statuses).toEqual([200, 503, 200]);
    const page = await client.messages(id, 0, 10);
    expect(page.status).toBe(500);
    expect(page.json.code).toBe('internal.error');
    expect((await client.messages(id, 0, 10)).status).toBe(200);
    const view = (await (await fetch(`${server.url}/__sumo/faults`)).json()) as {
      faults: Array<{ matched: number; applied: number }>;
    };
    expect(view.faults.map((f) => [f.matched, f.applied])).toEqual([
      [3, 1],
      [2, 1],
    ]);
  });

  it('403 forbidden and 301 moved with a Location', async () => {
    server.setFaults({ type: 'forbidden', times: 1 });
    expect((await client.create(search('error'))).json.code).toBe('forbidden');
    server.setFaults({ type: 'moved', location: 'https://api.de.sumologic.com/api', times: 1 });
    const moved = await client.create(search('error'));
    expect(moved.status).toBe(301);
    expect(moved.json.code).toBe('moved');
    expect(moved.headers.get('location')).toBe('https://api.de.sumologic.com/api/v1/search/jobs');
  });

  it('a slow response still answers normally', async () => {
    server.setFaults({ type: 'delay', ms: 30, times: 1 });
    expect((await client.create(search('error'))).status).toBe(202);
    expect(server.stats().faultHits.delay).toBe(1);
  });

  it('a hanging response never answers; the request log shows it with status 0 once the client gives up', async () => {
    server.setFaults({ type: 'hang', times: 1 });
    const ac = new AbortController();
    const pending = fetch(`${server.url}/api/v1/search/jobs`, { method: 'POST', signal: ac.signal }).then(
      () => 'answered',
      () => 'aborted',
    );
    while (server.stats().inFlight === 0) await new Promise((r) => setTimeout(r, 5));
    ac.abort();
    expect(await pending).toBe('aborted');
    while (server.stats().inFlight > 0) await new Promise((r) => setTimeout(r, 5));
    const log = (await (await fetch(`${server.url}/__sumo/requests`)).json()) as {
      requests: Array<{ status: number; call: string }>;
    };
    expect(log.requests).toEqual([expect.objectContaining({ status: 0, call: 'create' })]);
  });

  it('a 404 searchjob.jobid.invalid on demand', async () => {
    const id = await client.createId(search('error'));
    server.setFaults({ type: 'notFound', on: ['status'], times: 1 });
    expect((await client.status(id)).json.code).toBe('searchjob.jobid.invalid');
    expect((await client.status(id)).status).toBe(200);
  });

  it('refuses an unknown fault with 400 and keeps the previous set', async () => {
    server.setFaults({ type: 'delay', ms: 1 });
    const res = await setFaults({ type: 'explode' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/unknown fault type "explode"/);
    expect(server.faults().map((f) => f.spec.type)).toEqual(['delay']);
    expect(() => server.setFaults({ type: 'serverError', status: 418 } as never)).toThrow(/500, 502, 503 or 504/);
  });

  it('DELETE /__sumo/faults clears every fault', async () => {
    server.setFaults({ type: 'unauthorized' });
    const res = await fetch(`${server.url}/__sumo/faults`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect((await client.create(search('error'))).status).toBe(202);
  });
});

describe('job faults', () => {
  it('a transient 404 right after create', async () => {
    server.setFaults({ type: 'transient404', count: 2, times: 1 });
    const id = await client.createId(search('error'));
    expect([
      (await client.status(id)).status,
      (await client.status(id)).status,
      (await client.status(id)).status,
    ]).toEqual([404, 404, 200]);
    // times: 1 → the next job is normal
    const next = await client.createId(search('error'));
    expect((await client.status(next)).status).toBe(200);
  });

  it('FORCE PAUSED at a small message cap', async () => {
    server.setFaults({ type: 'forcePaused', cap: 3 });
    const id = await client.createId(search('error'));
    const { last } = await client.pollUntilDone(id);
    expect(last).toMatchObject({ state: 'FORCE PAUSED', messageCount: 3 });
    expect((await client.messages(id, 0, 100)).json.messages).toHaveLength(3);
  });

  it('CANCELLED after some messages', async () => {
    server.setFaults({ type: 'cancelled', afterMessages: 2 });
    const id = await client.createId(search('error'));
    expect((await client.pollUntilDone(id)).last).toMatchObject({ state: 'CANCELLED', messageCount: 2 });
  });

  it('pendingErrors with zero results, reported once as a delta', async () => {
    server.setFaults({ type: 'pendingErrors', errors: ['Field x not found'] });
    const id = await client.createId(search('error'));
    const first = (await client.status(id)).json;
    expect(first).toMatchObject({
      state: 'DONE GATHERING RESULTS',
      messageCount: 0,
      pendingErrors: ['Field x not found'],
    });
    expect((await client.status(id)).json.pendingErrors).toEqual([]);
  });

  it('pendingWarnings', async () => {
    // JSON and the header accept a single string where a list is expected.
    expect((await setFaults({ type: 'pendingWarnings', warnings: 'Slow source' })).status).toBe(200);
    const id = await client.createId(search('error'));
    expect((await client.status(id)).json.pendingWarnings).toEqual(['Slow source']);
  });

  it('the empty-page bug: messageCount > 0 but empty pages on the first tries', async () => {
    server.setFaults({ type: 'emptyPages', count: 2 });
    const id = await client.createId(search('error'));
    expect((await client.pollUntilDone(id)).last.messageCount).toBe(6);
    const sizes = [];
    for (let i = 0; i < 3; i++) sizes.push(((await client.messages(id, 0, 10)).json.messages as unknown[]).length);
    expect(sizes).toEqual([0, 0, 6]);
  });

  it('DONE GATHERING HISTOGRAM before DONE GATHERING RESULTS', async () => {
    server.setFaults({ type: 'doneGatheringHistogram', polls: 2 });
    const id = await client.createId(search('error'));
    const states = [];
    for (let i = 0; i < 3; i++) states.push((await client.status(id)).json.state);
    expect(states).toEqual(['DONE GATHERING HISTOGRAM', 'DONE GATHERING HISTOGRAM', 'DONE GATHERING RESULTS']);
  });

  it('camelCase map keys', async () => {
    server.setFaults({ type: 'camelCase' });
    const id = await client.createId(search('error'));
    const page = await client.messages(id, 0, 1);
    const map = (page.json.messages as Array<{ map: Record<string, string> }>)[0]?.map ?? {};
    expect(Object.keys(map)).toContain('_messageTime');
    expect(Object.keys(map)).toContain('_sourceCategory');
    expect(Object.keys(map)).not.toContain('_messagetime');
    expect(map._messageTime).toBe('1005');
  });

  it('a slow job with its own gathering speed', async () => {
    server.setFaults({ type: 'gatherRate', messagesPerSecond: 0.001 });
    const id = await client.createId(search('error'));
    expect((await client.status(id)).json).toMatchObject({
      state: 'GATHERING RESULTS FROM SUBQUERIES',
      messageCount: 0,
    });
    expect(server.stats().jobs[0]?.faults).toEqual(['gatherRate']);
  });
});

describe('per-request faults in X-Sumo-Fault', () => {
  it('applies a request fault to that request only', async () => {
    const hit = await client.create(search('error'), { 'X-Sumo-Fault': 'serverError;status=503' });
    expect(hit.status).toBe(503);
    // Strict default: a gateway error comes from the load balancer, as HTML.
    expect(hit.headers.get('content-type')).toBe('text/html');
    expect(hit.body).toBe(
      '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n</html>\r\n',
    );
    expect((await client.create(search('error'))).status).toBe(202);
  });

  it('applies job faults to the job that request creates', async () => {
    const id = await client.createId(search('error'), { 'X-Sumo-Fault': 'camelCase, forcePaused;cap=2' });
    expect((await client.pollUntilDone(id)).last).toMatchObject({ state: 'FORCE PAUSED', messageCount: 2 });
    const map =
      ((await client.messages(id, 0, 1)).json.messages as Array<{ map: Record<string, string> }>)[0]?.map ?? {};
    expect(Object.keys(map)).toContain('_messageId');
  });

  it('answers 400 fault.header.invalid for a header it cannot read', async () => {
    const res = await client.create(search('error'), { 'X-Sumo-Fault': 'nonsense' });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('fault.header.invalid');
  });
});
