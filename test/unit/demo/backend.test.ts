import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLogLine, tokenTag } from '../../../demo/backend/log-format.ts';
import { injectConfig } from '../../../demo/backend/static-files.ts';
import { createLogSink } from '../../../demo/backend/log-sink.ts';
import type { LogSink } from '../../../demo/backend/log-sink.ts';
import { startBackendServer } from '../../../demo/backend/server.ts';
import type { BackendServer } from '../../../demo/backend/server.ts';
import { eventually, TS } from './helpers.ts';

const TOKEN = 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
const NEGATIVE = 'jw4wdfpgqhoj.-3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
let dist: string;
let sink: LogSink;
let backend: BackendServer;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'demo-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(join(dist, 'storage-only.html'), '<html><head></head></html>');
  writeFileSync(join(dist, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  sink = createLogSink({ log: () => undefined });
  backend = await startBackendServer({
    sink,
    distDir: dist,
    appReady: () => Promise.resolve(),
    pageConfig: () => ({
      ingestUrl: 'http://127.0.0.1:9/ingest',
      strictOrigin: 'http://s',
      openOrigin: 'http://o',
      projectKey: 'demo-project-key',
    }),
    storagePreset: (format) => ({ format, token: `T_${format}`, version: '2' }),
  });
});
afterAll(async () => {
  await backend.close();
  rmSync(dist, { recursive: true, force: true });
});

function call(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('X-OpenReplay-SessionToken', init.token);
  return fetch(`${backend.origin}${path}`, { ...init, headers });
}

/** The log messages that mention `needle`, once the request line for it has been written. */
async function linesFor(needle: string, count: number): Promise<string[]> {
  return eventually(() => {
    const found = sink.lines().filter((l) => l.includes(needle));
    return found.length >= count ? found : undefined;
  }, `${count} line(s) with ${needle}`);
}

describe('log line format', () => {
  it('puts timestamp, level, then the exact seed-document tag', () => {
    const line = formatLogLine({
      time: new Date('2026-11-26T13:09:10.333Z'),
      level: 'INFO',
      token: TOKEN,
      text: 'GET /api/users/42 200 3ms',
    });
    expect(line).toBe(`2026-11-26T13:09:10.333Z INFO [openReplaySessionToken=${TOKEN}] GET /api/users/42 200 3ms`);
    expect(tokenTag(NEGATIVE)).toBe(`[openReplaySessionToken=${NEGATIVE}] `);
    expect(formatLogLine({ time: new Date('2026-11-26T13:09:10.333Z'), level: 'WARN', text: 'x' })).toBe(
      '2026-11-26T13:09:10.333Z WARN x',
    );
  });
});

describe('config injection', () => {
  it('cannot be closed early by a value holding </script>', () => {
    const html = injectConfig('<head></head>', {
      ingestUrl: '</script><script>alert(1)</script>',
      strictOrigin: '',
      openOrigin: '',
      projectKey: 'k',
    });
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const json = /type="application\/json">(.*)<\/script>/.exec(html)?.[1] ?? '';
    expect((JSON.parse(json) as { ingestUrl: string }).ingestUrl).toBe('</script><script>alert(1)</script>');
  });
});

describe('demo backend', () => {
  it('tags the request line of a request that carried the header', async () => {
    const res = await call('/api/users/42', { token: NEGATIVE });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 42, name: 'Ada Lovelace', plan: 'pro' });
    const [line] = await linesFor('GET /api/users/42 ', 1);
    expect(line).toMatch(
      new RegExp(
        `^${TS} INFO \\[openReplaySessionToken=${NEGATIVE.replace(/\./g, '\\.')}\\] GET /api/users/42 200 \\d+ms$`,
      ),
    );
  });

  it('writes an untagged request line when the header is absent', async () => {
    await call('/api/health');
    const [line] = await linesFor('GET /api/health ', 1);
    expect(line).toMatch(new RegExp(`^${TS} INFO GET /api/health 200 \\d+ms$`));
  });

  it('logs the checkout failure as one tagged message holding the whole Node stack trace', async () => {
    const res = await call('/api/checkout', { method: 'POST', token: TOKEN, body: '{}' });
    expect(res.status).toBe(500);
    const [error, request] = await linesFor('/api/checkout', 2);
    const lines = (error ?? '').split('\n');
    expect(lines[0]).toMatch(
      new RegExp(
        `^${TS} ERROR \\[openReplaySessionToken=${TOKEN.replace(/\./g, '\\.')}\\] POST /api/checkout failed: PaymentDeclinedError: Payment gateway declined card ending 4242`,
      ),
    );
    const frames = lines.slice(1);
    expect(frames.length).toBeGreaterThanOrEqual(3);
    expect(frames.every((f) => f.startsWith('    at '))).toBe(true);
    expect(frames.slice(0, 3).map((f) => f.split(' (')[0])).toEqual([
      '    at authorize',
      '    at chargeCard',
      '    at placeCheckout',
    ]);
    expect(request).toMatch(
      new RegExp(`^${TS} ERROR \\[openReplaySessionToken=\\S+\\] POST /api/checkout 500 \\d+ms$`),
    );
  });

  it('logs a Python traceback as one message with the tag in the first line and the exception line', async () => {
    const res = await call('/api/orders?fail=py', { method: 'POST', token: TOKEN, body: '{"items":[]}' });
    expect(res.status).toBe(500);
    const [trace] = await linesFor('Traceback', 1);
    const lines = (trace ?? '').split('\n');
    expect(lines[0]).toMatch(
      new RegExp(
        `^${TS} ERROR \\[openReplaySessionToken=${TOKEN.replace(/\./g, '\\.')}\\] Unhandled exception in POST /api/orders$`,
      ),
    );
    expect(lines[1]).toBe('Traceback (most recent call last):');
    expect(lines.at(-1)).toMatch(
      new RegExp(`^ValueError: \\[openReplaySessionToken=${TOKEN.replace(/\./g, '\\.')}\\] quantity must be positive`),
    );
  });

  it('leaves the tag off every line of the legacy endpoint although the request carried it', async () => {
    const res = await call('/api/legacy/report', { token: TOKEN });
    expect(res.status).toBe(200);
    const lines = await linesFor('legacy', 2);
    expect(lines.map((l) => l.replace(/^\S+ /, ''))).toEqual([
      'INFO legacy report generated from the nightly snapshot (rows=1284)',
      expect.stringMatching(/^INFO GET \/api\/legacy\/report 200 \d+ms$/),
    ]);
  });

  it('serves pages with the runtime config as inert JSON, and other files as they are', async () => {
    const html = await (await call('/')).text();
    const match = /<script id="demo-config" type="application\/json">(.*?)<\/script>\n<\/head>/.exec(html);
    expect(JSON.parse(match?.[1] ?? 'null')).toEqual({
      ingestUrl: 'http://127.0.0.1:9/ingest',
      strictOrigin: 'http://s',
      openOrigin: 'http://o',
      projectKey: 'demo-project-key',
    });
    const storage = await (await call('/storage-only.html?format=amp')).text();
    expect(storage).toContain('"storage":{"format":"amp","token":"T_amp","version":"2"}');
    const logo = await call('/logo.svg');
    expect(logo.headers.get('content-type')).toBe('image/svg+xml');
    expect((await call('/../package.json')).status).toBe(404);
    expect((await call('/%2e%2e/package.json')).status).toBe(404);
  });
});
