import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSumoServer } from '../../../sumo-server/index.ts';
import type { SumoServer } from '../../../sumo-server/index.ts';
import { startDemoWorld } from '../../../demo/world.ts';
import type { DemoWorld } from '../../../demo/world.ts';
import { eventually } from './helpers.ts';
import { flakeStartMs } from '../../../src/core/session/session-id.ts';
import { CUSTOMER_SESSION_AGE_MS } from '../../../demo/customer-session.ts';

let sumo: SumoServer;
let world: DemoWorld;

beforeAll(async () => {
  sumo = await startSumoServer();
  world = await startDemoWorld({ sumoReceiverUrl: sumo.receiverUrl, log: () => undefined });
}, 60_000);
afterAll(async () => {
  await world.close();
  await sumo.close();
});

describe('startDemoWorld', () => {
  it('listens on loopback ports and serves the built app with its runtime config', async () => {
    expect(world.appUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(world.ingestUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ingest$/);
    expect(world.strictOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(world.openOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(
      new Set([world.appUrl, world.ingestUrl, world.strictOrigin, world.openOrigin].map((u) => new URL(u).port)).size,
    ).toBe(4);
    const html = await (await fetch(world.appUrl)).text();
    const config = JSON.parse(
      /<script id="demo-config" type="application\/json">(.*?)<\/script>/.exec(html)?.[1] ?? 'null',
    ) as Record<string, string>;
    expect(config).toEqual({
      ingestUrl: world.ingestUrl,
      strictOrigin: world.strictOrigin,
      openOrigin: world.openOrigin,
      projectKey: 'demo-project-key',
    });
    const script = /<script type="module" crossorigin src="(\/assets\/index-[^"]+\.js)">/.exec(html)?.[1];
    expect(script).toBeDefined();
    const js = await fetch(new URL(script ?? '', world.appUrl));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const page of ['snippet', 'iframe', 'iframe-inner', 'network-only', 'no-tracker', 'hostile']) {
      expect((await fetch(new URL(`/${page}.html`, world.appUrl))).status).toBe(200);
    }
  });

  it('puts a token the ingest issued into /storage-only.html, in the chosen format', async () => {
    const html = await (await fetch(new URL('/storage-only.html?format=dollar', world.appUrl))).text();
    const config = JSON.parse(/type="application\/json">(.*?)<\/script>/.exec(html)?.[1] ?? 'null') as {
      storage: { token: string; version: string; format: string };
    };
    const [token, project] = config.storage.token.split('_$_');
    expect(project).toBe('demo-project-key');
    expect(config.storage.version).toBe('2x19.0.1');
    expect(world.sessions().map((s) => s.token)).toContain(token);
  });

  it('continues a session until forceNewSession(), through the real ingest URL', async () => {
    const start = async (token?: string): Promise<{ token: string; sessionID: string }> =>
      (await (
        await fetch(`${world.ingestUrl}/v1/web/start`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ projectKey: 'demo-project-key', token, timestamp: Date.now() }),
        })
      ).json()) as { token: string; sessionID: string };
    const first = await start();
    expect((await start(first.token)).sessionID).toBe(first.sessionID);
    await world.forceNewSession();
    const second = await start(first.token);
    expect(second.sessionID).not.toBe(first.sessionID);
    const listed = world.sessions().find((s) => s.token === second.token);
    expect(listed?.sessionId).toBe(second.sessionID);
  });

  it('ships the checkout stack trace to the SumoLogic server as one message timed by its timestamp', async () => {
    const token = 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
    const res = await fetch(new URL('/api/checkout', world.appUrl), {
      method: 'POST',
      headers: { 'X-OpenReplay-SessionToken': token },
    });
    expect(res.status).toBe(500);
    const logged = await eventually(
      () => world.logs().find((l) => l.includes('POST /api/checkout failed')),
      'checkout error',
    );
    // The sumo server's store fills over HTTP: poll its inspection endpoint.
    let match: Record<string, string> | undefined;
    for (let i = 0; i < 200 && !match; i++) {
      const body = (await (await fetch(`${sumo.url}/__sumo/messages`)).json()) as {
        messages: Array<Record<string, string>>;
      };
      match = body.messages.find((m) => m._raw === logged);
      if (!match) await new Promise((r) => setTimeout(r, 20));
    }
    expect(match).toBeDefined();
    expect(match?._sourcecategory).toBe('demo/backend');
    expect(match?._sourcename).toBe('backend.log');
    expect(Number(match?._messagetime)).toBe(Date.parse(logged.slice(0, 24)));
    expect(logged.split('\n').length).toBeGreaterThan(3);
  });
});

describe('close()', () => {
  it('stops every server', async () => {
    const other = await startDemoWorld({ log: () => undefined });
    await other.close();
    for (const url of [other.appUrl, `${other.ingestUrl}/v1/web/tags`, other.strictOrigin, other.openOrigin]) {
      await expect(fetch(url)).rejects.toThrow();
    }
  });
});

describe('the customer session from yesterday', () => {
  it('has a flakeid that decodes to its start, a replay URL on the ingest host, and lines in SumoLogic stamped yesterday, tagged with the token only', async () => {
    const c = world.customerSession;
    expect(flakeStartMs(BigInt(c.sessionId))).toBe(c.startTimestamp);
    expect(Date.now() - c.startTimestamp).toBeGreaterThanOrEqual(CUSTOMER_SESSION_AGE_MS);
    expect(c.sessionUrl).toBe(`${new URL(world.ingestUrl).origin}/1/session/${c.sessionId}`);
    expect((await fetch(c.sessionUrl)).status).toBe(200);
    let stored: Array<Record<string, string>> = [];
    for (let i = 0; i < 200 && stored.length < 5; i++) {
      const body = (await (await fetch(`${sumo.url}/__sumo/messages?limit=1000`)).json()) as {
        messages: Array<Record<string, string>>;
      };
      stored = body.messages.filter((m) => (m._raw ?? '').includes(c.token));
      if (stored.length < 5) await new Promise((r) => setTimeout(r, 20));
    }
    expect(stored).toHaveLength(5);
    for (const m of stored) {
      const time = Number(m._messagetime);
      expect(time).toBeGreaterThanOrEqual(c.startTimestamp);
      expect(time).toBeLessThan(c.startTimestamp + 5 * 60_000);
      expect(m._raw).toContain(`[openReplaySessionToken=${c.token}] `);
      expect(m._raw).not.toContain(c.sessionId);
    }
  });
});
