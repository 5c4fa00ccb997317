import { describe, expect, it } from 'vitest';
import { AuditStore } from '../../../../src/core/audit/audit-store.ts';
import { computeCoverage, formatPercentage, roundPercentage } from '../../../../src/core/audit/coverage.ts';
import { DEFAULT_SCOPE_SETTINGS } from '../../../../src/core/audit/scope-settings.ts';
import { API, APP, CURRENT, EARLIER, INGEST, preflight, refused, req, tokenHeader, TOKENS } from './fixtures.ts';

function entries() {
  const s = new AuditStore({ tokens: TOKENS, settings: { ...DEFAULT_SCOPE_SETTINGS, extraOrigins: [API] } });
  s.add([
    req({ url: `${APP}/api/users/1`, requestHeaders: tokenHeader(CURRENT.token) }),
    req({ url: `${APP}/api/users/2`, requestHeaders: tokenHeader(CURRENT.token) }),
    req({ url: `${APP}/api/users/3` }),
    req({ url: `${APP}/api/users/3`, method: 'DELETE', requestHeaders: tokenHeader('garbage') }),
    req({ url: `${API}/api/orders`, resourceType: 'xhr', requestHeaders: tokenHeader(EARLIER.token) }),
    refused(`${API}/api/cart`),
    preflight(`${API}/api/cart`, 'content-type'),
    req({ url: `${INGEST}/v1/web/i`, method: 'POST' }),
    req({ url: `${APP}/logo.png`, resourceType: 'image' }),
  ]);
  return s.toArray();
}

describe('computeCoverage', () => {
  const cov = computeCoverage(entries());

  it('summary counts and percentage of in-scope requests', () => {
    expect(cov.summary).toEqual({
      requests: 9,
      carrying: 2,
      stale: 1,
      foreign: 1,
      missing: 1,
      blocked: 1,
      outsideScope: 0,
      notExpected: 3,
      inScope: 6,
      percentage: (2 / 6) * 100,
      problems: 4,
    });
  });

  it('per origin, most requests first, including origins with nothing in scope', () => {
    expect(
      cov.origins.map((o) => [o.origin, o.requests, o.carrying, o.missing, o.blocked, formatPercentage(o.percentage)]),
    ).toEqual([
      ['http://127.0.0.1:4000', 5, 2, 1, 0, '50%'],
      ['http://127.0.0.1:4001', 3, 0, 0, 1, '0%'],
      ['http://127.0.0.1:4002', 1, 0, 0, 0, '—'],
    ]);
  });

  it('per endpoint (method + template), most problems first, not-expected-only endpoints left out', () => {
    expect(
      cov.endpoints.map((e) => [e.key, e.requests, e.carrying, e.missing, e.foreign, formatPercentage(e.percentage)]),
    ).toEqual([
      ['GET http://127.0.0.1:4000/api/users/:id', 3, 2, 1, 0, '66.7%'],
      ['DELETE http://127.0.0.1:4000/api/users/:id', 1, 0, 0, 1, '0%'],
      ['GET http://127.0.0.1:4001/api/cart', 1, 0, 0, 0, '0%'],
      ['GET http://127.0.0.1:4001/api/orders', 1, 0, 0, 0, '0%'],
    ]);
    expect(cov.endpoints[0]).toMatchObject({
      method: 'GET',
      origin: 'http://127.0.0.1:4000',
      template: '/api/users/:id',
    });
  });

  it('can list every endpoint and leave out not-expected-only origins', () => {
    const all = computeCoverage(entries(), { includeNotExpectedEndpoints: true, includeNotExpectedOrigins: false });
    expect(all.endpoints.map((e) => e.key)).toContain('OPTIONS http://127.0.0.1:4001/api/cart');
    expect(all.endpoints.map((e) => e.key)).toContain('GET http://127.0.0.1:4000/logo.png');
    expect(all.origins.map((o) => o.origin)).toEqual(['http://127.0.0.1:4000', 'http://127.0.0.1:4001']);
  });

  it('nothing captured', () => {
    expect(computeCoverage([])).toEqual({
      summary: {
        requests: 0,
        carrying: 0,
        stale: 0,
        foreign: 0,
        missing: 0,
        blocked: 0,
        outsideScope: 0,
        notExpected: 0,
        inScope: 0,
        percentage: null,
        problems: 0,
      },
      endpoints: [],
      origins: [],
    });
  });
});

describe('formatPercentage', () => {
  it('one decimal, never claims 100% or 0% falsely', () => {
    expect(formatPercentage(null)).toBe('—');
    expect(formatPercentage(100)).toBe('100%');
    expect(formatPercentage(99.99)).toBe('99.9%');
    expect(formatPercentage(0.01)).toBe('0.1%');
    expect(formatPercentage(0)).toBe('0%');
    expect(formatPercentage((2 / 7) * 100)).toBe('28.6%');
    expect(roundPercentage(50)).toBe(50);
  });
});
