import { describe, expect, it } from 'vitest';
import { CUT_MARK, fromHarEntry, HAR_LIMITS, headerValue, splitUrl } from '../../../../src/core/audit/har.ts';
import { API, CURRENT, harEntry, PAGE } from './fixtures.ts';

describe('fromHarEntry', () => {
  it('normalizes a Chromium fetch entry carrying the token header', () => {
    const r = fromHarEntry(
      harEntry({
        url: `${API}/api/users/42?expand=1#frag`,
        method: 'post',
        requestHeaders: [['X-OpenReplay-SessionToken', CURRENT.token]],
        time: 31.75,
      }),
      PAGE,
      { id: 'a1' },
    );
    expect(r).toEqual({
      id: 'a1',
      startedAt: Date.parse('2025-11-26T13:57:00.000Z'),
      durationMs: 31.75,
      method: 'POST',
      url: 'http://127.0.0.1:4001/api/users/42?expand=1',
      origin: 'http://127.0.0.1:4001',
      path: '/api/users/42',
      template: '/api/users/:id',
      endpoint: 'POST http://127.0.0.1:4001/api/users/:id',
      query: '?expand=1',
      status: 200,
      resourceType: 'fetch',
      initiatorType: 'script',
      requestHeaders: expect.arrayContaining([['X-OpenReplay-SessionToken', CURRENT.token]]),
      responseHeaders: [['Content-Type', 'application/json']],
      pageUrl: PAGE,
      pageOrigin: 'http://127.0.0.1:4000',
      frame: 'page_1',
    });
  });

  it('keeps a request body for Copy as cURL, but not one over the limit (it says there was one)', () => {
    const withBody = (text: unknown) => ({
      ...harEntry({ url: `${API}/api/orders`, method: 'POST' }),
      request: {
        ...(harEntry({ url: `${API}/api/orders`, method: 'POST' })['request'] as object),
        postData: { mimeType: 'application/json', text },
      },
    });
    expect(fromHarEntry(withBody('{"items":[1]}'), PAGE)?.body).toBe('{"items":[1]}');
    expect(fromHarEntry(withBody('x'.repeat(HAR_LIMITS.maxBodyLength)), PAGE)?.body).toHaveLength(
      HAR_LIMITS.maxBodyLength,
    );
    expect(fromHarEntry(withBody('x'.repeat(HAR_LIMITS.maxBodyLength + 1)), PAGE)?.body).toBeNull();
    expect(fromHarEntry(withBody(42), PAGE)?.body).toBeUndefined();
    expect(fromHarEntry(harEntry({ url: `${API}/api/orders` }), PAGE)?.body).toBeUndefined();
  });

  it('recognizes a CORS preflight entry and keeps the network error of a refused request', () => {
    const p = fromHarEntry(
      harEntry({
        url: `${API}/api/cart`,
        method: 'OPTIONS',
        resourceType: 'preflight',
        initiator: 'preflight',
        status: 204,
      }),
      PAGE,
    );
    expect(p?.resourceType).toBe('preflight');
    const f = fromHarEntry(harEntry({ url: `${API}/api/cart`, status: 0, error: 'net::ERR_FAILED' }), PAGE);
    expect(f?.status).toBe(0);
    expect(f?.error).toBe('net::ERR_FAILED');
    expect(f?.responseHeaders).toEqual([]);
  });

  it('maps the tracker worker blob: entry to a script with no origin', () => {
    const w = fromHarEntry(
      harEntry({
        url: 'blob:http://127.0.0.1:4000/8c1e2a4b-0d1f-4c3e-9a7b-6e5f4d3c2b1a',
        resourceType: 'script',
        status: 0,
      }),
      PAGE,
    );
    expect(w?.resourceType).toBe('script');
    expect(w?.origin).toBe('');
    expect(w?.path).toBe('');
  });

  it('folds unknown resource types to other and generates distinct ids', () => {
    const a = fromHarEntry(harEntry({ url: `${API}/a`, resourceType: 'manifest' }), PAGE);
    const b = fromHarEntry(harEntry({ url: `${API}/b`, resourceType: 'XHR' }), PAGE);
    expect(a?.resourceType).toBe('other');
    expect(b?.resourceType).toBe('xhr');
    expect(a?.id).not.toBe(b?.id);
  });

  it('refuses entries that are not usable', () => {
    expect(fromHarEntry(null, PAGE)).toBeNull();
    expect(fromHarEntry('entry', PAGE)).toBeNull();
    expect(fromHarEntry({}, PAGE)).toBeNull();
    expect(fromHarEntry({ request: { url: 42 } }, PAGE)).toBeNull();
    expect(fromHarEntry({ request: { url: 'not a url' } }, PAGE)).toBeNull();
  });

  it('survives hostile or broken fields without trusting them', () => {
    const headers: unknown[] = [
      { name: 'Ok', value: 'v' },
      { name: 7, value: 'x' },
      null,
      { name: 'NoValue' },
      { name: 'Huge', value: 'x'.repeat(100_000) },
    ];
    for (let i = 0; i < 300; i++) headers.push({ name: `X-${i}`, value: 'y' });
    const r = fromHarEntry(
      {
        request: { url: `${API}/x`, method: 123, headers },
        response: { status: 'ok', headers: 'nope', _error: { nested: true } },
        startedDateTime: 'yesterday',
        time: -5,
        _resourceType: ['fetch'],
        _initiator: 'script',
      },
      PAGE,
    );
    expect(r).not.toBeNull();
    expect(r?.method).toBe('GET');
    expect(r?.status).toBe(0);
    expect(r?.startedAt).toBe(0);
    expect(r?.durationMs).toBe(0);
    expect(r?.resourceType).toBe('other');
    expect(r?.initiatorType).toBe('');
    expect(r?.error).toBeUndefined();
    expect(r?.responseHeaders).toEqual([]);
    expect(r?.requestHeaders.length).toBe(HAR_LIMITS.maxHeaders);
    expect(r?.requestHeaders.slice(0, 3)).toEqual([
      ['Ok', 'v'],
      ['NoValue', ''],
      ['Huge', 'x'.repeat(HAR_LIMITS.maxHeaderValueLength) + CUT_MARK],
    ]);
  });

  it('headerValue is case-insensitive', () => {
    expect(headerValue([['Access-Control-Allow-Headers', 'content-type']], 'access-control-allow-headers')).toBe(
      'content-type',
    );
    expect(headerValue([['A', '1']], 'b')).toBeUndefined();
  });
});

describe('splitUrl', () => {
  it('gives exactly what the URL parser gives, on its fast path and off it', () => {
    const urls = [
      'http://127.0.0.1:4000/api/x?a=1&b=2',
      'https://api.example.com/',
      'https://api.example.com:443/x',
      'http://a.b:80/',
      'http://a.b:8080/p/q%20r?x=%3C',
      'https://x.y/a?',
      'https://x.y/a#frag',
      'http://[::1]:3000/x',
      'https://X.Y/a',
      'https://x.y/a/./b/../c',
      'http://a.b/%2e%2e/x',
      'http://1.2.3.4./x',
      'http://0x7f.1/',
      'http://2130706433/',
      'http://127.1/',
      'http://01.2.3.4/',
      'http://a.b:0080/',
      'https://x.y',
      'https://x.y/a b',
      'https://x.y/a?b?c=1',
      'http://a..b/',
      'blob:http://127.0.0.1:4000/8c1e2a4b',
      'data:text/plain,hi',
      'chrome-extension://abc/panel.html',
      'wss://x.y/live',
    ];
    for (const raw of urls) {
      let expected: unknown = null;
      try {
        const u = new URL(raw);
        u.hash = '';
        const http = /^(https?|wss?):$/.test(u.protocol);
        expected = {
          url: u.href,
          origin: http ? u.origin : '',
          path: http ? u.pathname : '',
          query: http ? u.search : '',
        };
      } catch {
        // stays null
      }
      expect([raw, splitUrl(raw)]).toEqual([raw, expected]);
    }
  });
});

describe('worker-initiated requests', () => {
  it("are not guessed from the initiator's stack: a blob: script or a cross-target parent stays a script initiator", () => {
    // A page may run its own code from blob: URLs; workers are recognised from the page's timelines.
    const e = harEntry({ url: `${API}/api/prefs` });
    e['_initiator'] = {
      type: 'script',
      stack: {
        callFrames: [{ url: 'blob:http://127.0.0.1:4000/d490e1f9' }],
        parentId: { id: '19', debuggerId: '-8.15' },
      },
    };
    delete e['pageref'];
    expect(fromHarEntry(e, PAGE)?.initiatorType).toBe('script');
  });
});
