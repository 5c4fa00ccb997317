import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogSink } from '../../../demo/backend/log-sink.ts';
import { startPartnerServer } from '../../../demo/backend/partner.ts';
import type { PartnerServer } from '../../../demo/backend/partner.ts';
import { eventually, TS } from './helpers.ts';

const APP = 'http://127.0.0.1:4100';
const sink = createLogSink({ log: () => undefined });
let strict: PartnerServer;
let open: PartnerServer;

beforeAll(async () => {
  strict = await startPartnerServer('strict', () => APP, sink);
  open = await startPartnerServer('open', () => APP, sink);
});
afterAll(async () => {
  await Promise.all([strict.close(), open.close()]);
});

function preflight(origin: string, path: string, from = APP): Promise<Response> {
  return fetch(`${origin}${path}`, {
    method: 'OPTIONS',
    headers: {
      Origin: from,
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'x-openreplay-sessiontoken',
    },
  });
}

describe('partner origins', () => {
  it('strict partner: preflight allows only content-type, so a browser blocks the token header', async () => {
    const res = await preflight(strict.origin, '/partner/quote');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it('open partner: preflight lists the token header', async () => {
    const res = await preflight(open.origin, '/partner/rates');
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-headers')).toBe('x-openreplay-sessiontoken, content-type');
  });

  it('grants no origin but the demo app', async () => {
    const res = await preflight(open.origin, '/partner/rates', 'http://evil.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers the open call with CORS headers and logs it tagged under its own source', async () => {
    const res = await fetch(`${open.origin}/partner/rates`, {
      headers: { Origin: APP, 'X-OpenReplay-SessionToken': 'abc.1.2.XYZ' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    const line = await eventually(() => sink.lines().find((l) => l.includes('GET /partner/rates')), 'rates line');
    expect(line).toMatch(
      new RegExp(`^${TS} INFO \\[openReplaySessionToken=abc\\.1\\.2\\.XYZ\\] GET /partner/rates 200 \\d+ms$`),
    );
  });
});
