import { afterEach, describe, expect, it } from 'vitest';
import { startSumoServer, type SumoServer } from '../../sumo-server/index.ts';
import { basicAuth, search, sleep, startFastServer, TestClient } from './client.ts';

let server: SumoServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const UNKNOWN = '/api/v1/search/jobs/0123456789ABCDEF';

describe('4 requests per second per access id', () => {
  it('answers the fifth request inside one second with 429 rate.limit.exceeded', async () => {
    const clock = { t: 1_000_000 };
    server = await startSumoServer({ now: () => clock.t });
    const client = new TestClient(server.url);
    const answers = await Promise.all(Array.from({ length: 5 }, () => client.request('GET', UNKNOWN)));
    expect(answers.map((a) => a.status).sort()).toEqual([404, 404, 404, 404, 429]);
    const limited = answers.find((a) => a.status === 429);
    expect(limited?.json).toMatchObject({ status: 429, code: 'rate.limit.exceeded' });
    expect(server.stats()).toMatchObject({ maxRequestsPerSecond: 5, rateLimited: 1 });
  });

  it('measures a sliding 1000 ms window and lets a client that waits back in', async () => {
    const clock = { t: 1_000_000 };
    server = await startSumoServer({ now: () => clock.t });
    const client = new TestClient(server.url);
    const statusAt = async (t: number): Promise<number> => {
      clock.t = 1_000_000 + t;
      return (await client.request('GET', UNKNOWN)).status;
    };
    expect([await statusAt(0), await statusAt(300), await statusAt(600), await statusAt(900)]).toEqual([
      404, 404, 404, 404,
    ]);
    expect(await statusAt(999)).toBe(429); // five inside (−1, 999]
    expect(await statusAt(1000)).toBe(404); // the request at 0 left the window; the refused one never used a slot
    expect(await statusAt(1100)).toBe(429);
    expect(server.stats().maxRequestsPerSecond).toBe(6);
  });

  it('proves a client that paces itself at 4/s never exceeded 4 in any window', async () => {
    const clock = { t: 1_000_000 };
    server = await startSumoServer({ now: () => clock.t });
    const client = new TestClient(server.url);
    for (let i = 0; i < 12; i++) {
      clock.t = 1_000_000 + i * 250;
      expect((await client.request('GET', UNKNOWN)).status).toBe(404);
    }
    expect(server.stats()).toMatchObject({ requests: 12, maxRequestsPerSecond: 4, rateLimited: 0 });
  });

  it('limits each access id on its own', async () => {
    const clock = { t: 1_000_000 };
    server = await startSumoServer({
      now: () => clock.t,
      credentials: [
        { accessId: 'a', accessKey: 'ka' },
        { accessId: 'b', accessKey: 'kb' },
      ],
    });
    const a = new TestClient(server.url, { accessId: 'a', accessKey: 'ka' });
    const b = new TestClient(server.url, { accessId: 'b', accessKey: 'kb' });
    for (let i = 0; i < 4; i++) await a.request('GET', UNKNOWN);
    expect((await a.request('GET', UNKNOWN)).status).toBe(429);
    expect((await b.request('GET', UNKNOWN)).status).toBe(404);
    expect(server.stats().byAccessId.b?.maxRequestsPerSecond).toBe(1);
    expect(server.stats().maxRequestsPerSecondAllKeys).toBe(6);
  });
});

describe('10 requests in flight per key', () => {
  it('answers the eleventh concurrent request with 429 and records the peak concurrency', async () => {
    server = await startFastServer({ faults: [{ type: 'hang', on: ['status'], times: 10 }] });
    const aborts = Array.from({ length: 10 }, () => new AbortController());
    const hung = aborts.map((ac) =>
      fetch(`${server?.url}${UNKNOWN}`, {
        headers: { Authorization: basicAuth('demo-access-id', 'demo-access-key') },
        signal: ac.signal,
      }).catch((err: unknown) => err),
    );
    while (server.stats().inFlight < 10) await sleep(5);
    const eleventh = await new TestClient(server.url).request('GET', UNKNOWN);
    expect(eleventh.status).toBe(429);
    expect(eleventh.json.code).toBe('rate.limit.exceeded');
    for (const ac of aborts) ac.abort();
    await Promise.all(hung);
    while (server.stats().inFlight > 0) await sleep(5);
    expect(server.stats()).toMatchObject({ maxConcurrent: 11, inFlight: 0, rateLimited: 1 });
    expect((await new TestClient(server.url).request('GET', UNKNOWN)).status).toBe(404);
  });
});

describe('200 live jobs', () => {
  it('refuses the 201st live job with 429 until one is deleted', async () => {
    server = await startFastServer();
    const client = new TestClient(server.url);
    // The first call opens the session; parallel calls before it would each get a session of their own.
    const ids: string[] = [await client.createId(search('x'))];
    while (ids.length < 200) {
      ids.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(10, 200 - ids.length) }, () => client.createId(search('x'))),
        )),
      );
    }
    expect(server.stats().liveJobs).toBe(200);
    const refused = await client.create(search('x'));
    expect(refused.status).toBe(429);
    expect(refused.json.code).toBe('rate.limit.exceeded');
    expect(String(refused.json.message)).toMatch(/200/);
    expect((await client.delete(ids[0] ?? '')).status).toBe(200);
    expect((await client.create(search('x'))).status).toBe(202);
  });
});
