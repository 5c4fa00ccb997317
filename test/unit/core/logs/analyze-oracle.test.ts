import { describe, expect, it } from 'vitest';
import { analyzeMessages } from '../../../support/analyze-messages.ts';
import { PYTHON_TRACE, TAG, TOKEN, msg } from './fixtures.ts';

describe('analyzeMessages', () => {
  it('re-checks, merges, classifies and groups a realistic Python session (newest first)', () => {
    const tb = PYTHON_TRACE.split('\n').filter((l) => l.startsWith('['));
    const chronological = [
      msg(`${TAG} 2026-01-28 13:09:10,100 INFO POST /api/checkout`, 1000),
      msg(`${TAG} 2026-01-28 13:09:10,120 ERROR checkout failed`, 1020),
      ...tb.map((l, i) => msg(l, 1021 + i)),
      msg(`${TAG} 2026-01-28 13:09:12,000 INFO GET /api/cart 200`, 3000),
      msg(`[openreplaysessiontoken=${TOKEN}] ERROR wrong case`, 3100),
      msg(`[openReplaySessionToken=${TOKEN.slice(0, 20)}] ERROR cut token`, 3200),
      msg(`[openReplaySessionToken=${TOKEN}-2] ERROR other`, 3300),
      ...tb.map((l, i) => msg(l, 9000 + i, { _sourcehost: 'web-2' })),
    ];
    const analysis = analyzeMessages([...chronological].reverse(), {
      tags: [{ tagName: 'openReplaySessionToken', value: TOKEN }],
    });
    expect(analysis.droppedCaseOnly).toBe(1);
    expect(analysis.droppedNoMatch).toBe(2);
    expect(analysis.tagIssues).toEqual([
      { issue: 'extended-token', example: `${TOKEN}-2`, count: 1 },
      { issue: 'truncated-token', example: TOKEN.slice(0, 20), count: 1 },
      { issue: 'wrong-case-name', example: 'openreplaysessiontoken', count: 1 },
    ]);
    expect(analysis.entries.map((e) => [e.parts, e.classification.isError])).toEqual([
      [4, true],
      [1, false],
      [5, true],
      [1, false],
    ]);
    expect(analysis.groups).toHaveLength(1);
    expect(analysis.groups[0]).toMatchObject({
      headline: 'ZeroDivisionError: division by zero',
      count: 2,
      firstSeen: 1020,
      lastSeen: 9000,
    });
    expect(analysis.groups[0]?.sources.map((s) => s.host)).toEqual(['web-2', 'web-1']);
  });
});
