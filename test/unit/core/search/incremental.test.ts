import { describe, expect, it } from 'vitest';
import { analyzeMessages } from '../../../support/analyze-messages.ts';
import { IncrementalAnalysis } from '../../../../src/core/search/incremental.ts';
import { JAVA_TRACE, NODE_TRACE, PYTHON_TRACE, TAG, TOKEN, msg } from '../logs/fixtures.ts';

const TAGS = [{ tagName: 'openReplaySessionToken', value: TOKEN }];

function session(): Record<string, string>[] {
  const tb = PYTHON_TRACE.split('\n').filter((l) => l.startsWith('['));
  const chronological = [
    msg(`${TAG} 2026-01-28 13:09:10,100 INFO POST /api/checkout`, 1000),
    msg(`${TAG} 2026-01-28 13:09:10,120 ERROR checkout failed`, 1020),
    ...tb.map((l, i) => msg(l, 1021 + i)),
    msg(`${TAG} 2026-01-28 13:09:12,000 INFO GET /api/cart 200`, 3000),
    msg(`[openreplaysessiontoken=${TOKEN}] ERROR wrong case`, 3100),
    msg(`[openReplaySessionToken=${TOKEN.slice(0, 20)}] ERROR cut token`, 3200),
    msg(JAVA_TRACE, 4000),
    msg(NODE_TRACE, 5000),
    msg(JAVA_TRACE, 6000, { _sourcehost: 'web-3' }),
    msg(`[openReplaySessionToken=${TOKEN}-2] ERROR other`, 3300),
    ...tb.map((l, i) => msg(l, 9000 + i, { _sourcehost: 'web-2' })),
  ];
  return chronological.reverse();
}

describe('IncrementalAnalysis', () => {
  it('gives exactly what analyzeMessages gives, wherever the pages split', () => {
    const all = session();
    for (let split = 0; split <= all.length; split++) {
      const incremental = new IncrementalAnalysis(TAGS);
      const received: Record<string, string>[] = [];
      received.push(...all.slice(0, split));
      expect(incremental.update([...received])).toEqual(analyzeMessages(received, { tags: TAGS }));
      received.push(...all.slice(split));
      expect(incremental.update([...received])).toEqual(analyzeMessages(all, { tags: TAGS }));
    }
  });

  it('also in three pages, with the counts a user sees', () => {
    const all = session();
    const incremental = new IncrementalAnalysis(TAGS);
    incremental.update(all.slice(0, 3));
    incremental.update(all.slice(0, 9));
    const result = incremental.update(all);
    expect(result.droppedCaseOnly).toBe(1);
    expect(result.droppedNoMatch).toBe(2);
    expect(result.groups.map((g) => [g.headline, g.count])).toEqual([
      ['ZeroDivisionError: division by zero', 2],
      ['java.lang.IllegalStateException: Order 1234 has no items', 2],
      ["TypeError: Cannot read properties of undefined (reading 'id')", 1],
    ]);
  });

  it('returns the same object while the length stays the same (memoized for re-renders)', () => {
    const all = session();
    const incremental = new IncrementalAnalysis(TAGS);
    const first = incremental.update(all);
    expect(incremental.update(all)).toBe(first);
    expect(incremental.update([...all])).toBe(first);
  });

  it('starts over for a different list', () => {
    const all = session();
    const incremental = new IncrementalAnalysis(TAGS);
    incremental.update(all);
    const other = [msg(`${TAG} ERROR only one`, 50)];
    const result = incremental.update(other);
    expect(result).toEqual(analyzeMessages(other, { tags: TAGS }));
    expect(result.entries).toHaveLength(1);
    expect(result.droppedNoMatch).toBe(0);
  });
});
