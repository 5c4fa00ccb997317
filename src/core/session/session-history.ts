// Every token the tab has shown, bounded: first and last seen, every source it came from, and the
// facts of the tracker start that issued it.

import type { DecodedToken } from './token.ts';
import { type TokenSource, byRank, unionSources } from './sources.ts';

/** A global that changes every few ms must not grow memory without bound. */
export const MAX_HISTORY = 50;
/** lastSeen moves in steps this big, so an idle page does not produce a new state every poll. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export interface HistoryEntry {
  token: string;
  decoded: DecodedToken;
  firstSeen: number;
  /** Accurate to LAST_SEEN_RESOLUTION_MS. */
  lastSeen: number;
  /** Every source it was seen in, most trusted first. */
  sources: TokenSource[];
  /** From the /v1/web/start response that issued it, when seen. */
  startTimestamp?: number;
  projectId?: string;
  ingestBase?: string;
}

/** Adds the token or refreshes its entry in place; returns the entry as it is now. */
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

/** Drops the least recently seen tokens over MAX_HISTORY, never one in `keep` (live or entered by hand). */
export function capHistory(
  history: HistoryEntry[],
  keep: ReadonlySet<string>,
): { history: HistoryEntry[]; dropped: number } {
  if (history.length <= MAX_HISTORY) return { history, dropped: 0 };
  const evictable = history
    .filter((h) => !keep.has(h.token))
    .sort((a, b) => a.lastSeen - b.lastSeen || a.firstSeen - b.firstSeen);
  const excess = history.length - MAX_HISTORY;
  const drop = new Set(evictable.slice(0, excess).map((h) => h.token));
  return { history: history.filter((h) => !drop.has(h.token)), dropped: drop.size };
}
