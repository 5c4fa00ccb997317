import { describe, expect, it } from 'vitest';
import { AuditStore } from '../../../../src/core/audit/audit-store.ts';
import { TimeIndex } from '../../../../src/core/audit/time-index.ts';
import { API, preflight, refused, TOKENS } from './fixtures.ts';

describe('TimeIndex', () => {
  it('keeps each key in time order whatever the arrival order', () => {
    const idx = new TimeIndex<{ t: number; n: string }>((x) => x.t);
    const items = [
      { t: 50, n: 'a' },
      { t: 10, n: 'b' },
      { t: 30, n: 'c' },
      { t: 30, n: 'd' },
      { t: 70, n: 'e' },
    ];
    for (const x of items) idx.add('k', x);
    idx.add('other', { t: 30, n: 'z' });
    expect(idx.within('k', 30, 20).map((x) => x.n)).toEqual(['b', 'c', 'd', 'a']);
    expect(idx.nearest('k', 62, 100)?.n).toBe('e');
    expect(idx.nearest('k', 12, 1)).toBeUndefined();
    expect(idx.remove('k', items[3] as { t: number; n: string })).toBe(true);
    expect(idx.remove('k', { t: 30, n: 'c' })).toBe(false);
    expect(idx.within('k', 30, 0).map((x) => x.n)).toEqual(['c']);
    expect(idx.size).toBe(5);
    expect(idx.within('missing', 0, 1e9)).toEqual([]);
  });
});

describe('a polled endpoint refused by CORS every time', () => {
  it('pairs each refused request with its own preflight', () => {
    const s = new AuditStore({ tokens: TOKENS });
    const base = Date.parse('2025-11-26T13:57:00.000Z');
    const at = (ms: number) => new Date(base + ms).toISOString();
    // Every 30 s a poll; the server's answer changes at the third one. Preflights arrive after their requests.
    for (let i = 0; i < 4; i++) {
      s.add([refused(`${API}/api/poll`, { started: at(i * 30_000) })]);
      s.add([
        preflight(`${API}/api/poll`, i < 2 ? 'content-type' : 'content-type, authorization', {
          started: at(i * 30_000 + 2),
        }),
      ]);
    }
    const reasons = s
      .toArray()
      .filter((e) => e.result.verdict === 'blocked')
      .map((e) => e.result.reason);
    expect(reasons).toEqual([
      'the preflight to http://127.0.0.1:4001 answered Access-Control-Allow-Headers: content-type',
      'the preflight to http://127.0.0.1:4001 answered Access-Control-Allow-Headers: content-type',
      'the preflight to http://127.0.0.1:4001 answered Access-Control-Allow-Headers: content-type, authorization',
      'the preflight to http://127.0.0.1:4001 answered Access-Control-Allow-Headers: content-type, authorization',
    ]);
  });
});
