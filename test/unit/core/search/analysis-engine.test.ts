import { describe, expect, it } from 'vitest';
import { analyzeMessages } from '../../../support/analyze-messages.ts';
import { AnalysisEngine } from '../../../../src/core/search/analysis-engine.ts';
import { AnalysisMirror } from '../../../../src/core/search/analysis-mirror.ts';
import { JAVA_TRACE, NODE_TRACE, PYTHON_TRACE, TAG, TOKEN, msg } from '../logs/fixtures.ts';

const TAGS = [{ tagName: 'openReplaySessionToken', value: TOKEN }];

/** Newest first, as Sumo pages; one message logged out of order, and a trace sent line by line. */
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

function inPages(all: Record<string, string>[], cuts: number[]) {
  const engine = new AnalysisEngine(TAGS);
  const mirror = new AnalysisMirror();
  const received: Record<string, string>[] = [];
  let last = 0;
  const keeps: number[] = [];
  let result = null;
  for (const cut of [...cuts, all.length]) {
    const page = all.slice(last, cut);
    last = cut;
    received.push(...page);
    const delta = engine.append(page);
    keeps.push(delta.keep);
    result = mirror.apply(delta, received);
  }
  return { result, keeps };
}

describe('AnalysisEngine + AnalysisMirror (the Worker analysis and the panel side)', () => {
  it('give exactly what analyzeMessages gives, wherever the pages split', () => {
    const all = session();
    for (let split = 0; split <= all.length; split++) {
      expect(inPages(all, [split]).result).toEqual(analyzeMessages(all, { tags: TAGS }));
    }
  });

  it('also in many pages of one message', () => {
    const all = session();
    expect(
      inPages(
        all,
        all.map((_, i) => i),
      ).result,
    ).toEqual(analyzeMessages(all, { tags: TAGS }));
  });

  it('never parses earlier pages again: only the trace that straddles a page boundary is redone', () => {
    // Strictly newest first: a Python trace whose lines arrive in two pages.
    const tb = PYTHON_TRACE.split('\n').filter((l) => l.startsWith('['));
    const chronological = [
      msg(`${TAG} INFO one`, 1000),
      msg(`${TAG} ERROR checkout failed`, 1020),
      ...tb.map((l, i) => msg(l, 1021 + i)),
      msg(`${TAG} INFO two`, 3000),
      msg(`${TAG} INFO three`, 4000),
    ];
    const all = chronological.reverse();
    const split = 5; // inside the trace
    const { result, keeps } = inPages(all, [split]);
    expect(result).toEqual(analyzeMessages(all, { tags: TAGS }));
    // The first page gave "three", "two" and the trace's tail; the second keeps the first two.
    expect(keeps).toEqual([0, 2]);
  });
});
