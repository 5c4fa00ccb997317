// Whether the page's tracker records this session at all: a start answered 403 (the session lost
// the project's capture-rate draw) or an inactive tracker means no token and no header, by design.

import type { Recording } from '../audit/tracker-policy.ts';
import type { SessionState } from './session-state.ts';

export function recordingOf(s: SessionState): Recording {
  const tracker = s.page?.tracker ?? null;
  const active = s.detected?.isActive ?? tracker?.isActive;
  if (s.startRefused !== null && active !== true) return 'sampled-out';
  if (tracker !== null && tracker.isActive === false && s.status !== 'found') return 'inactive';
  if (active === true) return 'recording';
  return 'unknown';
}

/** The Session area's line for a page that does not record, or null when it records (or nothing is known). */
export function notRecordingText(s: SessionState): string | null {
  switch (recordingOf(s)) {
    case 'sampled-out':
      return `Sampled out: the tracker's start was answered ${s.startRefused?.status ?? 403} (capture rate miss). This session is not recorded, by design, so there is no token and no request carries the header.`;
    case 'inactive':
      return 'Not recording: the tracker is on the page but isActive() is false (not started yet, stopped, or refused), so no request carries a token.';
    default:
      return null;
  }
}
