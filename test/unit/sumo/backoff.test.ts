import { describe, expect, it } from 'vitest';
import { fullJitterDelay, parseRetryAfter, retryDelay } from '../../../src/sumo/backoff.ts';

describe('backoff', () => {
  it('draws full jitter below an exponentially growing ceiling', () => {
    const opts = { baseMs: 1000, maxMs: 30_000 };
    expect(fullJitterDelay(0, { ...opts, random: () => 0.5 })).toBe(500);
    expect(fullJitterDelay(3, { ...opts, random: () => 0.5 })).toBe(4000);
    expect(fullJitterDelay(10, { ...opts, random: () => 0.999 })).toBe(29_970);
    expect(fullJitterDelay(4, { ...opts, random: () => 0 })).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter('1.5', 0)).toBe(1500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', Date.UTC(2026, 0, 1, 0, 0, 0))).toBe(10_000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });

  it('never waits less than Retry-After', () => {
    const opts = { baseMs: 1000, maxMs: 30_000, random: () => 0.1 };
    expect(retryDelay(0, opts, 5000)).toBe(5000);
    expect(retryDelay(5, opts, 1000)).toBe(3000);
    expect(retryDelay(0, opts)).toBe(100);
  });
});
