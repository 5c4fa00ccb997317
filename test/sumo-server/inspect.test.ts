import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SumoServer } from '../../sumo-server/index.ts';
import { search, startFastServer, TestClient } from './client.ts';

let server: SumoServer;
beforeAll(async () => {
  server = await startFastServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
});

async function stats(): Promise<Record<string, unknown>> {
  const res = await fetch(`${server.url}/__sumo/stats`);
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  return (await res.json()) as Record<string, unknown>;
}

describe('inspection endpoint', () => {
  it('shows a client that deleted its job as having leaked nothing', async () => {
    server.ingest('ERROR inspect me');
    const client = new TestClient(server.url);
    const id = await client.createId(search('error'));
    expect(await stats()).toMatchObject({
      liveJobs: 1,
      jobsCreated: 1,
      jobs: [expect.objectContaining({ id, query: 'error' })],
    });
    await client.pollUntilDone(id);
    await client.delete(id);
    expect(await stats()).toMatchObject({
      liveJobs: 0,
      jobs: [],
      jobsCreated: 1,
      jobsDeleted: 1,
      requests: 3,
      requestsByCall: { create: 1, status: 1, delete: 1 },
      responsesByStatus: { '202': 1, '200': 2 },
      messagesStored: 1,
      inFlight: 0,
    });
  });

  it('resets counters with reset-stats but keeps live jobs', async () => {
    const client = new TestClient(server.url);
    await client.createId(search('x'));
    const res = await fetch(`${server.url}/__sumo/reset-stats`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await stats()).toMatchObject({
      liveJobs: 1,
      jobsCreated: 0,
      requests: 0,
      maxRequestsPerSecond: 0,
      maxConcurrent: 0,
    });
  });

  it('lists stored messages newest first, with a limit, and clears them', async () => {
    server.ingest([
      { raw: 'old', messageTime: 1 },
      { raw: 'new', messageTime: 2 },
    ]);
    const listed = (await (await fetch(`${server.url}/__sumo/messages?limit=1`)).json()) as {
      count: number;
      messages: Array<Record<string, string>>;
    };
    expect(listed.count).toBe(2);
    expect(listed.messages.map((m) => m._raw)).toEqual(['new']);
    expect((await fetch(`${server.url}/__sumo/messages`, { method: 'DELETE' })).status).toBe(200);
    expect((await stats()).messagesStored).toBe(0);
  });

  it('reset drops messages, jobs and faults', async () => {
    server.ingest('x');
    server.setFaults({ type: 'unauthorized' });
    const res = await fetch(`${server.url}/__sumo/reset`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await stats()).toMatchObject({ messagesStored: 0, liveJobs: 0 });
    expect(server.faults()).toEqual([]);
  });

  it('answers a browser preflight for the fault endpoint, and 404 for unknown endpoints', async () => {
    const pre = await fetch(`${server.url}/__sumo/faults`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect((await fetch(`${server.url}/__sumo/nothing`)).status).toBe(404);
  });

  it('lists recent /api requests with whether they carried the session cookie', async () => {
    const client = new TestClient(server.url);
    const id = await client.createId(search('x'));
    await new TestClient(server.url, { keepCookies: false }).status(id);
    await client.status(id);
    const { requests } = (await (await fetch(`${server.url}/__sumo/requests`)).json()) as {
      requests: Array<{ call: string; status: number; hadSessionCookie: boolean; accessId: string }>;
    };
    expect(requests.map((r) => [r.call, r.status, r.hadSessionCookie])).toEqual([
      ['create', 202, false],
      ['status', 404, false],
      ['status', 200, true],
    ]);
    expect(requests[0]?.accessId).toBe('demo-access-id');
  });

  it('lists live jobs and appends faults on request', async () => {
    const client = new TestClient(server.url);
    const id = await client.createId(search('x'));
    const { jobs } = (await (await fetch(`${server.url}/__sumo/jobs`)).json()) as {
      jobs: Array<{ id: string; accessId: string }>;
    };
    expect(jobs.map((j) => [j.id, j.accessId])).toEqual([[id, 'demo-access-id']]);
    server.setFaults({ type: 'delay', ms: 1 });
    const res = await fetch(`${server.url}/__sumo/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ faults: [{ type: 'camelCase' }], append: true }),
    });
    const body = (await res.json()) as { faults: Array<{ spec: { type: string } }> };
    expect(body.faults.map((f) => f.spec.type)).toEqual(['delay', 'camelCase']);
  });

  it('serves a short help text at /', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('/api/v1/search/jobs');
  });
});
