import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHarEntry } from '../../../../src/core/audit/har.ts';
import { CdpHarBuilder, headerList, type HarEntry } from '../../../../src/core/ci/cdp-har.ts';

const PAGE = 'http://127.0.0.1:4000/';
const TOKEN = 'kkxcly0w0qdh.11.mx0ejgx3.5iFTeaujrbP5W9ZAp7mBHiGWycTYScL6mr5pdZUy4zxo';

function collect(): { entries: HarEntry[]; b: CdpHarBuilder } {
  const entries: HarEntry[] = [];
  return { entries, b: new CdpHarBuilder((e) => entries.push(e)) };
}

function willBeSent(id: string, url: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    requestId: id,
    request: { url, method: 'GET', headers: { Accept: 'application/json' } },
    timestamp: 100,
    wallTime: 1_764_165_420,
    type: 'Fetch',
    initiator: { type: 'script' },
    ...extra,
  };
}

describe('CdpHarBuilder', () => {
  it('emits the headers really sent (extra info), the status and the duration of a finished fetch', () => {
    const { entries, b } = collect();
    b.onEvent('Network.requestWillBeSent', willBeSent('1', 'http://127.0.0.1:4000/api/users/42'));
    b.onEvent('Network.requestWillBeSentExtraInfo', {
      requestId: '1',
      headers: { Accept: 'application/json', 'X-OpenReplay-SessionToken': TOKEN },
    });
    b.onEvent('Network.responseReceived', {
      requestId: '1',
      response: { status: 200, headers: { 'Content-Type': 'application/json' } },
    });
    expect(b.inFlight).toBe(1);
    b.onEvent('Network.loadingFinished', { requestId: '1', timestamp: 100.0315 });
    expect(b.inFlight).toBe(0);
    expect(entries).toHaveLength(1);
    const req = fromHarEntry(entries[0], PAGE, { id: 'x' });
    expect(req).toMatchObject({
      method: 'GET',
      url: 'http://127.0.0.1:4000/api/users/42',
      endpoint: 'GET http://127.0.0.1:4000/api/users/:id',
      status: 200,
      resourceType: 'fetch',
      initiatorType: 'script',
      startedAt: 1_764_165_420_000,
      requestHeaders: [
        ['Accept', 'application/json'],
        ['X-OpenReplay-SessionToken', TOKEN],
      ],
      responseHeaders: [['Content-Type', 'application/json']],
    });
    expect(req?.durationMs).toBeCloseTo(31.5, 5);
  });

  it('takes extra info that arrives before its request, and marks preflights and refused requests as DevTools does', () => {
    const { entries, b } = collect();
    b.onEvent('Network.requestWillBeSentExtraInfo', {
      requestId: 'p',
      headers: { 'Access-Control-Request-Headers': 'x-openreplay-sessiontoken' },
    });
    b.onEvent('Network.requestWillBeSent', {
      ...willBeSent('p', 'http://127.0.0.1:4001/partner/quote'),
      type: 'Preflight',
      initiator: { type: 'preflight' },
      request: { url: 'http://127.0.0.1:4001/partner/quote', method: 'OPTIONS', headers: {} },
    });
    b.onEvent('Network.responseReceivedExtraInfo', {
      requestId: 'p',
      statusCode: 204,
      headers: { 'Access-Control-Allow-Headers': 'content-type' },
    });
    b.onEvent('Network.loadingFinished', { requestId: 'p', timestamp: 100.002 });
    // The refused request itself never reaches the wire: only the headers the page asked for exist.
    b.onEvent('Network.requestWillBeSent', {
      ...willBeSent('q', 'http://127.0.0.1:4001/partner/quote'),
      request: {
        url: 'http://127.0.0.1:4001/partner/quote',
        method: 'GET',
        headers: { 'X-OpenReplay-SessionToken': TOKEN },
      },
    });
    b.onEvent('Network.loadingFailed', { requestId: 'q', timestamp: 100.003, errorText: 'net::ERR_FAILED' });
    const [preflight, refused] = entries.map((e) => fromHarEntry(e, PAGE));
    expect(preflight).toMatchObject({
      method: 'OPTIONS',
      resourceType: 'preflight',
      status: 204,
      requestHeaders: [['Access-Control-Request-Headers', 'x-openreplay-sessiontoken']],
      responseHeaders: [['Access-Control-Allow-Headers', 'content-type']],
    });
    expect(refused).toMatchObject({
      status: 0,
      error: 'net::ERR_FAILED',
      requestHeaders: [['X-OpenReplay-SessionToken', TOKEN]],
    });
  });

  it('finishes each redirect hop with its own answer', () => {
    const { entries, b } = collect();
    b.onEvent('Network.requestWillBeSent', willBeSent('r', 'http://127.0.0.1:4000/old'));
    b.onEvent('Network.requestWillBeSent', {
      ...willBeSent('r', 'http://127.0.0.1:4000/new'),
      redirectResponse: { status: 302, headers: { Location: '/new' } },
    });
    b.onEvent('Network.responseReceived', { requestId: 'r', response: { status: 200, headers: {} } });
    b.onEvent('Network.loadingFinished', { requestId: 'r', timestamp: 101 });
    expect(entries.map((e) => [e.request.url, e.response.status])).toEqual([
      ['http://127.0.0.1:4000/old', 302],
      ['http://127.0.0.1:4000/new', 200],
    ]);
  });

  it('splits a header sent twice (CDP joins the values with a newline)', () => {
    expect(headerList({ 'Set-Cookie': 'a=1\nb=2', Bad: 3 })).toEqual([
      { name: 'Set-Cookie', value: 'a=1' },
      { name: 'Set-Cookie', value: 'b=2' },
    ]);
  });

  it('never throws on hostile events, and every entry it emits is bounded', () => {
    const method = fc.constantFrom(
      'Network.requestWillBeSent',
      'Network.requestWillBeSentExtraInfo',
      'Network.responseReceived',
      'Network.responseReceivedExtraInfo',
      'Network.loadingFinished',
      'Network.loadingFailed',
      'Other',
    );
    const params = fc.oneof(
      fc.anything(),
      fc.record({
        requestId: fc.constantFrom('1', '2'),
        request: fc.anything(),
        headers: fc.dictionary(fc.string(), fc.oneof(fc.string({ maxLength: 5000 }), fc.anything())),
        timestamp: fc.anything(),
        response: fc.anything(),
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(method, params), { maxLength: 30 }), (events) => {
        const { entries, b } = collect();
        for (const [m, p] of events) b.onEvent(m, p);
        for (const e of entries) {
          expect(e.request.headers.length).toBeLessThanOrEqual(100);
          for (const h of e.request.headers) expect(h.value.length).toBeLessThanOrEqual(2048);
          expect(typeof e.request.url).toBe('string');
        }
      }),
    );
  });
});
