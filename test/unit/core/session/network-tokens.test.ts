import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INGEST,
  extractNetworkToken,
  isTrackerIngestUrl,
  matchTrackerIngestUrl,
} from '../../../../src/core/session/network-tokens.ts';
import { decodeToken } from '../../../../src/core/session/token.ts';

const REAL = 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
const decoded = decodeToken(REAL);

const startBody = JSON.stringify({
  token: REAL,
  userUUID: 'f1b2c3',
  projectID: 12,
  sessionID: '2618307011354435587',
  startTimestamp: 1706063259324,
  delay: 4283,
  beaconSizeLimit: 1000000,
  compressionThreshold: 24000,
  canvasEnabled: false,
  framesSupport: true,
  protocolVersion: 2,
});

describe('isTrackerIngestUrl', () => {
  it('recognises the tracker endpoints under any ingest base', () => {
    for (const path of [
      'start',
      'i?batch=0_1_120_kyes',
      'not_started',
      'images',
      'feature-flags',
      'tags',
      'conditions/12',
    ]) {
      expect(isTrackerIngestUrl(`${DEFAULT_INGEST}/v1/web/${path}`)).toBe(true);
      expect(isTrackerIngestUrl(`https://or.internal.example.com:8443/ingest/v1/web/${path}`)).toBe(true);
      expect(isTrackerIngestUrl(`http://127.0.0.1:4040/v1/web/${path}`)).toBe(true);
    }
    expect(isTrackerIngestUrl(`${DEFAULT_INGEST}/v1/sdk/i`)).toBe(true);
    expect(matchTrackerIngestUrl('https://or.example.com/ingest/v1/web/i?batch=1')).toEqual({
      endpoint: 'i',
      ingestBase: 'https://or.example.com/ingest',
    });
    expect(matchTrackerIngestUrl('https://or.example.com/ingest/v1/web/conditions/7')).toEqual({
      endpoint: 'conditions',
      ingestBase: 'https://or.example.com/ingest',
    });
  });

  it('does not take app endpoints that merely look similar', () => {
    for (const url of [
      'https://shop.example.com/api/v1/web/items',
      'https://shop.example.com/v1/web/ix',
      'https://shop.example.com/v1/web/start/extra',
      'https://shop.example.com/v1/web/i/2',
      'https://shop.example.com/api/start?next=/v1/web/start',
      'wss://api.openreplay.com/ingest/v1/web/start',
      'not a url',
    ]) {
      expect(isTrackerIngestUrl(url)).toBe(false);
    }
  });
});

describe('extractNetworkToken', () => {
  const start = (responseBody?: string, method = 'POST') =>
    extractNetworkToken({
      url: `${DEFAULT_INGEST}/v1/web/start`,
      method,
      requestHeaders: [],
      ...(responseBody === undefined ? {} : { responseBody }),
    });
  const batch = (value: string, name = 'Authorization') =>
    extractNetworkToken({
      url: `${DEFAULT_INGEST}/v1/web/i?batch=0_3_512_kyes`,
      method: 'POST',
      requestHeaders: [
        { name: 'DataType', value: 'player' },
        { name, value },
      ],
    });

  it('reads the start response', () => {
    expect(start(startBody)).toEqual({
      ok: true,
      source: 'network: /v1/web/start',
      token: REAL,
      decoded,
      ingestBase: DEFAULT_INGEST,
      facts: { sessionId: '2618307011354435587', projectId: '12', startTimestamp: 1706063259324, delay: 4283 },
      warnings: [],
    });
  });

  it('flags a start response whose sessionID disagrees with the token', () => {
    const r = start(JSON.stringify({ token: REAL, sessionID: '99', projectID: 'x1' }));
    expect(r).toMatchObject({ ok: true, facts: { sessionId: '99' } });
    expect(r?.ok && r.warnings).toEqual([
      "start response sessionID 99 differs from the token's session id 2618307011354435587",
    ]);
    expect(r?.ok && r.facts.projectId).toBeUndefined();
  });

  it('tolerates garbage start responses', () => {
    const reason = (body?: string) => {
      const r = start(body);
      return r === null ? 'null' : r.ok ? 'OK' : r.reason;
    };
    expect(reason(undefined)).toBe('start response has no body');
    expect(reason('<html>502 Bad Gateway</html>')).toBe('start response is not JSON');
    expect(reason('[1,2]')).toBe('start response is not a JSON object');
    expect(reason('null')).toBe('start response is not a JSON object');
    expect(reason('{"reason":"canceled"}')).toBe('start response has no token');
    expect(reason('{"token":"a\\"b"}')).toBe(
      'start response token: Token contains U+0022 at position 2; only letters, digits, ".", "_" and "-" are allowed',
    );
    expect(reason(`{"token":"${REAL}","sessionID":"not-a-number","startTimestamp":"soon"}`)).toBe('OK');
    expect(reason(' '.repeat(300_000))).toBe('start response is too large to be one (300000 characters)');
    expect(reason('{"__proto__":{"token":"x"}}')).toBe('start response has no token');
    expect(start(startBody, 'OPTIONS')).toBeNull();
  });

  it('reads the Bearer token of a batch, case-insensitively', () => {
    expect(batch(`Bearer ${REAL}`)).toEqual({
      ok: true,
      source: 'network: Authorization of /v1/web/i',
      token: REAL,
      decoded,
      ingestBase: DEFAULT_INGEST,
      facts: {},
      warnings: [],
    });
    expect(batch(`bearer ${REAL}`, 'authorization')).toMatchObject({ ok: true, token: REAL });
  });

  it('refuses garbled batch tokens and ignores empty ones', () => {
    expect(batch('Basic dXNlcjpwYXNz')).toEqual({
      ok: false,
      source: 'network: Authorization of /v1/web/i',
      reason: 'batch Authorization header is not "Bearer <token>"',
    });
    expect(batch(`Bearer ${REAL.slice(0, 40)}`)).toEqual({
      ok: false,
      source: 'network: Authorization of /v1/web/i',
      reason:
        'batch Authorization token: Signature decodes to 11 bytes, an OpenReplay signature (HMAC-SHA256) has 32: the token looks cut short or altered',
    });
    expect(batch('Bearer null')).toBeNull();
    expect(batch('Bearer ')).toBeNull();
    expect(extractNetworkToken({ url: `${DEFAULT_INGEST}/v1/web/i`, method: 'POST', requestHeaders: [] })).toBeNull();
  });

  it('ignores other traffic and the analytics SDK token', () => {
    expect(
      extractNetworkToken({
        url: 'https://shop.example.com/api/cart',
        method: 'GET',
        requestHeaders: [{ name: 'Authorization', value: `Bearer ${REAL}` }],
      }),
    ).toBeNull();
    expect(
      extractNetworkToken({
        url: `${DEFAULT_INGEST}/v1/sdk/i`,
        method: 'POST',
        requestHeaders: [{ name: 'Authorization', value: `Bearer ${REAL}` }],
      }),
    ).toBeNull();
    expect(
      extractNetworkToken({
        url: `${DEFAULT_INGEST}/v1/web/images`,
        method: 'POST',
        requestHeaders: [{ name: 'Authorization', value: `Bearer ${REAL}` }],
      }),
    ).toBeNull();
  });
});
