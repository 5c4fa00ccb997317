// What one poll of the page shows: the tokens every frame offers right now, merged (a token seen in
// several frames or places is one live token), the tracker found, and why nothing was found.

import type { FrameKind, ProbeResult, ProbeStatus } from './probe.ts';
import { type TokenSource, sourceRank, unionSources } from './sources.ts';
import type { StorageFormat } from './storage-formats.ts';
import type { TrackerOptions } from './tracker-options.ts';

const MAX_MESSAGES = 20;

/** A token the page shows right now. */
export interface LiveToken {
  token: string;
  sources: TokenSource[];
  /** Which of the three historical sessionStorage formats held it, when it was read there. */
  storageFormat?: StorageFormat;
  frame: FrameKind | 'network';
  frameUrl: string | null;
  isActive?: boolean;
  sessionUrl?: string;
  projectKey?: string;
  trackerVersion?: string;
}

/** The tracker the probe found (in the top frame first), whether or not it has a token. */
export interface TrackerSeen {
  global: TokenSource;
  frame: FrameKind;
  frameUrl: string | null;
  options: TrackerOptions | null;
  isActive?: boolean;
  trackerVersion?: string;
}

export interface PageSnapshot {
  status: ProbeStatus;
  reasons: string[];
  warnings: string[];
  /** Every value a frame offered and the probe refused, whatever else was found (a hostile page). */
  refused: string[];
  live: LiveToken[];
  tracker: TrackerSeen | null;
}

/** Appends the items not in `list` yet, keeping it to a bounded number of messages. */
export function pushUnique(list: string[], items: readonly string[]): void {
  for (const item of items) if (list.length < MAX_MESSAGES && !list.includes(item)) list.push(item);
}

/** The tracker's facts for candidate `c` of probe `r`: its own session only (a leftover token with another id gets none). */
function trackerFacts(r: ProbeResult, c: ProbeResult['candidates'][number]): Partial<LiveToken> {
  const facts: Partial<LiveToken> = { frame: r.frame, frameUrl: r.frameUrl };
  const sameSession = r.sessionIdFromTracker === undefined || r.sessionIdFromTracker === c.decoded.sessionId;
  if (sameSession) {
    if (r.isActive !== undefined) facts.isActive = r.isActive;
    if (r.sessionUrl !== undefined) facts.sessionUrl = r.sessionUrl;
    if (r.trackerVersion !== undefined) facts.trackerVersion = r.trackerVersion;
  }
  const projectKey = c.projectKey ?? (sameSession ? r.projectKey : undefined);
  if (projectKey !== undefined) facts.projectKey = projectKey;
  return facts;
}

export function liveFromProbes(results: readonly ProbeResult[]): PageSnapshot {
  const live = new Map<string, LiveToken>();
  // Top frame first, so its facts win over an iframe's for the same token and the same source.
  const ordered = [...results].sort((a, b) => (a.frame === 'top' ? 0 : 1) - (b.frame === 'top' ? 0 : 1));
  const loading: string[] = [];
  const invalid: string[] = [];
  const warnings: string[] = [];
  const refused: string[] = [];
  let tracker: TrackerSeen | null = null;
  for (const r of ordered) {
    if (tracker === null && r.trackerGlobal !== undefined) tracker = trackerSeen(r, r.trackerGlobal);
    if (r.status === 'loading') pushUnique(loading, r.reasons);
    if (r.status === 'invalid') pushUnique(invalid, r.reasons);
    pushUnique(warnings, r.warnings);
    pushUnique(
      refused,
      r.rejected.map((x) => x.reason),
    );
    for (const c of r.candidates) {
      const format =
        c.source === 'sessionStorage' && c.storageFormat !== undefined ? { storageFormat: c.storageFormat } : {};
      const existing = live.get(c.token);
      if (!existing) {
        live.set(c.token, {
          token: c.token,
          sources: [c.source],
          frame: r.frame,
          frameUrl: r.frameUrl,
          ...trackerFacts(r, c),
          ...format,
        });
        continue;
      }
      if (existing.storageFormat === undefined && format.storageFormat !== undefined)
        existing.storageFormat = format.storageFormat;
      // A frame that sees the token in a more trusted place (the tracker's global rather than the
      // sessionStorage it shares with its parent) is where the tracker runs: its frame and facts win.
      const better = sourceRank(c.source) < sourceRank(existing.sources[0] ?? c.source);
      existing.sources = unionSources(existing.sources, [c.source]);
      if (better) Object.assign(existing, trackerFacts(r, c));
    }
  }
  const status: ProbeStatus =
    live.size > 0 ? 'found' : loading.length > 0 ? 'loading' : invalid.length > 0 ? 'invalid' : 'none';
  return {
    status,
    reasons: status === 'loading' ? loading : status === 'invalid' ? invalid : [],
    warnings,
    refused,
    live: [...live.values()],
    tracker,
  };
}

function trackerSeen(r: ProbeResult, global: TokenSource): TrackerSeen {
  const seen: TrackerSeen = { global, frame: r.frame, frameUrl: r.frameUrl, options: r.trackerOptions ?? null };
  if (r.isActive !== undefined) seen.isActive = r.isActive;
  if (r.trackerVersion !== undefined) seen.trackerVersion = r.trackerVersion;
  return seen;
}
