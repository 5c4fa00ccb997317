import { describe, expect, it } from 'vitest';
import { diagnoseCors, parseHeaderList, PreflightIndex } from '../../../../src/core/audit/diagnose-cors.ts';
import { API, APP, preflight, refused, req, tokenHeader, CURRENT } from './fixtures.ts';

const H = 'x-openreplay-sessiontoken';
const URL_ = `${API}/api/cart`;

describe('PreflightIndex', () => {
  it('pairs by URL and closest start, before or after, within the window', () => {
    const idx = new PreflightIndex();
    const early = preflight(URL_, 'content-type', { started: '2025-11-26T13:56:58.000Z' });
    const late = preflight(URL_, 'content-type', { started: '2025-11-26T13:57:00.300Z' });
    const far = preflight(URL_, 'content-type', { started: '2025-11-26T13:58:00.000Z' });
    const other = preflight(`${API}/api/other`, 'content-type');
    for (const p of [early, late, far, other]) idx.add(p);
    const at = Date.parse('2025-11-26T13:57:00.000Z');
    expect(idx.find(URL_, at)).toBe(late);
    expect(idx.find(URL_, Date.parse('2025-11-26T13:56:57.000Z'))).toBe(early);
    expect(idx.find(URL_, Date.parse('2025-11-26T13:57:30.000Z'))).toBeUndefined();
    expect(idx.find(`${API}/api/nothing`, at)).toBeUndefined();
    idx.remove(late);
    expect(idx.find(URL_, at)).toBe(early);
    expect(idx.size).toBe(3);
  });
});

describe('diagnoseCors', () => {
  it('is silent for requests that got a response', () => {
    expect(
      diagnoseCors(req({ url: URL_, requestHeaders: tokenHeader(CURRENT.token) }), preflight(URL_, 'content-type'), H),
    ).toBeNull();
  });

  it('Access-Control-Allow-Headers without the header', () => {
    expect(diagnoseCors(refused(URL_), preflight(URL_, 'Content-Type, Authorization'), H)).toMatchObject({
      reason:
        'the preflight to http://127.0.0.1:4001 answered Access-Control-Allow-Headers: Content-Type, Authorization',
      fix: 'add x-openreplay-sessiontoken to its Access-Control-Allow-Headers',
    });
  });

  it('accepts the header listed in any case, and * for requests without credentials', () => {
    const d1 = diagnoseCors(refused(URL_), preflight(URL_, 'content-type,X-OpenReplay-SessionToken'), H);
    const d2 = diagnoseCors(refused(URL_), preflight(URL_, '*'), H);
    // Allowed, yet failed right after: the actual response is what CORS refused.
    const after =
      'the request to http://127.0.0.1:4001 failed at the network level (net::ERR_FAILED) right after its preflight, which allowed x-openreplay-sessiontoken';
    expect(d1?.reason).toBe(after);
    expect(d1?.fix).toBe(
      'make the actual response of http://127.0.0.1:4001 carry Access-Control-Allow-Origin: http://127.0.0.1:4000 too',
    );
    expect(d2?.reason).toBe(after);
  });

  it('* does not cover credentialed requests', () => {
    const withCookie = refused(URL_, { requestHeaders: [...tokenHeader(CURRENT.token), ['Cookie', 'sid=1']] });
    expect(diagnoseCors(withCookie, preflight(URL_, '*'), H)?.reason).toBe(
      'the preflight to http://127.0.0.1:4001 answered Access-Control-Allow-Headers: *',
    );
  });

  it('a preflight that failed, answered non-2xx, or named another origin', () => {
    expect(
      diagnoseCors(
        refused(URL_),
        preflight(URL_, undefined, { status: 0, error: 'net::ERR_CONNECTION_REFUSED', responseHeaders: [] }),
        H,
      ),
    ).toMatchObject({
      reason: 'the preflight to http://127.0.0.1:4001 failed at the network level (net::ERR_CONNECTION_REFUSED)',
      fix: 'make sure http://127.0.0.1:4001 is reachable and answers OPTIONS /api/cart',
    });
    expect(
      diagnoseCors(refused(URL_), preflight(URL_, undefined, { status: 405, responseHeaders: [] }), H),
    ).toMatchObject({
      reason: 'the preflight to http://127.0.0.1:4001 answered HTTP 405',
      fix: 'answer OPTIONS /api/cart with 2xx and Access-Control-Allow-Headers: x-openreplay-sessiontoken',
    });
    expect(
      diagnoseCors(
        refused(URL_),
        preflight(URL_, H, {
          responseHeaders: [
            ['Access-Control-Allow-Origin', 'https://prod.example.com'],
            ['Access-Control-Allow-Headers', H],
          ],
        }),
        H,
      ),
    ).toMatchObject({
      reason: 'the preflight to http://127.0.0.1:4001 answered Access-Control-Allow-Origin: https://prod.example.com',
      fix: 'answer it with Access-Control-Allow-Origin: http://127.0.0.1:4000',
    });
    expect(
      diagnoseCors(refused(URL_), preflight(URL_, H, { responseHeaders: [['Access-Control-Allow-Headers', H]] }), H)
        ?.reason,
    ).toBe('the preflight to http://127.0.0.1:4001 answered without Access-Control-Allow-Origin');
  });

  it('a method the preflight did not allow', () => {
    const put = refused(URL_, { method: 'PUT' });
    expect(diagnoseCors(put, preflight(URL_, H), H)).toMatchObject({
      reason: 'the preflight to http://127.0.0.1:4001 answered Access-Control-Allow-Methods: GET,POST',
      fix: 'add PUT to its Access-Control-Allow-Methods',
    });
  });

  it('no preflight captured: says what is known for a cross-origin net::ERR_FAILED', () => {
    expect(diagnoseCors(refused(URL_), undefined, H)).toEqual({
      reason:
        'the request to http://127.0.0.1:4001 failed (net::ERR_FAILED) and no CORS preflight for it was captured — most likely CORS refused it',
      fix: 'make http://127.0.0.1:4001 answer OPTIONS /api/cart with 2xx, Access-Control-Allow-Origin: http://127.0.0.1:4000 and Access-Control-Allow-Headers: x-openreplay-sessiontoken',
    });
  });

  it('no preflight and not CORS-shaped: not blocked', () => {
    expect(diagnoseCors(refused(`${APP}/api/cart`), undefined, H)).toBeNull();
    expect(diagnoseCors(refused(URL_, { error: 'net::ERR_CONNECTION_REFUSED' }), undefined, H)).toBeNull();
    expect(diagnoseCors(refused(URL_, { error: 'net::ERR_ABORTED' }), preflight(URL_, H), H)).toBeNull();
  });

  it('escapes what the server answered', () => {
    const d = diagnoseCors(refused(URL_), preflight(URL_, 'content-type\u0007\u202e'), H);
    expect(d?.reason).toBe(
      'the preflight to http://127.0.0.1:4001 answered Access-Control-Allow-Headers: content-type\\u0007\\u202e',
    );
  });
});

describe('parseHeaderList', () => {
  it('splits, trims, lower-cases and drops empties', () => {
    expect(parseHeaderList(' Content-Type ,, X-OpenReplay-SessionToken,')).toEqual([
      'content-type',
      'x-openreplay-sessiontoken',
    ]);
    expect(parseHeaderList(undefined)).toEqual([]);
  });
});
