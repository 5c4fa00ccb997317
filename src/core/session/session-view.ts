// The session everything else uses, as one view: the detected one (chosen among the live tokens)
// or the one entered by hand.

import type { DecodedToken } from './token.ts';
import type { FrameKind } from './probe.ts';
import type { ManualInput } from './manual-input.ts';
import type { LiveToken } from './page-snapshot.ts';
import type { HistoryEntry } from './session-history.ts';
import { type AnySource, sourceRank } from './sources.ts';
import type { StorageFormat } from './storage-formats.ts';

export interface SessionView {
  /** null only when a bare session id was entered by hand. */
  token: string | null;
  decoded: DecodedToken | null;
  sessionId: string;
  source: AnySource;
  sources: AnySource[];
  /** The sessionStorage format, when sessionStorage is among the sources. */
  storageFormat?: StorageFormat;
  enteredByHand: boolean;
  frame?: FrameKind | 'network';
  frameUrl?: string | null;
  firstSeen?: number;
  isActive?: boolean;
  sessionUrl?: string;
  projectKey?: string;
  projectId?: string;
  trackerVersion?: string;
  startTimestamp?: number;
  /** The ingest point of the tracker's start request that issued the token, when seen. */
  ingestBase?: string;
}

function viewOf(live: LiveToken, entry: HistoryEntry): SessionView {
  const view: SessionView = {
    token: entry.token,
    decoded: entry.decoded,
    sessionId: entry.decoded.sessionId,
    source: live.sources[0] ?? entry.sources[0] ?? 'sessionStorage',
    sources: [...live.sources],
    enteredByHand: false,
    frame: live.frame,
    frameUrl: live.frameUrl,
    firstSeen: entry.firstSeen,
  };
  if (live.storageFormat !== undefined) view.storageFormat = live.storageFormat;
  if (live.isActive !== undefined) view.isActive = live.isActive;
  if (live.sessionUrl !== undefined) view.sessionUrl = live.sessionUrl;
  if (live.projectKey !== undefined) view.projectKey = live.projectKey;
  if (live.trackerVersion !== undefined) view.trackerVersion = live.trackerVersion;
  if (entry.projectId !== undefined) view.projectId = entry.projectId;
  if (entry.startTimestamp !== undefined) view.startTimestamp = entry.startTimestamp;
  if (entry.ingestBase !== undefined) view.ingestBase = entry.ingestBase;
  return view;
}

/**
 * The newest session wins: among the tokens live right now, the one first seen last (a forceNew,
 * an expiry restart). Ties (seen in the same poll) go to the most trusted source, then the top frame.
 */
export function pickDetected(live: readonly LiveToken[], history: readonly HistoryEntry[]): SessionView | null {
  let best: { live: LiveToken; entry: HistoryEntry } | null = null;
  for (const l of live) {
    const entry = history.find((h) => h.token === l.token);
    if (!entry) continue;
    if (!best) {
      best = { live: l, entry };
      continue;
    }
    const newer = entry.firstSeen - best.entry.firstSeen;
    const rank =
      sourceRank(l.sources[0] ?? 'network: Authorization of /v1/web/i') -
      sourceRank(best.live.sources[0] ?? 'network: Authorization of /v1/web/i');
    const frame = (l.frame === 'top' ? 0 : 1) - (best.live.frame === 'top' ? 0 : 1);
    if (newer > 0 || (newer === 0 && (rank < 0 || (rank === 0 && frame < 0)))) best = { live: l, entry };
  }
  return best ? viewOf(best.live, best.entry) : null;
}

/** The view of a token or session id entered by hand; null for input that is neither. */
export function manualView(input: ManualInput): SessionView | null {
  if (input.kind === 'token') {
    return {
      token: input.decoded.token,
      decoded: input.decoded,
      sessionId: input.decoded.sessionId,
      source: 'entered by hand',
      sources: ['entered by hand'],
      enteredByHand: true,
    };
  }
  if (input.kind === 'sessionId') {
    const view: SessionView = {
      token: null,
      decoded: null,
      sessionId: input.sessionId,
      source: 'entered by hand',
      sources: ['entered by hand'],
      enteredByHand: true,
    };
    if (input.sessionUrl !== undefined) view.sessionUrl = input.sessionUrl;
    if (input.projectId !== undefined) view.projectId = input.projectId;
    return view;
  }
  return null;
}
