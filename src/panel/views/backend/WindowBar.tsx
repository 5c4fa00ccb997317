import type { TimeWindow } from '../../../core/search/query.ts';
import { windowText } from '../../../core/search/present.ts';

interface Props {
  window: TimeWindow;
  onWiden: () => void;
  onReset: () => void;
}

/**
 * The window the next search will use, and a way to widen it: a backend whose clock is off, or a
 * session longer than the project's maximum, can log outside the computed window.
 */
export function WindowBar({ window, onWiden, onReset }: Props) {
  const widened = (window.widenedMs ?? 0) > 0;
  return (
    <p class="window-bar">
      <span class="muted">Next search covers </span>
      <span data-testid="next-window" data-from={window.from} data-to={window.to}>
        {windowText(window)}
      </span>{' '}
      <button type="button" data-testid="widen-window" onClick={onWiden}>
        Widen by 1 h each side
      </button>
      {widened && (
        <button type="button" class="quiet" data-testid="reset-window" onClick={onReset}>
          Reset
        </button>
      )}
    </p>
  );
}
