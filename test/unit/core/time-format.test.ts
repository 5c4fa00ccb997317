import { describe, expect, it } from 'vitest';
import { formatTime } from '../../../src/core/time-format.ts';

// Local time, built from local parts so the test reads the same in every time zone.
const at = new Date(2026, 10, 26, 13, 4, 5, 33).getTime();

describe('formatTime', () => {
  it('writes one instant in each style', () => {
    expect(formatTime(at, 'clock')).toBe('13:04:05.033');
    expect(formatTime(at, 'seconds')).toBe('13:04:05');
    expect(formatTime(at, 'full')).toBe('2026-11-26 13:04:05.033');
  });

  it("adds the date to a 'recent' time only when it is not today", () => {
    expect(formatTime(at, 'recent', new Date(2026, 10, 26, 23, 59).getTime())).toBe('13:04:05');
    expect(formatTime(at, 'recent', new Date(2026, 10, 27, 0, 1).getTime())).toBe('2026-11-26 13:04:05');
  });

  it('says so for what is not a time, short where columns are narrow', () => {
    expect(formatTime(NaN, 'clock')).toBe('—');
    expect(formatTime(undefined, 'seconds')).toBe('—');
    expect(formatTime(Infinity, 'full')).toBe('unknown time');
    expect(formatTime(8.64e15 + 1, 'recent')).toBe('unknown');
  });
});
