import { describe, expect, it } from 'vitest';
import { AuditStore } from '../../../../src/core/audit/audit-store.ts';
import { CAPTURE_CAP } from '../../../../src/core/audit/types.ts';
import { DEFAULT_SCOPE_SETTINGS } from '../../../../src/core/audit/scope-settings.ts';
import { API, APP, CURRENT, EARLIER, preflight, refused, req, tokenHeader, TOKENS } from './fixtures.ts';

const ids = (s: AuditStore) => s.toArray().map((e) => e.req.id);

describe('AuditStore capacity', () => {
  it('defaults to a cap of 50,000', () => {
    expect(CAPTURE_CAP).toBe(50_000);
    expect(new AuditStore().cap).toBe(50_000);
  });

  it('keeps the newest requests and counts every dropped one', () => {
    const s = new AuditStore({ cap: 3, tokens: TOKENS });
    const rs = Array.from({ length: 5 }, (_, i) => req({ url: `${APP}/api/${i}` }));
    s.add(rs.slice(0, 2));
    s.add(rs.slice(2));
    expect(s.size).toBe(3);
    expect(s.dropped).toBe(2);
    expect(ids(s)).toEqual(rs.slice(2).map((r) => r.id));
    expect(s.at(0)?.req.id).toBe(rs[2]?.id);
    expect(s.at(3)).toBeUndefined();
    expect(s.counts.missing).toBe(3);
  });

  it('a batch larger than the cap keeps its newest part', () => {
    const s = new AuditStore({ cap: 2 });
    const rs = Array.from({ length: 7 }, (_, i) => req({ url: `${APP}/api/${i}` }));
    s.add(rs);
    expect(ids(s)).toEqual([rs[5]?.id, rs[6]?.id]);
    expect(s.dropped).toBe(5);
    expect(s.counts).toEqual({
      carries: 0,
      stale: 0,
      foreign: 0,
      missing: 2,
      blocked: 0,
      'outside-scope': 0,
      'not-expected': 0,
    });
  });

  it('counts follow the verdicts of what is held after wrapping', () => {
    const s = new AuditStore({ cap: 2, tokens: TOKENS });
    s.add([req({ url: `${APP}/a`, requestHeaders: tokenHeader(CURRENT.token) })]);
    s.add([req({ url: `${APP}/b` })]);
    s.add([req({ url: `${APP}/c`, requestHeaders: tokenHeader(EARLIER.token) })]);
    expect(s.counts).toEqual({
      carries: 0,
      stale: 1,
      foreign: 0,
      missing: 1,
      blocked: 0,
      'outside-scope': 0,
      'not-expected': 0,
    });
  });

  it('refuses a nonsensical cap', () => {
    expect(() => new AuditStore({ cap: 0 })).toThrow('audit cap must be a positive integer, got 0');
  });
});

describe('AuditStore verdicts over time', () => {
  it('re-judges a refused request when its preflight arrives after it', () => {
    const s = new AuditStore({ tokens: TOKENS });
    const r = refused(`${API}/api/cart`);
    s.add([r]);
    expect(s.at(0)?.result.verdict).toBe('blocked');
    expect(s.at(0)?.result.reason).toContain('no CORS preflight for it was captured');
    s.add([preflight(`${API}/api/cart`, 'content-type', { started: '2025-11-26T13:57:00.004Z' })]);
    expect(s.at(0)?.result.reason).toBe(
      'the preflight to http://127.0.0.1:4001 answered Access-Control-Allow-Headers: content-type',
    );
    expect(s.at(1)?.result.verdict).toBe('not-expected');
    expect(s.counts.blocked).toBe(1);
  });

  it('a refused request without the header turns blocked once its preflight shows what it asked for', () => {
    const s = new AuditStore({ tokens: TOKENS, settings: { ...DEFAULT_SCOPE_SETTINGS, extraOrigins: [API] } });
    s.add([refused(`${API}/api/cart`, { requestHeaders: [] })]);
    expect(s.at(0)?.result.verdict).toBe('missing');
    s.add([preflight(`${API}/api/cart`, 'content-type')]);
    expect(s.at(0)?.result.verdict).toBe('blocked');
    expect(s.counts).toMatchObject({ missing: 0, blocked: 1, 'not-expected': 1 });
  });

  it('a new token turns carrying requests stale, only re-judging those with a header', () => {
    const s = new AuditStore({ tokens: { current: CURRENT, earlier: [] } });
    s.add([req({ url: `${APP}/a`, requestHeaders: tokenHeader(CURRENT.token) }), req({ url: `${APP}/b` })]);
    const missingResult = s.at(1)?.result;
    const NEXT = { token: 'k1k1k1k1k1k1.0.lrrz0000.9XyZ8wVu7tSr6qPn5mKj4hGf', sessionId: '1', since: 1 };
    s.setTokens({ current: NEXT, earlier: [{ ...CURRENT, until: 1 }] });
    expect(s.at(0)?.result.verdict).toBe('stale');
    expect(s.at(1)?.result).toBe(missingResult);
    expect(s.counts).toMatchObject({ carries: 0, stale: 1, missing: 1 });
  });

  it('new settings re-judge everything', () => {
    const s = new AuditStore({ tokens: TOKENS });
    s.add([req({ url: `${API}/api/x` })]);
    expect(s.at(0)?.result.verdict).toBe('not-expected');
    s.setSettings({ ...DEFAULT_SCOPE_SETTINGS, extraOrigins: ['http://127.0.0.1:4001'] });
    expect(s.at(0)?.result.verdict).toBe('missing');
    expect(s.counts).toMatchObject({ missing: 1, 'not-expected': 0 });
  });

  it('ingest points learned later move the proxy traffic out of scope', () => {
    const s = new AuditStore({ tokens: TOKENS });
    s.add([req({ url: `${APP}/or/collect` })]);
    s.setIngestUrls([`${APP}/or/`]);
    expect(s.at(0)?.result.verdict).toBe('not-expected');
  });
});

describe('AuditStore clearing', () => {
  it('navigation clears unless the log is preserved; clear also resets dropped', () => {
    const s = new AuditStore({ cap: 1 });
    s.add([req({ url: `${APP}/a` }), req({ url: `${APP}/b` })]);
    s.onNavigate(true);
    expect(s.size).toBe(1);
    expect(s.dropped).toBe(1);
    s.onNavigate(false);
    expect(s.size).toBe(0);
    expect(s.dropped).toBe(0);
    expect(s.counts.missing).toBe(0);
  });

  it('notifies subscribers and bumps the version on every change', () => {
    const s = new AuditStore();
    let calls = 0;
    const off = s.subscribe(() => calls++);
    const v0 = s.version;
    s.add([req({ url: `${APP}/a` })]);
    s.clear();
    off();
    s.add([req({ url: `${APP}/b` })]);
    expect(calls).toBe(2);
    expect(s.version).toBe(v0 + 3);
  });

  it('forgets dropped preflights so they pair with nothing', () => {
    const s = new AuditStore({ cap: 1, tokens: TOKENS });
    s.add([preflight(`${API}/api/cart`, 'content-type')]);
    s.add([refused(`${API}/api/cart`)]);
    expect(s.context.preflights.size).toBe(0);
    expect(s.at(0)?.result.reason).toContain('no CORS preflight for it was captured');
  });
});
