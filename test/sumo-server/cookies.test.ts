import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SumoServer } from '../../sumo-server/index.ts';
import { search, startFastServer, TestClient } from './client.ts';

let server: SumoServer;
beforeAll(async () => {
  server = await startFastServer({
    credentials: [
      { accessId: 'a', accessKey: 'ka' },
      { accessId: 'b', accessKey: 'kb' },
    ],
  });
  server.ingest('ERROR with cookies');
});
afterAll(() => server.close());

describe('session cookies', () => {
  it('a client that keeps cookies can poll, page and delete its job', async () => {
    const browser = new TestClient(server.url, { accessId: 'a', accessKey: 'ka' });
    const id = await browser.createId(search('error'));
    expect(browser.jar?.get('JSESSIONID')).toBeDefined();
    expect((await browser.pollUntilDone(id)).last.messageCount).toBe(1);
    expect((await browser.messages(id, 0, 10)).status).toBe(200);
    expect((await browser.delete(id)).status).toBe(200);
  });

  it('a client that drops cookies gets 404 jobid.invalid or 500, in turn, on status, paging and delete', async () => {
    const owner = new TestClient(server.url, { accessId: 'a', accessKey: 'ka' });
    const id = await owner.createId(search('error'));
    const forgetful = new TestClient(server.url, { accessId: 'a', accessKey: 'ka', keepCookies: false });
    for (const res of [
      await forgetful.status(id),
      await forgetful.messages(id, 0, 10),
      await forgetful.records(id, 0, 10),
      await forgetful.delete(id),
    ]) {
      expect([
        [404, 'searchjob.jobid.invalid'],
        [500, 'internal.error'],
      ]).toContainEqual([res.status, res.json.code]);
    }
    // The job is still there for its owner.
    expect((await owner.status(id)).status).toBe(200);
    expect((await owner.delete(id)).status).toBe(200);
  });

  it('the same access id in another session cannot see the job, nor can another access id with the cookie', async () => {
    const owner = new TestClient(server.url, { accessId: 'a', accessKey: 'ka' });
    const id = await owner.createId(search('error'));
    const otherTab = new TestClient(server.url, { accessId: 'a', accessKey: 'ka' });
    await otherTab.create(search('x'));
    expect([404, 500]).toContain((await otherTab.status(id)).status);
    const session = owner.jar?.get('JSESSIONID') ?? '';
    const thief = new TestClient(server.url, { accessId: 'b', accessKey: 'kb', keepCookies: false });
    expect([404, 500]).toContain((await thief.status(id, { Cookie: `JSESSIONID=${session}` })).status);
    expect((await owner.delete(id)).status).toBe(200);
  });

  it('keeps the JSESSIONID across calls and rotates AWSALB on every answer', async () => {
    const client = new TestClient(server.url, { accessId: 'a', accessKey: 'ka' });
    const created = await client.create(search('error'));
    const session = client.jar?.get('JSESSIONID');
    const alb = client.jar?.get('AWSALB');
    const polled = await client.status(String(created.json.id));
    expect(polled.headers.getSetCookie().some((c) => c.startsWith('JSESSIONID='))).toBe(false);
    expect(polled.headers.getSetCookie().some((c) => c.startsWith('AWSALB='))).toBe(true);
    expect(client.jar?.get('JSESSIONID')).toBe(session);
    expect(client.jar?.get('AWSALB')).not.toBe(alb);
    await client.delete(String(created.json.id));
  });

  it('only sends the JSESSIONID back under /api (its Path), AWSALB everywhere', async () => {
    const client = new TestClient(server.url, { accessId: 'a', accessKey: 'ka' });
    const created = await client.create(search('error'));
    expect(client.jar?.headerFor('/api/v1/search/jobs')).toMatch(/JSESSIONID=.*AWSALB=|AWSALB=.*JSESSIONID=/);
    expect(client.jar?.headerFor('/__sumo/stats')).toMatch(/^AWSALB=[\w-]+$/);
    await client.delete(String(created.json.id));
  });
});
