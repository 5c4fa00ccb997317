import { describe, expect, it } from 'vitest';
import { extractRequestHint, matchHint } from '../../../../src/core/linking/hint.ts';
import { req, tag } from './fixtures.ts';

describe('extractRequestHint', () => {
  it('reads the demo backend request line', () => {
    expect(extractRequestHint(`2026-11-26T13:09:10.333Z ERROR ${tag()} POST /api/checkout 500 3ms`)).toEqual({
      method: 'POST',
      path: '/api/checkout',
      status: 500,
    });
  });

  it('reads the first line of a multi-line error and ignores frame paths', () => {
    const raw = [
      `2026-11-26T13:09:10.330Z ERROR ${tag()} POST /api/checkout failed: PaymentDeclinedError: declined`,
      '    at authorize (file:///srv/demo/backend/payments.ts:8:9)',
      '    at GET /api/other 200',
    ].join('\n');
    expect(extractRequestHint(raw)).toEqual({ method: 'POST', path: '/api/checkout' });
  });

  it('reads an access-log line with a query string and HTTP version', () => {
    expect(
      extractRequestHint('127.0.0.1 - - [26/Nov/2026:13:09:10 +0000] "GET /api/users/42?full=1 HTTP/1.1" 502 17'),
    ).toEqual({
      method: 'GET',
      path: '/api/users/42',
      status: 502,
    });
  });

  it('reads key=value and JSON fields, and full URLs', () => {
    expect(extractRequestHint('level=error method=put path=/api/orders/7/ status=409 msg="conflict"')).toEqual({
      method: 'PUT',
      path: '/api/orders/7',
      status: 409,
    });
    expect(
      extractRequestHint(
        '{"level":"error","http.method":"DELETE","url":"https://api.example.com/api/cart?x=1","status_code":500}',
      ),
    ).toEqual({
      method: 'DELETE',
      path: '/api/cart',
      status: 500,
    });
  });

  it('names nothing when the line names nothing', () => {
    expect(extractRequestHint(`${tag()} ERROR database connection lost after 3 retries`)).toEqual({});
    // A word that is not a method, and a number that is not a status.
    expect(extractRequestHint('ERROR GOT /api/x 9999')).toEqual({});
    expect(extractRequestHint('ERROR GET /api/x 1200ms')).toEqual({ method: 'GET', path: '/api/x' });
  });
});

describe('matchHint', () => {
  const user = req({ id: 'u', path: '/api/users/42', at: 0 });
  it('ranks exact path, route, gateway suffix, method-only, time-only and other endpoints', () => {
    expect(matchHint({ method: 'GET', path: '/api/users/42' }, user)).toBe('path');
    expect(matchHint({ path: '/api/users/:id' }, user)).toBe('route');
    expect(matchHint({ path: '/api/users/{userId}' }, user)).toBe('route');
    expect(matchHint({ path: '/api/users/7' }, user)).toBe('route');
    expect(matchHint({ path: '/v2/gateway/api/users/42' }, user)).toBe('suffix');
    expect(matchHint({ method: 'GET' }, user)).toBe('method');
    expect(matchHint({}, user)).toBe('time');
    expect(matchHint({ method: 'POST', path: '/api/users/42' }, user)).toBe('none');
    expect(matchHint({ path: '/api/orders' }, user)).toBe('none');
    // One segment is too weak to call a suffix.
    expect(matchHint({ path: '/42' }, user)).toBe('none');
  });
});
