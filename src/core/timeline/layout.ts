// Where everything in the Timeline's picture goes: requests packed into lanes above, backend lines
// and errors below, the axis, and connectors for the selection. Pure, so the SVG component
// (panel/views/timeline/Timeline.tsx) only draws what this returns and the geometry is tested in
// Node with exact values. The tooltips' text is tooltip.ts; what keys and the wheel do to the
// shown range is navigation.ts.

import type { AuditEntry } from '../audit/types.ts';
import { logTimeOf, requestEnd, type ErrorLink, type Linking } from '../linking/link.ts';
import { logKey, type Selection } from '../linking/selection.ts';
import type { LogEntry } from '../logs/analysis.ts';
import { fullRange, packLanes, scale, tickLabel, ticks, type Range, type Scale } from './scale.ts';

/** Pixel sizes of the picture: the lane labels on the left, the axis on top, lanes, error rows. */
export const GEOMETRY = {
  left: 78,
  right: 12,
  axisH: 22,
  laneH: 12,
  laneGap: 3,
  maxLanes: 8,
  backendH: 34,
  errR: 6,
  errRowH: 15,
  maxErrRows: 4,
  minWidth: 320,
  tipWidth: 260,
} as const;

/** Marks drawn per kind: beyond this the toolbar says how many more a zoom would show. */
export const MAX_MARKS = 2_000;
/** Marks reachable by Tab; past this, a Tab through the picture would never end. */
export const MAX_FOCUSABLE = 300;

const G = GEOMETRY;

export interface Point {
  x: number;
  y: number;
}

export interface RequestMark {
  entry: AuditEntry;
  x: number;
  y: number;
  width: number;
  lane: number;
  selected: boolean;
  /** Backend errors that name this request as a candidate. */
  linkedErrors: number;
  /** Where the tooltip goes when the mark gets keyboard focus. */
  tipAt: Point;
}

export interface LineMark {
  log: LogEntry;
  key: string;
  x: number;
}

export interface ErrorMark {
  log: LogEntry;
  key: string;
  x: number;
  y: number;
  row: number;
  /** The diamond's SVG path. */
  d: string;
  selected: boolean;
  link: ErrorLink<LogEntry> | undefined;
  tipAt: Point;
}

export interface Connector {
  from: Point;
  to: Point;
  /** The error's best candidate (drawn stronger). */
  best: boolean;
}

export interface TimelineLayout {
  width: number;
  height: number;
  scale: Scale;
  ticks: Array<{ t: number; x: number; label: string }>;
  /** "13:04:05 – 13:04:20", in the ticks' precision. */
  rangeText: string;
  axis: { tickY: number; gridTop: number; gridBottom: number };
  /** Baselines of the "Requests" and "Backend" labels. */
  labels: { requestsY: number; backendY: number };
  /** The backend lane's line, where plain log lines and the first row of errors sit. */
  baseline: { x1: number; x2: number; y: number };
  requests: RequestMark[];
  /** Requests inside the shown range that were not drawn (over MAX_MARKS). */
  moreRequests: number;
  lines: LineMark[];
  errors: ErrorMark[];
  connectors: Connector[];
  focusableRequests: boolean;
  focusableErrors: boolean;
}

export interface TimelineInput {
  /** From timelineRequests: filtered and sorted by start. */
  requests: readonly AuditEntry[];
  logs: readonly LogEntry[];
  links: Linking<LogEntry>;
  selection: Selection | null;
  shown: Range;
  width: number;
}

/** The requests the Timeline draws, by start time; "not expected" ones only when asked. */
export function timelineRequests(entries: readonly AuditEntry[], showNotExpected: boolean): AuditEntry[] {
  return entries
    .filter((e) => showNotExpected || e.result.verdict !== 'not-expected')
    .sort((a, b) => a.req.startedAt - b.req.startedAt);
}

/** Everything there is to show, padded; null when there is nothing to draw. */
export function timelineBounds(requests: readonly AuditEntry[], logs: readonly LogEntry[]): Range | null {
  const times: number[] = [];
  for (const e of requests) times.push(e.req.startedAt, requestEnd(e.req));
  for (const l of logs) {
    const t = logTimeOf(l);
    if (t !== undefined) times.push(t);
  }
  return fullRange(times);
}

export function plotWidth(width: number): number {
  return width - G.left - G.right;
}

export function layoutTimeline({ requests, logs, links, selection, shown, width }: TimelineInput): TimelineLayout {
  const plotW = plotWidth(width);
  const sc = scale(shown, G.left, plotW);

  const visible = requests.filter((e) => requestEnd(e.req) >= shown.from && e.req.startedAt <= shown.to);
  const drawn = visible.slice(0, MAX_MARKS);
  const spans = drawn.map((e) => {
    const x0 = sc.x(e.req.startedAt);
    // A request too short to see still gets a mark one can point at.
    return { x0, x1: Math.max(x0 + 3, sc.x(requestEnd(e.req))) };
  });
  const lanes = packLanes(spans, G.maxLanes);
  const laneCount = Math.max(1, ...lanes.map((l) => l + 1));
  const reqTop = G.axisH + 8;
  const backTop = reqTop + laneCount * (G.laneH + G.laneGap) + 10;

  const inShown = logs.filter((l) => {
    const t = logTimeOf(l);
    return t !== undefined && t >= shown.from && t <= shown.to;
  });
  const plain = inShown.filter((l) => !l.classification.isError).slice(0, MAX_MARKS);
  const errorLogs = inShown
    .filter((l) => l.classification.isError)
    .slice(0, MAX_MARKS)
    .sort((a, b) => (logTimeOf(a) ?? 0) - (logTimeOf(b) ?? 0));
  // Errors close in time would hide each other: close ones stack in rows, like the requests.
  const errX = errorLogs.map((l) => sc.x(logTimeOf(l) ?? 0));
  const errRows = packLanes(
    errX.map((x) => ({ x0: x - G.errR, x1: x + G.errR })),
    G.maxErrRows,
    1,
  );
  const errRowCount = Math.max(1, ...errRows.map((r) => r + 1));
  const height = backTop + Math.max(G.backendH, errRowCount * G.errRowH + 10) + 6;
  const backMid = backTop + G.errRowH / 2 + 5;

  const requestMarks = drawn.map((entry, i): RequestMark => {
    const s = spans[i] as { x0: number; x1: number };
    const lane = lanes[i] ?? 0;
    const y = reqTop + lane * (G.laneH + G.laneGap);
    return {
      entry,
      x: s.x0,
      y,
      width: s.x1 - s.x0,
      lane,
      selected: selection?.kind === 'request' && selection.id === entry.req.id,
      linkedErrors: links.byRequest.get(entry.req.id)?.length ?? 0,
      tipAt: { x: s.x1 + 4, y: y + G.laneH + 20 },
    };
  });

  const linkByLog = new Map(links.errors.map((l) => [l.log, l]));
  const r = G.errR;
  const errorMarks = errorLogs.map((log, i): ErrorMark => {
    const key = logKey(log);
    const x = errX[i] ?? 0;
    const row = errRows[i] ?? 0;
    const y = backMid + row * G.errRowH;
    return {
      log,
      key,
      x,
      y,
      row,
      d: `M${x} ${y - r - 1}L${x + r} ${y}L${x} ${y + r + 1}L${x - r} ${y}Z`,
      selected: selection?.kind === 'error' && selection.key === key,
      link: linkByLog.get(log),
      tipAt: { x: x + 8, y: y + 24 },
    };
  });

  const tick = ticks(shown, plotW);
  return {
    width,
    height,
    scale: sc,
    ticks: tick.times.map((t) => ({ t, x: sc.x(t), label: tickLabel(t, tick.step) })),
    rangeText: `${tickLabel(shown.from, tick.step)} – ${tickLabel(shown.to, tick.step)}`,
    axis: { tickY: G.axisH - 8, gridTop: G.axisH - 4, gridBottom: height - 4 },
    labels: { requestsY: reqTop + 8, backendY: backMid + 4 },
    baseline: { x1: G.left, x2: width - G.right, y: backMid },
    requests: requestMarks,
    moreRequests: visible.length - drawn.length,
    lines: plain.map((log) => ({ log, key: logKey(log), x: sc.x(logTimeOf(log) ?? 0) })),
    errors: errorMarks,
    connectors: connectorsFor(selection, links, requestMarks, errorMarks),
    focusableRequests: drawn.length <= MAX_FOCUSABLE,
    focusableErrors: errorLogs.length <= MAX_FOCUSABLE,
  };
}

/**
 * Lines from the selected error to each candidate request, or from every error naming the
 * selected request to it; only between marks that are drawn.
 */
export function connectorsFor(
  selection: Selection | null,
  links: Linking<LogEntry>,
  requests: readonly RequestMark[],
  errors: readonly ErrorMark[],
): Connector[] {
  const reqAt = new Map(requests.map((m) => [m.entry.req.id, { x: m.x + m.width / 2, y: m.y + G.laneH / 2 }]));
  const errAt = new Map(errors.map((m) => [m.key, { x: m.x, y: m.y }]));
  const out: Connector[] = [];
  if (selection?.kind === 'error') {
    const from = errAt.get(selection.key);
    const link = links.errors.find((l) => logKey(l.log) === selection.key);
    if (from && link)
      link.candidates.forEach((c, i) => {
        const to = reqAt.get(c.requestId);
        if (to) out.push({ from, to, best: i === 0 });
      });
  } else if (selection?.kind === 'request') {
    const to = reqAt.get(selection.id);
    if (to)
      for (const ref of links.byRequest.get(selection.id) ?? []) {
        const link = links.errors[ref.error];
        const from = link ? errAt.get(logKey(link.log)) : undefined;
        if (from) out.push({ from, to, best: ref.rank === 0 });
      }
  }
  return out;
}
