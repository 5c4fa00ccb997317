// How the session state is derived from what was seen: the live tokens of one probe of every
// frame, the tab's token history, and which token counts as current. Pure helpers of
// session-state.ts's reducer.

import type { ProbeResult, ProbeStatus } from './probe.ts';
import type { DecodedToken } from './token.ts';
import { type AnySource, type TokenSource, sourceRank } from './sources.ts';
import type { HistoryEntry, LiveToken, PageSnapshot, SessionView } from './session-state.ts';

/** A global that changes every few ms must not grow memory without bound. */
export const MAX_HISTORY = 50;
/** lastSeen moves in steps this big, so an idle page does not produce a new state every poll. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;
const MAX_MESSAGES = 20;

function byRank(a: AnySource, b: AnySource): number {
  return sourceRank(a) - sourceRank(b);
}

export function unionSources<T extends AnySource>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])].sort(byRank);
}

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
  for (const r of ordered) {
    if (r.status === 'loading') pushUnique(loading, r.reasons);
    if (r.status === 'invalid') pushUnique(invalid, r.reasons);
    pushUnique(warnings, r.warnings);
    pushUnique(refused, r.rejected.map((x) => x.reason));
    for (const c of r.candidates) {
      const format = c.source === 'sessionStorage' && c.storageFormat !== undefined ? { storageFormat: c.storageFormat } : {};
      const existing = live.get(c.token);
      if (!existing) {
        live.set(c.token, { token: c.token, sources: [c.source], frame: r.frame, frameUrl: r.frameUrl, ...trackerFacts(r, c), ...format });
        continue;
      }
      if (existing.storageFormat === undefined && format.storageFormat !== undefined) existing.storageFormat = format.storageFormat;
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
  };
}

export function upsertHistory(
  history: HistoryEntry[],
  token: string,
  decoded: DecodedToken,
  sources: readonly TokenSource[],
  at: number,
): HistoryEntry {
  const found = history.find((h) => h.token === token);
  if (!found) {
    const entry: HistoryEntry = { token, decoded, firstSeen: at, lastSeen: at, sources: [...sources].sort(byRank) };
    history.push(entry);
    return entry;
  }
  const merged = unionSources(found.sources, sources);
  const sourcesChanged = merged.length !== found.sources.length;
  if (sourcesChanged || at - found.lastSeen >= LAST_SEEN_RESOLUTION_MS) {
    const updated: HistoryEntry = { ...found, sources: merged, lastSeen: Math.max(found.lastSeen, at) };
    history[history.indexOf(found)] = updated;
    return updated;
  }
  return found;
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
    const rank = sourceRank(l.sources[0] ?? 'network: Authorization of /v1/web/i') -
      sourceRank(best.live.sources[0] ?? 'network: Authorization of /v1/web/i');
    const frame = (l.frame === 'top' ? 0 : 1) - (best.live.frame === 'top' ? 0 : 1);
    if (newer > 0 || (newer === 0 && (rank < 0 || (rank === 0 && frame < 0)))) best = { live: l, entry };
  }
  return best ? viewOf(best.live, best.entry) : null;
}

export function capHistory(history: HistoryEntry[], keep: ReadonlySet<string>): { history: HistoryEntry[]; dropped: number } {
  if (history.length <= MAX_HISTORY) return { history, dropped: 0 };
  const evictable = history
    .filter((h) => !keep.has(h.token))
    .sort((a, b) => a.lastSeen - b.lastSeen || a.firstSeen - b.firstSeen);
  const excess = history.length - MAX_HISTORY;
  const drop = new Set(evictable.slice(0, excess).map((h) => h.token));
  return { history: history.filter((h) => !drop.has(h.token)), dropped: drop.size };
}
