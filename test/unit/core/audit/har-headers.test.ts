import { describe, expect, it } from 'vitest';
import { CUT_MARK, detachedPrefix, fromHarEntry, HAR_LIMITS } from '../../../../src/core/audit/har.ts';

const PAGE = 'http://127.0.0.1:4000/';

function entry(headers: Array<{ name: string; value: string }>) {
  return {
    request: { url: 'http://127.0.0.1:4001/api', method: 'GET', headers },
    response: { status: 200, headers: [] },
  };
}

describe('captured header values', () => {
  it('are cut at the cap and marked as cut', () => {
    const r = fromHarEntry(entry([{ name: 'Cookie', value: 'c'.repeat(50_000) }]), PAGE);
    expect(r?.requestHeaders[0]).toEqual(['Cookie', 'c'.repeat(HAR_LIMITS.maxHeaderValueLength) + CUT_MARK]);
  });

  it('keep a value that fits exactly as sent, unmarked', () => {
    const value = 'v'.repeat(HAR_LIMITS.maxHeaderValueLength);
    expect(fromHarEntry(entry([{ name: 'X', value }]), PAGE)?.requestHeaders[0]).toEqual(['X', value]);
  });

  it('beyond the per-request budget keep only short names and values (a session token still fits)', () => {
    const big = Array.from({ length: 10 }, (_, i) => ({ name: `X-Big-${i}`, value: 'b'.repeat(5000) }));
    const token = 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
    const r = fromHarEntry(entry([...big, { name: 'X-OpenReplay-SessionToken', value: token }]), PAGE);
    const headers = r?.requestHeaders ?? [];
    expect(headers[9]).toEqual(['X-Big-9', 'b'.repeat(HAR_LIMITS.shortHeaderValue) + CUT_MARK]);
    expect(headers[10]).toEqual(['X-OpenReplay-SessionToken', token]);
    const total = headers.reduce((n, [k, v]) => n + k.length + v.length, 0);
    expect(total).toBeLessThanOrEqual(
      HAR_LIMITS.headerBudget +
        10 * (HAR_LIMITS.maxHeaderNameLength + HAR_LIMITS.maxHeaderValueLength + CUT_MARK.length),
    );
  });

  it('detachedPrefix copies the prefix it returns', () => {
    const source = 'ab'.repeat(10_000);
    const copy = detachedPrefix(source, 100);
    expect(copy).toBe(source.slice(0, 100));
    expect(detachedPrefix('short', 100)).toBe('short');
  });
});
