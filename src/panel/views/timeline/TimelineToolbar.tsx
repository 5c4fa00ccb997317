import { Legend } from './Legend.tsx';

interface Props {
  /** The range shown, as the axis labels it. */
  rangeText: string;
  /** Requests in the range that were not drawn. */
  moreRequests: number;
  /** Zoom by a factor (> 1 zooms in) around the middle. */
  onZoom(factor: number): void;
  /** Move by a fraction of the range shown (< 0 is earlier). */
  onPan(fraction: number): void;
  onReset(): void;
}

/** The Timeline's zoom and pan buttons, the range shown and the legend. */
export function TimelineToolbar({ rangeText, moreRequests, onZoom, onPan, onReset }: Props) {
  return (
    <div class="tl-toolbar" role="toolbar" aria-label="Timeline zoom">
      <button
        type="button"
        onClick={() => onZoom(1.5)}
        aria-label="Zoom in"
        title="Zoom in (+)"
        data-testid="timeline-zoom-in"
      >
        +
      </button>
      <button
        type="button"
        onClick={() => onZoom(1 / 1.5)}
        aria-label="Zoom out"
        title="Zoom out (−)"
        data-testid="timeline-zoom-out"
      >
        −
      </button>
      <button type="button" onClick={() => onPan(-0.3)} aria-label="Earlier" title="Earlier (←)">
        ◀
      </button>
      <button type="button" onClick={() => onPan(0.3)} aria-label="Later" title="Later (→)">
        ▶
      </button>
      <button type="button" onClick={onReset} title="Show everything (0)" data-testid="timeline-reset">
        Fit all
      </button>
      <span class="muted tl-range" data-testid="timeline-range">
        {rangeText}
      </span>
      {moreRequests > 0 && <span class="tl-note">{moreRequests} more requests: zoom in to see them all</span>}
      <Legend />
    </div>
  );
}
