// Time ↔ pixels for the timeline, tick steps, zoom and lane packing. Pure: no DOM.

import { formatTime } from '../time-format.ts';

export interface Range {
  from: number;
  to: number;
}

export const MIN_SPAN_MS = 20;

const STEPS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
  900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000,
];

/** A round tick step giving about one label per `minPx` pixels. */
export function tickStep(span: number, widthPx: number, minPx = 90): number {
  const wanted = (span / Math.max(1, widthPx)) * minPx;
  return STEPS.find((s) => s >= wanted) ?? STEPS[STEPS.length - 1] ?? 86_400_000;
}

export function ticks(range: Range, widthPx: number): { step: number; times: number[] } {
  const step = tickStep(range.to - range.from, widthPx);
  const times: number[] = [];
  for (let t = Math.ceil(range.from / step) * step; t <= range.to && times.length < 200; t += step) times.push(t);
  return { step, times };
}

/** Local wall-clock label; milliseconds only when the step needs them. */
export function tickLabel(t: number, step: number): string {
  return formatTime(t, step < 1000 ? 'clock' : 'seconds');
}

/** The range of everything shown, padded so marks at the edges are not cut. */
export function fullRange(times: readonly number[]): Range | null {
  if (times.length === 0) return null;
  let from = Infinity;
  let to = -Infinity;
  for (const t of times) {
    if (t < from) from = t;
    if (t > to) to = t;
  }
  // A few clicks within a second should spread across the width, not sit in one corner.
  const span = Math.max(to - from, 250);
  const padMs = span * 0.05;
  return { from: from - padMs, to: from + span + padMs };
}

/** Zoom by `factor` (> 1 zooms in) around `at`, kept inside `bounds`. */
export function zoom(view: Range, factor: number, at: number, bounds: Range): Range {
  const span = view.to - view.from;
  const boundSpan = bounds.to - bounds.from;
  const next = Math.min(boundSpan, Math.max(MIN_SPAN_MS, span / factor));
  const ratio = span === 0 ? 0.5 : (at - view.from) / span;
  return clampRange({ from: at - ratio * next, to: at - ratio * next + next }, bounds);
}

export function pan(view: Range, fraction: number, bounds: Range): Range {
  const shift = (view.to - view.from) * fraction;
  return clampRange({ from: view.from + shift, to: view.to + shift }, bounds);
}

export function clampRange(view: Range, bounds: Range): Range {
  const span = Math.min(view.to - view.from, bounds.to - bounds.from);
  let from = Math.max(bounds.from, Math.min(view.from, bounds.to - span));
  if (!Number.isFinite(from)) from = bounds.from;
  return { from, to: from + span };
}

export interface Scale {
  x(t: number): number;
  t(x: number): number;
}

export function scale(view: Range, left: number, width: number): Scale {
  const span = Math.max(1, view.to - view.from);
  return {
    x: (t) => left + ((t - view.from) / span) * width,
    t: (x) => view.from + ((x - left) / width) * span,
  };
}

/**
 * Greedy lanes so overlapping requests stack instead of hiding each other. Input sorted by x;
 * returns each item's lane (the least busy lane once all `maxLanes` are taken).
 */
export function packLanes(items: ReadonlyArray<{ x0: number; x1: number }>, maxLanes: number, gapPx = 2): number[] {
  const ends: number[] = [];
  return items.map(({ x0, x1 }) => {
    let lane = ends.findIndex((end) => end + gapPx <= x0);
    if (lane === -1) {
      if (ends.length < maxLanes) lane = ends.length;
      else lane = ends.indexOf(Math.min(...ends));
    }
    ends[lane] = Math.max(ends[lane] ?? -Infinity, x1);
    return lane;
  });
}
