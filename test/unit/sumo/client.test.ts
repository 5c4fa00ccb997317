import { describe, expect, it } from 'vitest';
import { SearchJobClient } from '../../../src/sumo/client.ts';
import type { FetchLike } from '../../../src/sumo/client.ts';
import { SumoError } from '../../../src/sumo/errors.ts';
import { RateLimiter } from '../../../src/sumo/rate-limiter.ts';
import { FakeSumo, makeMessage, sumoError } from '../../support/sumo/fake-sumo.ts';
import { VirtualClock } from '../../support/sumo/virtual-clock.ts';

const API = 'https://api.sumologic.com/api';

function setup(options: { key?: string; fetch?: FetchLike } = {}) {
  const clock = new VirtualClock();
  const sumo = new FakeSumo(clock);
  const client = new SearchJobClient({
    apiBase: `${API}/`,
    accessId: 'demo-id',
    accessKey: options.key ?? 'demo-key',
    fetch: options.fetch ?? sumo.fetch,
    clock,
    limiter: new RateLimiter({ clock }),
    random: () => 0.5,
  });
  return { clock, sumo, client };
}

const isPost = (r: { method: string }) => r.method === 'POST';
const isStatus = (r: { method: string; path: string }) => r.method === 'GET' && /\/jobs\/[^/]+$/.test(r.path);
const isPage = (r: { path: string }) => r.path.endsWith('/messages');

describe('SearchJobClient', () => {
  it('creates a job with Basic auth, JSON headers and cookies on every call', async () => {
    const { sumo, client } = setup();
    const { id } = await client.createJob({ query: 'q', from: 1, to: 2, byReceiptTime: true });
    expect(id).toBe('JOB1');
    await client.getStatus(id);
    await client.deleteJob(id);
    expect(sumo.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/v1/search/jobs',
      'GET /api/v1/search/jobs/JOB1',
      'DELETE /api/v1/search/jobs/JOB1',
    ]);
    for (const r of sumo.requests) {
      expect(r.headers.get('authorization')).toBe(`Basic ${btoa('demo-id:demo-key')}`);
      expect(r.headers.get('content-type')).toBe('application/json');
      expect(r.headers.get('accept')).toBe('application/json');
      expect(r.init.credentials).toBe('include');
      expect(r.init.redirect).toBe('manual');
    }
    expect(sumo.requests[0]?.body).toEqual({
      timeZone: 'UTC',
      requiresRawMessages: true,
      query: 'q',
      from: 1,
      to: 2,
      byReceiptTime: true,
    });
    expect(client.requests).toBe(3);
  });

  it('encodes non-Latin-1 credentials as UTF-8 instead of failing', async () => {
    const { sumo, client } = setup({ key: 'clé' });
    await expect(client.createJob({ query: 'q', from: 1, to: 2 })).rejects.toMatchObject({ kind: 'unauthorized' });
    const bytes = String.fromCharCode(...new TextEncoder().encode('demo-id:clé'));
    expect(sumo.requests[0]?.headers.get('authorization')).toBe(`Basic ${btoa(bytes)}`);
  });

  it('reads status and pages with camelCase keys, keeping 64-bit ids as strings', async () => {
    const { sumo, client } = setup();
    sumo.messages = [makeMessage(0)];
    sumo.capitalizeMessageKeys = true;
    sumo.statusSteps = [
      {
        state: 'x',
        raw: {
          State: 'GATHERING RESULTS',
          MessageCount: '1',
          HistogramBuckets: [{ StartTimestamp: 5, Length: 60000, Count: 1 }],
          PendingErrors: [],
          PendingWarnings: ['w'],
        },
      },
    ];
    const { id } = await client.createJob({ query: 'q', from: 1, to: 2 });
    expect(await client.getStatus(id)).toEqual({
      state: 'GATHERING RESULTS',
      messageCount: 1,
      recordCount: 0,
      histogramBuckets: [{ startTimestamp: 5, length: 60000, count: 1 }],
      pendingErrors: [],
      pendingWarnings: ['w'],
    });
    sumo.jobs.get(id)!.available = 1;
    const page = await client.getMessages(id, 0, 100);
    expect(page.messages).toEqual([makeMessage(0)]);
    expect(page.messages[0]?._messageid).toBe('-9223372036854775000');
    expect(sumo.requests.at(-1)?.search.toString()).toBe('offset=0&limit=100');
  });

  it('retries 429 with the shared limiter paused, honouring Retry-After', async () => {
    const { sumo, client, clock } = setup();
    sumo.fault(isPost, { ...sumoError(429, 'rate.limit.exceeded'), headers: { 'retry-after': '7' } }, 2);
    const t0 = clock.now();
    const { id } = await client.createJob({ query: 'q', from: 1, to: 2 });
    expect(id).toBe('JOB1');
    const times = sumo.requests.map((r) => r.at - t0);
    expect(times).toEqual([0, 7000, 14000]);
  });

  it('a 429 without Retry-After still pauses every caller of the shared limiter for at least the base delay', async () => {
    const clock = new VirtualClock();
    const sumo = new FakeSumo(clock);
    const limiter = new RateLimiter({ clock });
    const make = () =>
      new SearchJobClient({
        apiBase: API,
        accessId: 'demo-id',
        accessKey: 'demo-key',
        fetch: sumo.fetch,
        clock,
        limiter,
        random: () => 0,
      });
    sumo.fault(isPost, sumoError(429, 'rate.limit.exceeded'), 1);
    const t0 = clock.now();
    const firstDone = make().createJob({ query: 'q', from: 1, to: 2 });
    await clock.sleep(100); // the 429 has come back; another search starts now
    const other = await make().createJob({ query: 'r', from: 1, to: 2 });
    const first = await firstDone;
    expect([first.id, other.id].sort()).toEqual(['JOB1', 'JOB2']);
    // Full jitter drew 0 here; the floor still held both searches back by the base (1 s).
    expect(sumo.requests.map((r) => r.at - t0)).toEqual([0, 1000, 1000]);
  });

  it('gives up on a 429 burst after 6 retries with the rate-limit message', async () => {
    const { sumo, client } = setup();
    sumo.fault(() => true, sumoError(429, 'rate.limit.exceeded'), 100);
    const error = await client.createJob({ query: 'q', from: 1, to: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SumoError);
    expect((error as SumoError).kind).toBe('rate-limited');
    expect(sumo.requests).toHaveLength(7);
  });

  it('never retries a create after a 5xx (it may have made a job), but GETs a few times', async () => {
    const { sumo, client } = setup();
    sumo.fault(isPost, sumoError(500, 'internal.error'), 1);
    await expect(client.createJob({ query: 'q', from: 1, to: 2 })).rejects.toMatchObject({
      kind: 'server-error',
      status: 500,
    });
    expect(sumo.requests).toHaveLength(1);
    expect((await client.createJob({ query: 'q', from: 1, to: 2 })).id).toBe('JOB1');

    sumo.fault(isStatus, sumoError(503, 'service.unavailable'), 100);
    await expect(client.getStatus('JOB1')).rejects.toMatchObject({
      kind: 'unavailable',
      message: 'SumoLogic is unavailable right now (503) — try again in a few minutes.',
    });
    expect(sumo.requests.filter(isStatus)).toHaveLength(4);
  });

  it('retries a transient 404 right after create', async () => {
    const { sumo, client } = setup();
    const { id } = await client.createJob({ query: 'q', from: 1, to: 2 });
    sumo.fault(isStatus, sumoError(404, 'searchjob.jobid.invalid'), 2);
    expect((await client.getStatus(id)).state).toBe('DONE GATHERING RESULTS');
    expect(sumo.requests.filter(isStatus)).toHaveLength(3);
  });

  it('does not retry a 404 long after create (the job expired)', async () => {
    const { sumo, client, clock } = setup();
    const { id } = await client.createJob({ query: 'q', from: 1, to: 2 });
    await clock.sleep(60_000);
    sumo.fault(isPage, sumoError(404, 'searchjob.jobid.invalid'), 5);
    await expect(client.getMessages(id, 0, 10)).rejects.toMatchObject({ kind: 'job-invalid' });
    expect(sumo.requests.filter(isPage)).toHaveLength(1);
  });

  it('treats deleting a job that is already gone as done', async () => {
    const { sumo, client } = setup();
    await expect(client.deleteJob('GONE')).resolves.toBeUndefined();
    expect(sumo.requests).toHaveLength(1);
  });

  it('maps 301 to the right deployment without retrying', async () => {
    const { sumo, client } = setup();
    sumo.fault(() => true, {
      ...sumoError(301, 'moved', 'moved'),
      headers: { location: 'https://api.eu.sumologic.com/api/v1/search/jobs' },
    });
    await expect(client.createJob({ query: 'q', from: 1, to: 2 })).rejects.toMatchObject({
      kind: 'moved',
      movedTo: 'EU',
      message: 'Wrong deployment: this account lives in EU (api.eu.sumologic.com) — pick EU in settings.',
    });
    expect(sumo.requests).toHaveLength(1);
  });

  it('maps 401 and 403 without retrying and without leaking the key', async () => {
    const { sumo, client } = setup({ key: 'wrong-secret-key' });
    const error = (await client.createJob({ query: 'q', from: 1, to: 2 }).catch((e: unknown) => e)) as SumoError;
    expect(error.message).toBe('The Access ID/Key was refused — check them or create a new key.');
    expect(JSON.stringify({ m: error.message, s: String(error) })).not.toContain('wrong-secret-key');
    expect(sumo.requests).toHaveLength(1);
    sumo.fault(() => true, sumoError(403, 'forbidden'));
    await expect(client.getStatus('JOB1')).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('reports an unreachable host, retrying reads but never create', async () => {
    let calls = 0;
    const failing: FetchLike = async () => {
      calls++;
      throw new TypeError('fetch failed');
    };
    const { client } = setup({ fetch: failing });
    await expect(client.createJob({ query: 'q', from: 1, to: 2 })).rejects.toMatchObject({
      kind: 'network',
      message:
        'Could not reach api.sumologic.com — check the deployment/network (a browser also reports some refused answers this way).',
    });
    expect(calls).toBe(1);
    await expect(client.getStatus('JOB1')).rejects.toMatchObject({ kind: 'network' });
    expect(calls).toBe(4);
  });

  it('refuses a create answer without a usable job id', async () => {
    const { sumo, client } = setup();
    sumo.fault(isPost, { status: 202, body: { id: '../../evil' } });
    await expect(client.createJob({ query: 'q', from: 1, to: 2 })).rejects.toMatchObject({ kind: 'bad-response' });
  });

  it('passes the abort signal to fetch and the limiter', async () => {
    const { client } = setup();
    const controller = new AbortController();
    controller.abort();
    await expect(client.getStatus('JOB1', { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('SearchJobClient in a browser-like fetch', () => {
  it('reads an opaque redirect (redirect: manual in a browser) as a wrong deployment', async () => {
    const opaque = {
      type: 'opaqueredirect',
      status: 0,
      headers: new Headers(),
      text: async () => '',
    } as unknown as Response;
    const clock = new VirtualClock();
    const client = new SearchJobClient({
      apiBase: 'https://api.sumologic.com/api',
      accessId: 'a',
      accessKey: 'b',
      fetch: async () => opaque,
      clock,
    });
    await expect(client.createJob({ query: 'q', from: 1, to: 2 })).rejects.toMatchObject({
      kind: 'moved',
      message:
        'Wrong deployment: api.sumologic.com redirected the request to another SumoLogic deployment — press "Detect" in Settings to find yours (or paste the address you log in at).',
    });
  });
});
