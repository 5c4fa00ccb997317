import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  GEOMETRY,
  layoutTimeline,
  plotWidth,
  timelineBounds,
  timelineRequests,
  type Point,
} from '../../../core/timeline/layout.ts';
import { keyView, shownRange, wheelView, zoomMiddle } from '../../../core/timeline/navigation.ts';
import {
  errorLabel,
  errorTip,
  lineTip,
  requestLabel,
  requestTip,
  tipPosition,
} from '../../../core/timeline/tooltip.ts';
import { pan, scale, type Range } from '../../../core/timeline/scale.ts';
import type { LinkingModel } from '../../state/linking-model.ts';
import { TimelineToolbar } from './TimelineToolbar.tsx';

interface Hover extends Point {
  lines: string[];
}

interface Props {
  linking: LinkingModel;
  /** Also draw requests that were never expected to carry the token (assets, tracker traffic). */
  showNotExpected: boolean;
}

/**
 * A picture of the session: requests by verdict over backend lines, on one zoomable time axis.
 * Where each mark goes is core/timeline/layout.ts; this draws it and handles the pointer and keys.
 */
export function Timeline({ linking, showNotExpected }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [view, setView] = useState<Range | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);

  const entries = linking.entries.value;
  const logs = linking.analysis.value?.entries ?? [];
  const links = linking.linking.value;
  const selection = linking.selection.value;

  const requests = useMemo(() => timelineRequests(entries, showNotExpected), [entries, showNotExpected]);
  const bounds = useMemo(() => timelineBounds(requests, logs), [requests, logs]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(GEOMETRY.minWidth, el.clientWidth));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const shown = bounds === null ? null : shownRange(view, bounds);

  // Wheel zoom needs preventDefault, which Preact's passive-by-default listeners cannot do.
  const wheelState = useRef({ shown, bounds, width });
  wheelState.current = { shown, bounds, width };
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const { shown: s, bounds: b, width: w } = wheelState.current;
      if (!s || !b) return;
      const left = el.querySelector('svg')?.getBoundingClientRect().left ?? 0;
      e.preventDefault();
      const sc = scale(s, GEOMETRY.left, plotWidth(w));
      setView(wheelView({ deltaX: e.deltaX, deltaY: e.deltaY, shiftKey: e.shiftKey, x: e.clientX - left }, s, b, sc));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  if (bounds === null || shown === null) {
    return (
      <div class="tl-empty" data-testid="timeline-empty" ref={box}>
        Nothing to draw yet: requests appear as the page makes them, backend lines after a search.
      </div>
    );
  }

  const lay = layoutTimeline({ requests, logs, links, selection, shown, width });
  const zoomBy = (f: number) => setView(zoomMiddle(shown, f, bounds));
  const panBy = (f: number) => setView(pan(shown, f, bounds));
  const onKey = (e: KeyboardEvent) => {
    const next = keyView(e, shown, bounds);
    if (next) {
      e.preventDefault();
      setView(next.view);
    }
  };
  const show = (e: { clientX: number; clientY: number }, lines: string[]) => {
    const r = box.current?.getBoundingClientRect();
    setHover({ x: e.clientX - (r?.left ?? 0), y: e.clientY - (r?.top ?? 0), lines });
  };
  // Keyboard focus shows the tooltip; a mouse click focuses too, but the pointer already shows it.
  const showAt = (ev: FocusEvent, at: Point, lines: string[]) => {
    if ((ev.currentTarget as Element | null)?.matches(':focus-visible')) setHover({ ...at, lines });
  };
  const activate = (e: KeyboardEvent, act: () => void) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      act();
    }
  };
  const tip = hover && tipPosition(hover, width);

  return (
    <div class="tl" ref={box} data-testid="timeline" onMouseLeave={() => setHover(null)}>
      <TimelineToolbar
        rangeText={lay.rangeText}
        moreRequests={lay.moreRequests}
        onZoom={zoomBy}
        onPan={panBy}
        onReset={() => setView(null)}
      />
      <svg
        class="tl-svg"
        width={width}
        height={lay.height}
        role="group"
        aria-label="Session timeline: requests above, backend lines below. Plus and minus zoom, arrow keys move, 0 shows everything."
        tabindex={0}
        onKeyDown={onKey}
        onClick={(e) => {
          if (e.target === e.currentTarget) linking.select(null);
        }}
      >
        <g class="tl-axis">
          {lay.ticks.map((t) => (
            <g key={t.t}>
              <line x1={t.x} x2={t.x} y1={lay.axis.gridTop} y2={lay.axis.gridBottom} class="tl-grid" />
              <text x={t.x + 3} y={lay.axis.tickY} class="tl-tick">
                {t.label}
              </text>
            </g>
          ))}
        </g>
        <text x={6} y={lay.labels.requestsY} class="tl-lane-label">
          Requests
        </text>
        <text x={6} y={lay.labels.backendY} class="tl-lane-label">
          Backend
        </text>
        <line x1={lay.baseline.x1} x2={lay.baseline.x2} y1={lay.baseline.y} y2={lay.baseline.y} class="tl-baseline" />

        {lay.connectors.map((c, i) => (
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

        {lay.requests.map((m) => {
          const e = m.entry;
          const focusable = lay.focusableRequests;
          const select = () => linking.select({ kind: 'request', id: e.req.id });
          return (
            <rect
              key={e.req.id}
              x={m.x}
              y={m.y}
              width={m.width}
              height={GEOMETRY.laneH}
              rx={2}
              class={`tl-req v-${e.result.verdict}${m.selected ? ' selected' : ''}${m.linkedErrors > 0 ? ' linked' : ''}`}
              data-testid="timeline-request"
              data-request-id={e.req.id}
              data-verdict={e.result.verdict}
              role={focusable ? 'button' : undefined}
              tabindex={focusable ? 0 : undefined}
              aria-label={focusable ? requestLabel(e) : undefined}
              aria-pressed={focusable ? m.selected : undefined}
              onMouseMove={(ev) => show(ev, requestTip(e, m.linkedErrors))}
              onFocus={(ev) => showAt(ev, m.tipAt, requestTip(e, m.linkedErrors))}
              onBlur={() => setHover(null)}
              onClick={select}
              onKeyDown={(ev) => activate(ev, select)}
            />
          );
        })}

        {lay.lines.map((m) => (
          <line
            key={m.key}
            x1={m.x}
            x2={m.x}
            y1={lay.baseline.y - 6}
            y2={lay.baseline.y + 6}
            class="tl-log"
            data-testid="timeline-line"
            onMouseMove={(ev) => show(ev, lineTip(m.log))}
          />
        ))}

        {lay.errors.map((m) => {
          const focusable = lay.focusableErrors;
          const link = m.link;
          const select = () => linking.select({ kind: 'error', key: m.key });
          return (
            <path
              key={m.key}
              d={m.d}
              class={`tl-err${m.selected ? ' selected' : ''}${link?.ambiguous ? ' ambiguous' : ''}${link && link.candidates.length === 0 ? ' unlinked' : ''}`}
              data-testid="timeline-error"
              data-error-key={m.key}
              data-candidates={link?.candidates.length ?? 0}
              role={focusable ? 'button' : undefined}
              tabindex={focusable ? 0 : undefined}
              aria-label={focusable ? errorLabel(m.log) : undefined}
              aria-pressed={focusable ? m.selected : undefined}
              onMouseMove={(ev) => show(ev, errorTip(m.log, link))}
              onFocus={(ev) => showAt(ev, m.tipAt, errorTip(m.log, link))}
              onBlur={() => setHover(null)}
              onClick={select}
              onKeyDown={(ev) => activate(ev, select)}
            />
          );
        })}
      </svg>
      {hover && tip && (
        <div
          class="tl-tip"
          role="tooltip"
          data-testid="timeline-tooltip"
          style={{ left: `${tip.left}px`, top: `${tip.top}px` }}
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
