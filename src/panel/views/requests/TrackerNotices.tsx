import { HEADER_OFF_OPTION, type TrackerPolicy } from '../../../core/audit/tracker-policy.ts';
import { CopyButton } from '../../components/CopyButton.tsx';

/** What the page's tracker was told that changes how every row reads: said once, above the table. */
export function TrackerNotices({ tracker }: { tracker: TrackerPolicy }) {
  return (
    <>
      {tracker.recording === 'sampled-out' && (
        <div class="notice notice-info req-notice" data-testid="not-recording-notice" role="status">
          This session is sampled out (the tracker's start was answered 403): no request is expected to carry a token.
        </div>
      )}
      {tracker.recording === 'inactive' && (
        <div class="notice notice-info req-notice" data-testid="not-recording-notice" role="status">
          The tracker is not recording (isActive() is false): no request is expected to carry a token.
        </div>
      )}
      {tracker.header?.on === false && (
        <div class="notice notice-warn req-notice" data-testid="header-off-notice" role="status">
          <span>
            The tracker is not set to add the session token header: only headers your own code sets are sent. To have it
            add them, set in its options <code data-testid="header-off-option">{HEADER_OFF_OPTION}</code> (and a
            tokenUrlMatcher to choose which URLs get it).
          </span>
          <CopyButton text={HEADER_OFF_OPTION} label="Copy the option" testId="copy-header-option" />
        </div>
      )}
    </>
  );
}
