import { describe, expect, it } from 'vitest';
import { linkErrors } from '../../../../src/core/linking/link.ts';
import { logKey } from '../../../../src/core/linking/selection.ts';
import {
  layoutTimeline,
  MAX_FOCUSABLE,
  MAX_MARKS,
  timelineBounds,
  timelineRequests,
} from '../../../../src/core/timeline/layout.ts';
import { formatTime } from '../../../../src/core/time-format.ts';
import { entry, T0, tag, TOKEN } from '../linking/fixtures.ts';
import { logEntry } from './fixtures.ts';

// 1090 px wide leaves a 1000 px plot (78 px of lane labels, 12 px margin) and 1000 ms are shown:
// one pixel per millisecond, x = 78 + (t - T0).
const WIDTH = 1090;
const SHOWN = { from: T0, to: T0 + 1000 };

const log = logEntry;

const requests = timelineRequests(
  [
    entry({ id: 'late', path: '/img/logo.png', at: 500, ms: 0 }),
    entry({ id: 'users', path: '/api/users/42', at: 0, ms: 130 }),
    entry({ id: 'checkout', method: 'POST', path: '/api/checkout', at: 50, ms: 100, status: 500 }),
    entry({ id: 'asset', path: '/app.css', at: 700, verdict: 'not-expected' }),
  ],
  false,
);
const checkoutError = log(`ERROR ${tag()} POST /api/checkout failed: declined`, 120, 'e1');
const usersError = log(`ERROR ${tag()} GET /api/users/42 failed: timeout`, 125, 'e2');
const info = log(`INFO ${tag()} GET /api/health 200`, 600, 'i1');
const logs = [info, usersError, checkoutError];
const links = linkErrors(requests, logs, { token: TOKEN, skewMs: 0 });

describe('timelineRequests and timelineBounds', () => {
  it('sorts by start and leaves out "not expected" requests unless asked', () => {
    expect(requests.map((e) => e.req.id)).toEqual(['users', 'checkout', 'late']);
    expect(
      timelineRequests(requests.concat(entry({ id: 'x', path: '/a', at: 1, verdict: 'not-expected' })), true).map(
        (e) => e.req.id,
      ),
    ).toEqual(['users', 'x', 'checkout', 'late']);
  });

  it('spans every request and timed line, padded by 5% on each side', () => {
    // Requests 0..500, lines 120..600: 600 ms, padded by 30 ms.
    expect(timelineBounds(requests, logs)).toEqual({ from: T0 - 30, to: T0 + 630 });
    expect(timelineBounds([], [])).toBeNull();
  });
});

describe('layoutTimeline', () => {
  const lay = layoutTimeline({ requests, logs, links, selection: null, shown: SHOWN, width: WIDTH });

  it('packs overlapping requests into lanes and gives a too-short request a 3 px mark', () => {
    expect(lay.requests.map((m) => [m.entry.req.id, m.x, m.y, m.width, m.lane])).toEqual([
      ['users', 78, 30, 130, 0],
      ['checkout', 128, 45, 100, 1],
      ['late', 578, 30, 3, 0],
    ]);
    expect(lay.requests.map((m) => m.tipAt)).toEqual([
      { x: 212, y: 62 },
      { x: 232, y: 77 },
      { x: 585, y: 62 },
    ]);
  });

  it('puts plain lines on the backend baseline and stacks errors close in time in rows', () => {
    // Two request lanes: the backend lane starts at 30 + 2 × 15 + 10 = 70, its baseline at 82.5.
    expect(lay.baseline).toEqual({ x1: 78, x2: 1078, y: 82.5 });
    expect(lay.lines.map((m) => [m.key, m.x])).toEqual([['i:i1', 678]]);
    expect(lay.errors.map((m) => [m.key, m.x, m.y, m.row])).toEqual([
      ['i:e1', 198, 82.5, 0],
      ['i:e2', 203, 97.5, 1],
    ]);
    expect(lay.errors[0]?.d).toBe('M198 75.5L204 82.5L198 89.5L192 82.5Z');
    // Two error rows make the backend lane 40 px: 70 + 40 + 6.
    expect(lay.height).toBe(116);
    expect(lay.labels).toEqual({ requestsY: 38, backendY: 86.5 });
    expect(lay.axis).toEqual({ tickY: 14, gridTop: 18, gridBottom: 112 });
  });

  it('attaches each error its link, and counts the errors naming each request', () => {
    expect(lay.errors.map((m) => m.link?.candidates.map((c) => c.requestId))).toEqual([['checkout'], ['users']]);
    expect(lay.requests.map((m) => m.linkedErrors)).toEqual([1, 1, 0]);
  });

  it('ticks every 100 ms across a 1000 ms range, labelled with milliseconds', () => {
    expect(lay.ticks).toHaveLength(11);
    expect(lay.ticks[3]).toEqual({ t: T0 + 300, x: 378, label: formatTime(T0 + 300, 'clock') });
    expect(lay.rangeText).toBe(`${formatTime(T0, 'clock')} – ${formatTime(T0 + 1000, 'clock')}`);
  });

  it('draws only what the shown range holds', () => {
    const late = layoutTimeline({
      requests,
      logs,
      links,
      selection: null,
      shown: { from: T0 + 400, to: T0 + 650 },
      width: WIDTH,
    });
    expect(late.requests.map((m) => m.entry.req.id)).toEqual(['late']);
    expect(late.lines.map((m) => m.key)).toEqual(['i:i1']);
    expect(late.errors).toEqual([]);
    expect(late.height).toBe(30 + 15 + 10 + 34 + 6);
  });

  it('draws connectors from a selected error to its candidates, and to a selected request from its errors', () => {
    const byError = layoutTimeline({
      requests,
      logs,
      links,
      selection: { kind: 'error', key: logKey(checkoutError) },
      shown: SHOWN,
      width: WIDTH,
    });
    expect(byError.connectors).toEqual([{ from: { x: 198, y: 82.5 }, to: { x: 178, y: 51 }, best: true }]);
    expect(byError.errors.map((m) => m.selected)).toEqual([true, false]);

    const byRequest = layoutTimeline({
      requests,
      logs,
      links,
      selection: { kind: 'request', id: 'users' },
      shown: SHOWN,
      width: WIDTH,
    });
    expect(byRequest.connectors).toEqual([{ from: { x: 203, y: 97.5 }, to: { x: 143, y: 36 }, best: true }]);
    expect(byRequest.requests.map((m) => m.selected)).toEqual([true, false, false]);
    expect(lay.connectors).toEqual([]);
  });

  it(`draws at most ${MAX_MARKS} requests, says how many more there are, and stops making marks focusable`, () => {
    const many = Array.from({ length: MAX_MARKS + 1 }, (_, i) =>
      entry({ id: `r${i}`, path: '/api/x', at: i / 10, ms: 1 }),
    );
    const crowded = layoutTimeline({ requests: many, logs: [], links, selection: null, shown: SHOWN, width: WIDTH });
    expect([crowded.requests.length, crowded.moreRequests, crowded.focusableRequests]).toEqual([MAX_MARKS, 1, false]);
    // Eight lanes at most: the ninth overlapping request shares the least busy one.
    expect(Math.max(...crowded.requests.map((m) => m.lane))).toBe(7);
    expect([lay.focusableRequests, lay.focusableErrors, lay.moreRequests]).toEqual([true, true, 0]);
    expect(MAX_FOCUSABLE).toBe(300);
  });
});
