import { describe, expect, it } from 'vitest';
import { linkErrors, linkSummary } from '../../../../src/core/linking/link.ts';
import { entry, line, OTHER_TOKEN, SESSION_ID, tag, TOKEN } from './fixtures.ts';

const checkoutError = (at: number) =>
  line(
    `2026-11-26T13:09:10Z ERROR ${tag()} POST /api/checkout failed: PaymentDeclinedError: declined\n    at authorize (/srv/payments.ts:8:9)`,
    at,
  );

describe('linkErrors: the time window and the clock-skew tolerance', () => {
  const requests = [entry({ id: 'c', method: 'POST', path: '/api/checkout', at: 1000, ms: 50, status: 500 })];

  it('links an error logged between the request start and end', () => {
    const links = linkErrors(requests, [checkoutError(1030)], { token: TOKEN, skewMs: 0 });
    expect(links.errors.map((e) => [e.outcome, e.candidates.map((c) => c.requestId)])).toEqual([['linked', ['c']]]);
    expect(links.byRequest.get('c')).toEqual([{ error: 0, rank: 0, of: 1 }]);
  });

  it('links an error just outside the request only within the skew tolerance', () => {
    // The request ends at 1050; the backend clock is 300 ms ahead.
    expect(linkErrors(requests, [checkoutError(1350)], { token: TOKEN, skewMs: 299 }).errors[0]?.outcome).toBe(
      'no-request-in-window',
    );
    const within = linkErrors(requests, [checkoutError(1350)], { token: TOKEN, skewMs: 300 }).errors[0];
    expect([within?.outcome, within?.candidates[0]?.distanceMs]).toEqual(['linked', 300]);
    // And before the start: a backend clock behind the browser's.
    expect(linkErrors(requests, [checkoutError(800)], { token: TOKEN, skewMs: 200 }).errors[0]?.outcome).toBe('linked');
    expect(linkErrors(requests, [checkoutError(799)], { token: TOKEN, skewMs: 200 }).errors[0]?.outcome).toBe(
      'no-request-in-window',
    );
  });

  it('skips non-error lines unless asked, and reports lines without time', () => {
    const info = line(`INFO ${tag()} GET /api/users/42 200 3ms`, 1010);
    expect(linkErrors(requests, [info], { token: TOKEN }).errors).toEqual([]);
    expect(linkErrors(requests, [info], { token: TOKEN, allLines: true }).errors.map((e) => e.outcome)).toEqual([
      'no-endpoint-match',
    ]);
    expect(
      linkErrors(requests, [checkoutError(undefined as unknown as number)], { token: TOKEN }).errors.map(
        (e) => e.outcome,
      ),
    ).toEqual(['no-time']);
  });
});

describe('linkErrors: same session and matching endpoint', () => {
  const requests = [
    entry({ id: 'profile', path: '/api/users/42', at: 0, ms: 100 }),
    entry({ id: 'checkout', method: 'POST', path: '/api/checkout', at: 20, ms: 60, status: 500 }),
    entry({ id: 'no-header', method: 'POST', path: '/api/checkout', at: 30, ms: 60, status: 500, token: null }),
    entry({
      id: 'other-session',
      method: 'POST',
      path: '/api/checkout',
      at: 30,
      ms: 60,
      status: 500,
      token: OTHER_TOKEN,
      verdict: 'foreign',
    }),
  ];

  it('links to the one request of this session whose endpoint the line names', () => {
    const links = linkErrors(requests, [checkoutError(70)], { token: TOKEN, skewMs: 1000 });
    const e = links.errors[0];
    expect([e?.outcome, e?.ambiguous, e?.inWindow, e?.candidates.map((c) => [c.requestId, c.match])]).toEqual([
      'linked',
      false,
      2,
      [['checkout', 'path']],
    ]);
    expect(linkSummary(e!)).toBe('linked to its request');
  });

  it('counts a request that sent the session id, or a token of the same session', () => {
    const byId = [
      entry({
        id: 'sid',
        method: 'POST',
        path: '/api/checkout',
        at: 20,
        headerName: 'openReplaySession.id',
        token: SESSION_ID,
      }),
    ];
    expect(
      linkErrors(byId, [checkoutError(40)], { sessionId: SESSION_ID }).errors[0]?.candidates.map((c) => c.requestId),
    ).toEqual(['sid']);
    expect(linkErrors(byId, [checkoutError(40)], { token: TOKEN }).errors[0]?.outcome).toBe('no-request-in-window');
  });

  it('says so when the line names an endpoint no request around it went to', () => {
    const e = linkErrors(requests, [line(`ERROR ${tag()} DELETE /api/cart failed: boom`, 50)], { token: TOKEN })
      .errors[0]!;
    expect([e.outcome, e.candidates]).toEqual(['no-endpoint-match', []]);
    expect(linkSummary(e)).toBe('names DELETE /api/cart, but none of the 2 requests around this time went there');
  });

  it('falls back to time alone for a line that names nothing, and shows the ambiguity', () => {
    const e = linkErrors(requests, [line(`ERROR ${tag()} database connection lost`, 50)], { token: TOKEN }).errors[0]!;
    expect([e.outcome, e.ambiguous, e.candidates.map((c) => [c.requestId, c.match])]).toEqual([
      'ambiguous',
      true,
      [
        ['profile', 'time'],
        ['checkout', 'time'],
      ],
    ]);
    expect(linkSummary(e)).toBe('2 candidate requests');
  });
});

describe('linkErrors: ambiguity', () => {
  it('keeps two overlapping requests to the same endpoint as two ranked candidates', () => {
    const requests = [
      entry({ id: 'first', method: 'POST', path: '/api/checkout', at: 0, ms: 100, status: 500 }),
      entry({ id: 'second', method: 'POST', path: '/api/checkout', at: 90, ms: 100, status: 500 }),
    ];
    // Written while both were running: ambiguous, shown as two candidates.
    const both = linkErrors(requests, [checkoutError(95)], { token: TOKEN, skewMs: 500 });
    const e = both.errors[0]!;
    expect([e.outcome, e.ambiguous, e.candidates.map((c) => [c.requestId, c.distanceMs])]).toEqual([
      'ambiguous',
      true,
      [
        ['first', 0],
        ['second', 0],
      ],
    ]);
    expect(both.byRequest.get('first')).toEqual([{ error: 0, rank: 0, of: 2 }]);
    expect(both.byRequest.get('second')).toEqual([{ error: 0, rank: 1, of: 2 }]);
    expect(linkSummary(e)).toBe('2 candidate requests');

    // Written while only the second was running: linked to it; the first still listed, ranked after.
    const one = linkErrors(requests, [checkoutError(150)], { token: TOKEN, skewMs: 500 }).errors[0]!;
    expect([one.outcome, one.ambiguous, one.candidates.map((c) => [c.requestId, c.distanceMs])]).toEqual([
      'linked',
      false,
      [
        ['second', 0],
        ['first', 50],
      ],
    ]);
    expect(linkSummary(one)).toBe('linked to its request (1 other only within the clock-skew tolerance)');
  });

  it('uses the status the line names to pick between them', () => {
    const requests = [
      entry({ id: 'ok', path: '/api/users/42', at: 0, ms: 100, status: 200 }),
      entry({ id: 'failed', path: '/api/users/42', at: 10, ms: 100, status: 503 }),
    ];
    const e = linkErrors(requests, [line(`ERROR ${tag()} GET /api/users/42 503 12ms`, 100)], { token: TOKEN })
      .errors[0]!;
    expect([e.outcome, e.candidates.map((c) => [c.requestId, c.statusMatch])]).toEqual(['linked', [['failed', true]]]);
  });

  it('prefers the exact path over a route match', () => {
    const requests = [
      entry({ id: 'u42', path: '/api/users/42', at: 0 }),
      entry({ id: 'u7', path: '/api/users/7', at: 5 }),
    ];
    const e = linkErrors(requests, [line(`ERROR ${tag()} GET /api/users/7 failed`, 10)], { token: TOKEN }).errors[0]!;
    expect(e.candidates.map((c) => [c.requestId, c.match])).toEqual([['u7', 'path']]);
  });
});

describe('linkErrors at scale', () => {
  it('links 500 errors against 50,000 requests by scanning only the time slice', () => {
    const requests = Array.from({ length: 50_000 }, (_, i) =>
      entry({ id: `r${i}`, path: `/api/items/${i}`, at: i * 10, ms: 5 }),
    );
    const lines = Array.from({ length: 500 }, (_, i) =>
      line(`ERROR ${tag()} GET /api/items/${i * 100} failed`, i * 1000 + 2),
    );
    const links = linkErrors(requests, lines, { token: TOKEN, skewMs: 50 });
    expect(links.errors.every((e, i) => e.outcome === 'linked' && e.candidates[0]?.requestId === `r${i * 100}`)).toBe(
      true,
    );
  });
});
