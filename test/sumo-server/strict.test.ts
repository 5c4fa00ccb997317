// The strict defaults, each against what the real service does (docs/sumo-server.md names the source).
import { afterEach, describe, expect, it } from 'vitest';
import { startSumoServer, type SumoServer, type SumoServerOptions } from '../../sumo-server/index.ts';
import { search, TestClient } from './client.ts';

let server: SumoServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(opts: SumoServerOptions = {}): Promise<SumoServer> {
  server = await startSumoServer({
    jobStartDelayMs: 0,
    gatherMessagesPerSecond: Infinity,
    requestsPerSecond: 10_000,
    ...opts,
  });
  server.ingest([
    'ERROR one [openReplaySessionToken=t]',
    'ERROR two [openReplaySessionToken=t]',
    'ERROR three [openReplaySessionToken=t]',
  ]);
  return server;
}

const anonymous = async (url: string): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await fetch(url, { redirect: 'manual' });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('strict by default', () => {
  it('redirects only authenticated calls, with the real 301 body naming no host', async () => {
    const s = await start({ deployments: { home: 'EU', others: ['US1'] } });
    const wrong = s.deploymentUrls['US1'] ?? '';
    const res = await new TestClient(wrong).status('0000000000000000');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('https://api.eu.sumologic.com/api/v1/search/jobs/0000000000000000');
    expect(res.json).toMatchObject({
      status: 301,
      code: 'moved',
      message: 'The requested resource SHOULD be accessed through returned URI in Location Header.',
    });
    expect(await anonymous(`${wrong}/api/v1/search/jobs/0000000000000000`)).toMatchObject({
      status: 401,
      body: { code: 'unauthorized', message: 'Full authentication is required to access this resource' },
    });
    expect((await new TestClient(wrong, { accessKey: 'nope-nope' }).status('0000000000000000')).status).toBe(401);
    // The home answers like the right deployment.
    expect((await new TestClient(s.url).status('0000000000000000')).json.code).toBe('searchjob.jobid.invalid');
    expect(Object.keys(s.deploymentUrls).sort()).toEqual(['EU', 'US1']);
  });

  it('answers a follow-up call without the job cookie with 404 and 500 in turn', async () => {
    const s = await start();
    const id = await new TestClient(s.url).createId(search('error'));
    const lost = new TestClient(s.url, { keepCookies: false });
    const answers = [
      await lost.status(id),
      await lost.status(id),
      await lost.messages(id, 0, 1),
      await lost.delete(id),
    ];
    expect(answers.map((a) => [a.status, a.json.code])).toEqual([
      [404, 'searchjob.jobid.invalid'],
      [500, 'internal.error'],
      [404, 'searchjob.jobid.invalid'],
      [500, 'internal.error'],
    ]);
  });

  it('gives each cookie-less create its own session; a jar keeping only the last loses the first job', async () => {
    const s = await start();
    const a = new TestClient(s.url);
    const b = new TestClient(s.url);
    const [ida, idb] = await Promise.all([a.createId(search('error')), b.createId(search('error'))]);
    expect(a.jar?.get('JSESSIONID')).not.toBe(b.jar?.get('JSESSIONID'));
    // b's jar now stands for the browser's one jar: a's job is out of reach.
    expect((await b.status(idb)).status).toBe(200);
    expect([404, 500]).toContain((await b.status(ida)).status);
  });

  it('throttles authentication for calls without a live session cookie: sporadic 401 for a valid key', async () => {
    const s = await start({ strict: { authThrottleFreeCalls: 3 } });
    const noJar = new TestClient(s.url, { keepCookies: false });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await noJar.status('0000000000000000')).status);
    expect(statuses).toEqual([404, 404, 404, 401, 404, 401, 404]);
    // With the cookie no throttle applies.
    const browser = new TestClient(s.url);
    await browser.status('0000000000000000');
    for (let i = 0; i < 5; i++) expect((await browser.status('0000000000000000')).status).toBe(404);
  });

  it('answers paging of a lost job with 400 jobid.invalid, its status with 404', async () => {
    const s = await start();
    const c = new TestClient(s.url);
    expect([
      (await c.messages('0123456789ABCDEF', 0, 10)).status,
      (await c.records('0123456789ABCDEF', 0, 10)).status,
    ]).toEqual([400, 400]);
    expect((await c.messages('0123456789ABCDEF', 0, 10)).json.code).toBe('searchjob.jobid.invalid');
    expect((await c.status('0123456789ABCDEF')).status).toBe(404);
  });

  it('adds warning fields, mixes key casing as the docs sample, and caps pages by bytes', async () => {
    const s = await start({ strict: { maxPageBytes: 60 } });
    const c = new TestClient(s.url);
    const id = await c.createId(search('error', { requiresRawMessages: true }));
    const { last } = await c.pollUntilDone(id);
    expect(last.warning).toBe('');
    const page = await c.messages(id, 0, 3);
    expect(page.json.warning).toBe('');
    const messages = page.json.messages as Array<{ map: Record<string, string> }>;
    expect(messages).toHaveLength(1); // each message is ~36 bytes: one fits under 60
    expect(Object.keys(messages[0]?.map ?? {})).toEqual(
      expect.arrayContaining(['_messagetime', '_sourceCategory', '_sourceHost', '_raw']),
    );
  });

  it('sends the load balancer HTML for 502, 503 and 504', async () => {
    const s = await start();
    for (const status of [502, 503, 504]) {
      const res = await fetch(`${s.url}/api/v1/search/jobs/0000000000000000`, {
        headers: {
          Authorization: `Basic ${Buffer.from('demo-access-id:demo-access-key').toString('base64')}`,
          'X-Sumo-Fault': `serverError;status=${status}`,
        },
      });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toBe('text/html');
      expect(await res.text()).toMatch(new RegExp(`^<html>\\r\\n<head><title>${status} `));
    }
  });

  it('worst case: no _raw for a job created without requiresRawMessages: true', async () => {
    const s = await start({ strict: { rawOnlyWhenRequested: true } });
    const c = new TestClient(s.url);
    const without = await c.createId(search('error'));
    const withRaw = await c.createId(search('error', { requiresRawMessages: true }));
    const maps = async (id: string) =>
      ((await c.messages(id, 0, 10)).json.messages as Array<{ map: Record<string, string> }>).map((m) => m.map);
    await c.pollUntilDone(without);
    await c.pollUntilDone(withRaw);
    expect((await maps(without)).every((m) => !('_raw' in m))).toBe(true);
    expect((await maps(withRaw)).map((m) => m['_raw'])).toHaveLength(3);
    expect((await c.create(search('error', { requiresRawMessages: 'yes' }))).json.code).toBe('searchjob.generic');
  });

  it('turns everything off with strict: "lenient"', async () => {
    const s = await start({ strict: 'lenient' });
    const c = new TestClient(s.url);
    const id = await c.createId(search('error'));
    const { last, polls } = await c.pollUntilDone(id);
    expect(polls.map((p) => p.state)).not.toContain('GATHERING RESULTS FROM SUBQUERIES');
    expect(last).not.toHaveProperty('warning');
    expect((await c.messages('0123456789ABCDEF', 0, 1)).status).toBe(404);
    const maps = (await c.messages(id, 0, 10)).json.messages as Array<{ map: Record<string, string> }>;
    expect(Object.keys(maps[0]?.map ?? {})).toContain('_sourcecategory');
  });
});
