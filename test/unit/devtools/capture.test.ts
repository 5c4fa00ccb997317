import { describe, expect, it } from 'vitest';
import { CaptureBuffer } from '../../../src/devtools/capture.ts';
import { req } from '../core/audit/fixtures.ts';

const one = req({ url: 'http://127.0.0.1:4001/api/a' });

describe('CaptureBuffer', () => {
  it('keeps the newest `cap` requests and counts the dropped ones, trimming in chunks', () => {
    const buffer = new CaptureBuffer(10);
    for (let i = 0; i < 15; i++) buffer.add({ ...one, id: `r${i}` });
    // Over the cap but not trimmed yet: the panel already treats the oldest 5 as dropped.
    expect(buffer.all()).toHaveLength(15);
    expect(buffer.visibleDropped()).toBe(5);
    expect(buffer.dropped).toBe(0);
    for (let i = 15; i < 1011; i++) buffer.add({ ...one, id: `r${i}` });
    expect(buffer.all().map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => `r${1001 + i}`));
    expect(buffer.dropped).toBe(1001);
    expect(buffer.visibleDropped()).toBe(1001);
  });

  it('hands out a copy, and clear forgets requests and the dropped count', () => {
    const buffer = new CaptureBuffer(10);
    buffer.add(one);
    buffer.all().pop();
    expect(buffer.all()).toHaveLength(1);
    for (let i = 0; i < 1100; i++) buffer.add(one);
    buffer.clear();
    expect(buffer.all()).toEqual([]);
    expect(buffer.visibleDropped()).toBe(0);
  });
});
