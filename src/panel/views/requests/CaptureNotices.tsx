import type { CaptureInfo } from '../../../shared/protocol.ts';
import { plural } from './format.ts';

interface Props {
  capture: CaptureInfo | null;
  /** Dropped by the panel's own store (its cap), which may exceed what the devtools page reports. */
  storeDropped: number;
  cap: number;
  hasToken: boolean;
  onReload: () => void;
}

/** What the table cannot show, said plainly: early requests, dropped ones, no token to compare with. */
export function CaptureNotices({ capture, storeDropped, cap, hasToken, onReload }: Props) {
  const missed = capture?.missedBeforeOpen ?? 0;
  // The devtools page counts everything its buffer trimmed; the store counts what it trimmed of what it got.
  const dropped = Math.max(capture?.dropped ?? 0, storeDropped);
  return (
    <>
      {missed > 0 && (
        <div class="notice notice-info req-notice" data-testid="reload-hint" role="status">
          <span>
            The page made {plural(missed, 'request')} before DevTools could record {missed === 1 ? 'it' : 'them'}.
            Reload the page to audit every request.
          </span>
          <button type="button" data-testid="reload-page" onClick={onReload}>
            Reload page
          </button>
        </div>
      )}
      {dropped > 0 && (
        <div class="notice notice-warn req-notice" data-testid="dropped-count" data-dropped={dropped} role="status">
          {plural(dropped, 'older request')} dropped: the audit keeps the latest {cap.toLocaleString('en')}. Clear to
          start over.
        </div>
      )}
      {!hasToken && (
        <div class="notice notice-warn req-notice" data-testid="no-token-notice" role="status">
          No session token of this page is known yet, so header values cannot be called current or stale. See the
          Session area.
        </div>
      )}
    </>
  );
}
