import type { SessionState } from '../../../core/session/session-state.ts';
import { describeHeaderOption } from '../../../core/audit/tracker-policy.ts';
import { notRecordingText } from '../../../core/session/recording.ts';

/** The session is not recorded on purpose (sampled out) or the tracker is idle: said instead of "no token found". */
export function NotRecording({ state }: { state: SessionState }) {
  const text = notRecordingText(state);
  if (text === null) return null;
  return (
    <div class="session-note warn" data-testid="session-not-recording" role="status">
      <p class="note-title">{text.startsWith('Sampled out') ? 'Session sampled out' : 'Tracker not recording'}</p>
      <p data-testid="not-recording-text">{text}</p>
    </div>
  );
}

/** What the page told its tracker about the header: the audit compares what was sent with this. */
export function TrackerSetup({ state, askMatcher }: { state: SessionState; askMatcher: boolean }) {
  const tracker = state.page?.tracker ?? null;
  if (tracker === null) return null;
  const options = tracker.options;
  return (
    <section class="tracker-setup" aria-label="Tracker network options" data-testid="tracker-setup">
      <h3>Tracker setup</h3>
      <p data-testid="tracker-header-option">{describeHeaderOption(options ?? { hasMatcher: false })}</p>
      <dl class="session-facts">
        <dt>Read from</dt>
        <dd>
          {tracker.global}.options{tracker.frame === 'iframe' ? ` (in the frame ${tracker.frameUrl ?? ''})` : ''}
          {tracker.trackerVersion !== undefined && (
            <span data-testid="tracker-setup-version">, tracker {tracker.trackerVersion}</span>
          )}
        </dd>
        {options !== null && (
          <>
            <dt>tokenUrlMatcher</dt>
            <dd data-testid="tracker-matcher">
              {!options.hasMatcher
                ? 'not set'
                : askMatcher
                  ? 'set — the audit asks it about each request URL and uses its answers as the scope'
                  : 'set — not asked on this site (Settings → Audit scope)'}
            </dd>
            <dt>Ingest point</dt>
            <dd data-testid="tracker-ingest">{options.ingestPoint ?? 'default (https://api.openreplay.com/ingest)'}</dd>
          </>
        )}
      </dl>
      {options?.problems.map((p) => (
        <p key={p} class="warn" data-testid="tracker-option-problem">
          {p}
        </p>
      ))}
    </section>
  );
}
