import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startIngestServer } from '../../../demo/ingest/server.ts';
import type { IngestServer } from '../../../demo/ingest/server.ts';
import { SessionRegistry } from '../../../demo/ingest/sessions.ts';

const APP_ORIGIN = 'http://127.0.0.1:1';
let registry: SessionRegistry;
let ingest: IngestServer;

beforeEach(async () => {
  registry = new SessionRegistry();
  ingest = await startIngestServer(registry);
});
afterEach(async () => {
  await ingest.close();
});

async function start(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${ingest.ingestUrl}/v1/web/start`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: APP_ORIGIN },
    body: JSON.stringify({ projectKey: 'demo-project-key', trackerVersion: '19.0.1', timestamp: Date.now(), ...body }),
  });
}

describe('ingest stand-in over HTTP', () => {
  it('answers /v1/web/start with the fields the tracker validates', async () => {
    const res = await start({ token: undefined, userUUID: 'uuid-1' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const json = (await res.json()) as Record<string, unknown>;
    expect(typeof json.token).toBe('string');
    expect(json.userUUID).toBe('uuid-1');
    expect(typeof json.sessionID).toBe('string');
    expect(typeof json.delay).toBe('number');
    expect(typeof json.startTimestamp).toBe('number');
    expect(json.beaconSizeLimit).toBe(1_000_000);
    expect(json.canvasEnabled).toBe(false);
    expect(json.projectID).toBe('1');
    expect(json.protocolVersion).toBe(1);
    expect(ingest.ingestUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ingest$/);
    expect(registry.list().map((s) => s.token)).toEqual([json.token]);
  });

  it('continues a session for its token, and starts a new one after /__ingest/force-new', async () => {
    const first = (await (await start({})).json()) as { token: string; sessionID: string };
    const again = (await (await start({ token: first.token })).json()) as { token: string; sessionID: string };
    expect(again.sessionID).toBe(first.sessionID);
    const forced = await fetch(new URL('/__ingest/force-new', ingest.origin), { method: 'POST' });
    expect(forced.status).toBe(200);
    const fresh = (await (await start({ token: first.token })).json()) as { token: string; sessionID: string };
    expect(fresh.sessionID).not.toBe(first.sessionID);
  });

  it('refuses a start without a project key', async () => {
    const res = await start({ projectKey: '' });
    expect(res.status).toBe(400);
  });

  it('accepts batches with a token it issued and answers 401 to anything else', async () => {
    const { token } = (await (await start({})).json()) as { token: string };
    const batch = (auth: string): Promise<Response> =>
      fetch(`${ingest.ingestUrl}/v1/web/i?batch=0_1_3_kyes`, {
        method: 'POST',
        headers: { Authorization: auth, DataType: 'player' },
        body: new Uint8Array([81, 1, 2]),
      });
    expect((await batch(`Bearer ${token}`)).status).toBe(200);
    // The signature's last character changed to one it cannot already be.
    const forged = `${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`;
    expect((await batch(`Bearer ${forged}`)).status).toBe(401);
    expect((await batch('')).status).toBe(401);
    expect(registry.list()[0]?.batches).toBe(1);
  });

  it('answers the other calls the tracker makes', async () => {
    const { token } = (await (await start({})).json()) as { token: string };
    const tags = await fetch(`${ingest.ingestUrl}/v1/web/tags`, { headers: { Authorization: `Bearer ${token}` } });
    expect(await tags.json()).toEqual({ tags: [] });
    const conditions = await fetch(`${ingest.ingestUrl}/v1/web/conditions/1`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(await conditions.json()).toEqual({ conditions: [] });
  });

  it('answers CORS preflights with the headers the tracker and its worker send', async () => {
    const res = await fetch(`${ingest.ingestUrl}/v1/web/i`, {
      method: 'OPTIONS',
      headers: {
        Origin: APP_ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,datatype,content-encoding',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,datatype,content-encoding');
  });

  it('serves a replay stand-in where getSessionURL points', async () => {
    const res = await fetch(`${ingest.origin}/1/session/2618307011354435587`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('2618307011354435587');
  });
});
