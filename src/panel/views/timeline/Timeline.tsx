import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { inertText } from '../../../core/audit/mask.ts';
import { VERDICT_LABELS, type AuditEntry, type Verdict } from '../../../core/audit/types.ts';
import type { LogEntry } from '../../../core/logs/analysis.ts';
import { logFirstLine } from './text.ts';
import { linkSummary, logTimeOf, requestEnd } from '../../../core/linking/link.ts';
import { logKey, type LinkingModel } from '../../state/linking-model.ts';
import {
  clampRange,
  clockTime,
  fullRange,
  packLanes,
  pan,
  scale,
  ticks,
  tickLabel,
  zoom,
  type Range,
} from './scale.ts';

const LEFT = 78;
const RIGHT = 12;
const AXIS_H = 22;
const LANE_H = 12;
const LANE_GAP = 3;
const MAX_LANES = 8;
const BACKEND_H = 34;
const ERR_R = 6;
const ERR_ROW_H = 15;
const MAX_ERR_ROWS = 4;
const MAX_MARKS = 2_000;
const MAX_FOCUSABLE = 300;

interface Hover {
  x: number;
  y: number;
  lines: string[];
}

interface Props {
  linking: LinkingModel;
  /** Also draw requests that were never expected to carry the token (assets, tracker traffic). */
  showNotExpected: boolean;
}

function firstLine(raw: string): string {
  return logFirstLine(raw, 160);
}

/** A picture of the session: requests by verdict over backend lines, on one zoomable time axis. */
export function Timeline({ linking, showNotExpected }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [view, setView] = useState<Range | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);

  const entries = linking.entries.value;
  const logs = linking.analysis.value?.entries ?? [];
  const links = linking.linking.value;
  const selection = linking.selection.value;

  const requests = useMemo(
    () =>
      entries
        .filter((e) => showNotExpected || e.result.verdict !== 'not-expected')
        .sort((a, b) => a.req.startedAt - b.req.startedAt),
    [entries, showNotExpected],
  );
  const bounds = useMemo(() => {
    const times: number[] = [];
    for (const e of requests) times.push(e.req.startedAt, requestEnd(e.req));
    for (const l of logs) {
      const t = logTimeOf(l);
      if (t !== undefined) times.push(t);
    }
    return fullRange(times);
  }, [requests, logs]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(320, el.clientWidth));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const shown = bounds === null ? null : view === null ? bounds : clampRange(view, bounds);
  const plotW = width - LEFT - RIGHT;
  const sc = shown === null ? null : scale(shown, LEFT, plotW);

  // Wheel zoom needs preventDefault, which Preact's passive-by-default listeners cannot do.
  const wheelState = useRef({ shown, bounds, sc });
  wheelState.current = { shown, bounds, sc };
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const { shown: s, bounds: b, sc: k } = wheelState.current;
      if (!s || !b || !k) return;
      const svg = el.querySelector('svg');
      const left = svg?.getBoundingClientRect().left ?? 0;
      e.preventDefault();
      if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY))
        setView(pan(s, (e.shiftKey ? e.deltaY : e.deltaX) / 500, b));
      else setView(zoom(s, e.deltaY < 0 ? 1.25 : 0.8, k.t(e.clientX - left), b));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  if (bounds === null || shown === null || sc === null) {
    return (
      <div class="tl-empty" data-testid="timeline-empty" ref={box}>
        Nothing to draw yet: requests appear as the page makes them, backend lines after a search.
      </div>
    );
  }

  const zoomBy = (f: number) => setView(zoom(shown, f, (shown.from + shown.to) / 2, bounds));
  const panBy = (f: number) => setView(pan(shown, f, bounds));
  const onKey = (e: KeyboardEvent) => {
    const actions: Record<string, () => void> = {
      '+': () => zoomBy(1.5),
      '=': () => zoomBy(1.5),
      '-': () => zoomBy(1 / 1.5),
      _: () => zoomBy(1 / 1.5),
      '0': () => setView(null),
      ArrowLeft: () => panBy(-0.2),
      ArrowRight: () => panBy(0.2),
    };
    const act = actions[e.key];
    if (act && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      act();
    }
  };

  // --- requests, packed into lanes ---
  const visible = requests.filter((e) => requestEnd(e.req) >= shown.from && e.req.startedAt <= shown.to);
  const drawn = visible.slice(0, MAX_MARKS);
  const spans = drawn.map((e) => {
    const x0 = sc.x(e.req.startedAt);
    return { x0, x1: Math.max(x0 + 3, sc.x(requestEnd(e.req))) };
  });
  const lanes = packLanes(spans, MAX_LANES);
  const laneCount = Math.max(1, ...lanes.map((l) => l + 1));
  const reqTop = AXIS_H + 8;
  const reqH = laneCount * (LANE_H + LANE_GAP);
  const backTop = reqTop + reqH + 10;
  const reqPos = new Map<string, { x: number; y: number }>();
  drawn.forEach((e, i) => {
    const s = spans[i] as { x0: number; x1: number };
    reqPos.set(e.req.id, { x: (s.x0 + s.x1) / 2, y: reqTop + (lanes[i] ?? 0) * (LANE_H + LANE_GAP) + LANE_H / 2 });
  });

  // --- backend lines ---
  const visibleLogs = logs.filter((l) => {
    const t = logTimeOf(l);
    return t !== undefined && t >= shown.from && t <= shown.to;
  });
  const plain = visibleLogs.filter((l) => !l.classification.isError).slice(0, MAX_MARKS);
  const errors = visibleLogs
    .filter((l) => l.classification.isError)
    .slice(0, MAX_MARKS)
    .sort((a, b) => (logTimeOf(a) ?? 0) - (logTimeOf(b) ?? 0));
  // Errors a few ms apart would hide each other: close ones stack in rows, like the requests.
  const errX = errors.map((l) => sc.x(logTimeOf(l) ?? 0));
  const errRows = packLanes(
    errX.map((x) => ({ x0: x - ERR_R, x1: x + ERR_R })),
    MAX_ERR_ROWS,
    1,
  );
  const errRowCount = Math.max(1, ...errRows.map((r) => r + 1));
  const backH = Math.max(BACKEND_H, errRowCount * ERR_ROW_H + 10);
  const height = backTop + backH + 6;
  const backMid = backTop + ERR_ROW_H / 2 + 5;
  const errPos = new Map<string, { x: number; y: number }>();
  errors.forEach((l, i) => errPos.set(logKey(l), { x: errX[i] ?? 0, y: backMid + (errRows[i] ?? 0) * ERR_ROW_H }));

  const linkByLog = new Map(links.errors.map((l) => [l.log, l]));

  // --- connectors for the selection ---
  const connectors: Array<{ from: { x: number; y: number }; to: { x: number; y: number }; best: boolean }> = [];
  if (selection?.kind === 'error') {
    const from = errPos.get(selection.key);
    const link = links.errors.find((l) => logKey(l.log) === selection.key);
    if (from && link)
      link.candidates.forEach((c, i) => {
        const to = reqPos.get(c.requestId);
        if (to) connectors.push({ from, to, best: i === 0 });
      });
  } else if (selection?.kind === 'request') {
    const to = reqPos.get(selection.id);
    if (to)
      for (const ref of links.byRequest.get(selection.id) ?? []) {
        const link = links.errors[ref.error];
        const from = link ? errPos.get(logKey(link.log)) : undefined;
        if (from) connectors.push({ from, to, best: ref.rank === 0 });
      }
  }

  const tick = ticks(shown, plotW);
  const show = (e: { clientX: number; clientY: number }, lines: string[]) => {
    const r = box.current?.getBoundingClientRect();
    setHover({ x: e.clientX - (r?.left ?? 0), y: e.clientY - (r?.top ?? 0), lines });
  };
  // Keyboard focus shows the tooltip; a mouse click focuses too, but the pointer already shows it.
  const showAt = (ev: FocusEvent, pos: { x: number; y: number }, lines: string[]) => {
    if ((ev.currentTarget as Element | null)?.matches(':focus-visible')) setHover({ x: pos.x, y: pos.y, lines });
  };
  const requestLines = (e: AuditEntry): string[] => {
    const n = links.byRequest.get(e.req.id)?.length ?? 0;
    return [
      `${e.req.method} ${inertText(e.req.url, 160)}`,
      `${e.req.status === 0 ? 'no response' : e.req.status} · ${Math.round(e.req.durationMs)} ms · ${clockTime(e.req.startedAt)}`,
      VERDICT_LABELS[e.result.verdict] + (n > 0 ? ` · ${n} backend error${n === 1 ? '' : 's'}` : ''),
    ];
  };
  const errorLines = (l: LogEntry): string[] => {
    const link = linkByLog.get(l);
    return [
      firstLine(l.raw),
      `${l.classification.level ?? 'error'} · ${clockTime(logTimeOf(l) ?? 0)}`,
      link ? linkSummary(link) : '',
    ];
  };
  const focusableReqs = drawn.length <= MAX_FOCUSABLE;
  const focusableErrs = errors.length <= MAX_FOCUSABLE;
  const activate = (e: KeyboardEvent, act: () => void) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      act();
    }
  };

  return (
    <div class="tl" ref={box} data-testid="timeline" onMouseLeave={() => setHover(null)}>
      <div class="tl-toolbar" role="toolbar" aria-label="Timeline zoom">
        <button
          type="button"
          onClick={() => zoomBy(1.5)}
          aria-label="Zoom in"
          title="Zoom in (+)"
          data-testid="timeline-zoom-in"
        >
          +
        </button>
        <button
          type="button"
          onClick={() => zoomBy(1 / 1.5)}
          aria-label="Zoom out"
          title="Zoom out (−)"
          data-testid="timeline-zoom-out"
        >
          −
        </button>
        <button type="button" onClick={() => panBy(-0.3)} aria-label="Earlier" title="Earlier (←)">
          ◀
        </button>
        <button type="button" onClick={() => panBy(0.3)} aria-label="Later" title="Later (→)">
          ▶
        </button>
        <button type="button" onClick={() => setView(null)} title="Show everything (0)" data-testid="timeline-reset">
          Fit all
        </button>
        <span class="muted tl-range" data-testid="timeline-range">
          {tickLabel(shown.from, tick.step)} – {tickLabel(shown.to, tick.step)}
        </span>
        {visible.length > drawn.length && (
          <span class="tl-note">{visible.length - drawn.length} more requests: zoom in to see them all</span>
        )}
        <Legend />
      </div>
      <svg
        class="tl-svg"
        width={width}
        height={height}
        role="group"
        aria-label="Session timeline: requests above, backend lines below. Plus and minus zoom, arrow keys move, 0 shows everything."
        tabindex={0}
        onKeyDown={onKey}
        onClick={(e) => {
          if (e.target === e.currentTarget) linking.select(null);
        }}
      >
        <g class="tl-axis">
          {tick.times.map((t) => (
            <g key={t}>
              <line x1={sc.x(t)} x2={sc.x(t)} y1={AXIS_H - 4} y2={height - 4} class="tl-grid" />
              <text x={sc.x(t) + 3} y={AXIS_H - 8} class="tl-tick">
                {tickLabel(t, tick.step)}
              </text>
            </g>
          ))}
        </g>
        <text x={6} y={reqTop + 8} class="tl-lane-label">
          Requests
        </text>
        <text x={6} y={backMid + 4} class="tl-lane-label">
          Backend
        </text>
        <line x1={LEFT} x2={width - RIGHT} y1={backMid} y2={backMid} class="tl-baseline" />

        {connectors.map((c, i) => (
          <line
            key={`c${i}`}
            x1={c.from.x}
            y1={c.from.y}
            x2={c.to.x}
            y2={c.to.y}
            class={c.best ? 'tl-link best' : 'tl-link'}
            data-testid="timeline-link"
          />
        ))}

        {drawn.map((e, i) => {
          const s = spans[i] as { x0: number; x1: number };
          const y = reqTop + (lanes[i] ?? 0) * (LANE_H + LANE_GAP);
          const selected = selection?.kind === 'request' && selection.id === e.req.id;
          const linked = (links.byRequest.get(e.req.id)?.length ?? 0) > 0;
          const select = () => linking.select({ kind: 'request', id: e.req.id });
          return (
            <rect
              key={e.req.id}
              x={s.x0}
              y={y}
              width={s.x1 - s.x0}
              height={LANE_H}
              rx={2}
              class={`tl-req v-${e.result.verdict}${selected ? ' selected' : ''}${linked ? ' linked' : ''}`}
              data-testid="timeline-request"
              data-request-id={e.req.id}
              data-verdict={e.result.verdict}
              role={focusableReqs ? 'button' : undefined}
              tabindex={focusableReqs ? 0 : undefined}
              aria-label={
                focusableReqs
                  ? `${e.req.method} ${inertText(e.req.path, 120)}, ${VERDICT_LABELS[e.result.verdict]}`
                  : undefined
              }
              aria-pressed={focusableReqs ? selected : undefined}
              onMouseMove={(ev) => show(ev, requestLines(e))}
              onFocus={(ev) => showAt(ev, { x: s.x1 + 4, y: y + LANE_H + 20 }, requestLines(e))}
              onBlur={() => setHover(null)}
              onClick={select}
              onKeyDown={(ev) => activate(ev, select)}
            />
          );
        })}

        {plain.map((l) => {
          const x = sc.x(logTimeOf(l) ?? 0);
          return (
            <line
              key={logKey(l)}
              x1={x}
              x2={x}
              y1={backMid - 6}
              y2={backMid + 6}
              class="tl-log"
              data-testid="timeline-line"
              onMouseMove={(ev) =>
                show(ev, [firstLine(l.raw), `${l.classification.level ?? 'line'} · ${clockTime(logTimeOf(l) ?? 0)}`])
              }
            />
          );
        })}

        {errors.map((l) => {
          const k = logKey(l);
          const { x, y } = errPos.get(k) as { x: number; y: number };
          const selected = selection?.kind === 'error' && selection.key === k;
          const link = linkByLog.get(l);
          const select = () => linking.select({ kind: 'error', key: k });
          const r = ERR_R;
          return (
            <path
              key={k}
              d={`M${x} ${y - r - 1}L${x + r} ${y}L${x} ${y + r + 1}L${x - r} ${y}Z`}
              class={`tl-err${selected ? ' selected' : ''}${link?.ambiguous ? ' ambiguous' : ''}${link && link.candidates.length === 0 ? ' unlinked' : ''}`}
              data-testid="timeline-error"
              data-error-key={k}
              data-candidates={link?.candidates.length ?? 0}
              role={focusableErrs ? 'button' : undefined}
              tabindex={focusableErrs ? 0 : undefined}
              aria-label={
                focusableErrs ? `Backend error at ${clockTime(logTimeOf(l) ?? 0)}: ${firstLine(l.raw)}` : undefined
              }
              aria-pressed={focusableErrs ? selected : undefined}
              onMouseMove={(ev) => show(ev, errorLines(l))}
              onFocus={(ev) => showAt(ev, { x: x + 8, y: y + 24 }, errorLines(l))}
              onBlur={() => setHover(null)}
              onClick={select}
              onKeyDown={(ev) => activate(ev, select)}
            />
          );
        })}
      </svg>
      {hover && (
        <div
          class="tl-tip"
          role="tooltip"
          data-testid="timeline-tooltip"
          style={{ left: `${Math.min(hover.x + 12, width - 260)}px`, top: `${hover.y + 12}px` }}
        >
          {hover.lines
            .filter((t) => t !== '')
            .map((t, i) => (
              <div key={i} class={i === 0 ? 'tl-tip-head' : undefined}>
                {t}
              </div>
            ))}
        </div>
      )}
    </div>
  );
}

const LEGEND: ReadonlyArray<[Verdict, string]> = [
  ['carries', VERDICT_LABELS.carries],
  ['stale', VERDICT_LABELS.stale],
  ['foreign', VERDICT_LABELS.foreign],
  ['missing', VERDICT_LABELS.missing],
  ['blocked', VERDICT_LABELS.blocked],
  ['outside-scope', VERDICT_LABELS['outside-scope']],
  ['not-expected', VERDICT_LABELS['not-expected']],
];

function Legend() {
  return (
    <ul class="tl-legend" aria-label="Legend">
      {LEGEND.map(([v, label]) => (
        <li key={v}>
          <svg width="14" height="10" aria-hidden="true">
            <rect x="0" y="1" width="14" height="8" rx="2" class={`tl-req v-${v}`} />
          </svg>
          {label}
        </li>
      ))}
      <li>
        <svg width="10" height="12" aria-hidden="true">
          <line x1="5" x2="5" y1="0" y2="12" class="tl-log" />
        </svg>
        backend line
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true">
          <path d="M7 0L14 7L7 14L0 7Z" class="tl-err" />
        </svg>
        backend error
      </li>
    </ul>
  );
}
