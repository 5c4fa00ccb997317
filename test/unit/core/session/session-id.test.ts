import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FLAKE_EPOCH_MS,
  START_FUTURE_TOLERANCE_MS,
  decodeSessionStart,
  flakeStartMs,
  makeFlakeId,
  sessionIdToBase36,
  sessionStartOf,
} from '../../../../src/core/session/session-id.ts';
import { agoText, knownStartMs, startText, utcText } from '../../../../src/core/session/session-start.ts';
import { decodeToken } from '../../../../src/core/session/token.ts';

// The public example token (an OpenReplay bug report) and its session id.
const REAL = 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
const REAL_ID = 2618307011354435587n;
const NOW = Date.UTC(2026, 10, 28, 10, 0, 0);
const UINT64_MAX = (1n << 64n) - 1n;

describe('flakeid decode', () => {
  it('gives the public example its exact start: 2 h before its token expires', () => {
    expect(flakeStartMs(REAL_ID)).toBe(1706063259324);
    expect(new Date(flakeStartMs(REAL_ID)).toISOString()).toBe('2024-01-24T02:27:39.324Z');
    expect(decodeToken(REAL).expiresAt - flakeStartMs(REAL_ID)).toBe(2 * 60 * 60 * 1000);
    expect(decodeSessionStart(REAL_ID, NOW)).toEqual({ plausible: true, startMs: 1706063259324 });
    expect(sessionStartOf('2618307011354435587', NOW)).toEqual({ plausible: true, startMs: 1706063259324 });
  });

  it('writes the id in base 36 exactly as the token starts', () => {
    expect(sessionIdToBase36(REAL_ID)).toBe('jw4wdfpgqhoj');
    expect(REAL.startsWith(`${sessionIdToBase36(REAL_ID)}.`)).toBe(true);
  });

  it('shard and sequence bits do not move the start', () => {
    const start = 1706063259324;
    expect(flakeStartMs(makeFlakeId(start, 0, 0))).toBe(start);
    expect(flakeStartMs(makeFlakeId(start, 0xffff, 0xff))).toBe(start);
    expect(makeFlakeId(start, 0xffff, 0xff) - makeFlakeId(start, 0, 0)).toBe((1n << 24n) - 1n);
  });

  it('ids at the edges', () => {
    // Time part zero: not made by the generator.
    for (const id of [0n, 1n, (1n << 24n) - 1n]) {
      const start = decodeSessionStart(id, NOW);
      expect(start.plausible).toBe(false);
      expect(start.startMs).toBe(FLAKE_EPOCH_MS);
      expect(startText(start, NOW)).toBe(
        'no plausible start time: this id does not encode a start time (it decodes to the flakeid epoch, 2019-02-12, before any OpenReplay session)',
      );
    }
    // The first id with a time: 1 ms after the epoch.
    expect(decodeSessionStart(1n << 24n, NOW)).toEqual({ plausible: true, startMs: FLAKE_EPOCH_MS + 1 });
    // The largest uint64: far in the future.
    const max = decodeSessionStart(UINT64_MAX, NOW);
    expect(max).toEqual({
      plausible: false,
      startMs: FLAKE_EPOCH_MS + 2 ** 40 - 1,
      reason: 'this id decodes to 2053-12-16, in the future',
    });
    // Right at the clock-skew tolerance, and one ms past it.
    const edge = NOW + START_FUTURE_TOLERANCE_MS;
    expect(decodeSessionStart(makeFlakeId(edge, 3, 4), NOW)).toEqual({ plausible: true, startMs: edge });
    expect(decodeSessionStart(makeFlakeId(edge + 1, 3, 4), NOW).plausible).toBe(false);
    expect(sessionStartOf('not an id', NOW)).toBeNull();
  });

  it('round-trips every start, shard and sequence (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: FLAKE_EPOCH_MS, max: FLAKE_EPOCH_MS + 2 ** 40 - 1 }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 0xff }),
        (start, shard, seq) => flakeStartMs(makeFlakeId(start, shard, seq)) === start,
      ),
    );
  });

  it('decodes any uint64 to a whole ms no earlier than the epoch (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: UINT64_MAX }), (id) => {
        const start = decodeSessionStart(id, NOW);
        return (
          Number.isSafeInteger(start.startMs) &&
          start.startMs >= FLAKE_EPOCH_MS &&
          (start.plausible || start.reason.length > 0)
        );
      }),
    );
  });

  it('refuses to build ids outside the layout', () => {
    expect(() => makeFlakeId(FLAKE_EPOCH_MS - 1, 0, 0)).toThrow(RangeError);
    expect(() => makeFlakeId(FLAKE_EPOCH_MS, 0x10000, 0)).toThrow(RangeError);
    expect(() => makeFlakeId(FLAKE_EPOCH_MS, 0, 256)).toThrow(RangeError);
  });
});

describe('start text', () => {
  it('says when in UTC and how long ago', () => {
    const start = Date.UTC(2026, 10, 27, 14, 2, 11, 500);
    expect(startText({ plausible: true, startMs: start }, NOW)).toBe('started 2026-11-27 14:02:11 UTC, 19 h ago');
    expect(startText({ plausible: true, startMs: start }, start + 26 * 3600_000)).toBe(
      'started 2026-11-27 14:02:11 UTC, 1 day ago',
    );
    expect(utcText(1706063259324)).toBe('2024-01-24 02:27:39 UTC');
    expect(agoText(NOW - 30_000, NOW)).toBe('just now');
    expect(agoText(NOW - 12 * 60_000, NOW)).toBe('12 min ago');
    expect(agoText(NOW - 3 * 86_400_000, NOW)).toBe('3 days ago');
    expect(agoText(NOW + 10 * 60_000, NOW)).toBe('in the future');
  });
});

describe('knownStartMs', () => {
  it("prefers the ingest's start, else the id's, else none", () => {
    expect(knownStartMs({ sessionId: '2618307011354435587', startTimestamp: 5 }, NOW)).toBe(5);
    expect(knownStartMs({ sessionId: '2618307011354435587' }, NOW)).toBe(1706063259324);
    expect(knownStartMs({ sessionId: '7' }, NOW)).toBeUndefined();
    expect(knownStartMs({ sessionId: 'x' }, NOW)).toBeUndefined();
  });
});
