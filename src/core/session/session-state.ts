// The session model of one inspected tab: which token is current, every token seen so far, and
// why nothing was found when nothing was. A pure reducer: the devtools page feeds it probe results (all
// frames of one poll at once) and network findings as they arrive, and sends the panel a new state
// only when it returns a different object.

import type { DecodedToken } from './token.ts';
import type { FrameKind, ProbeResult, ProbeStatus } from './probe.ts';
import type { NetworkTokenFinding } from './network-tokens.ts';
import type { ManualInput } from './manual-input.ts';
import type { StorageFormat } from './storage-formats.ts';
import { type AnySource, type TokenSource, sourceRank } from './sources.ts';
import type { TrackerOptions } from './tracker-options.ts';

/** A global that changes every few ms must not grow memory without bound. */
export const MAX_HISTORY = 50;
/** lastSeen moves in steps this big, so an idle page does not produce a new state every poll. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;
const MAX_MESSAGES = 20;

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

/** The tracker the probe found (in the top frame first), whether or not it has a token. */
export interface TrackerSeen {
  global: TokenSource;
  frame: FrameKind;
  frameUrl: string | null;
  options: TrackerOptions | null;
  isActive?: boolean;
  trackerVersion?: string;
}

interface PageSnapshot {
  status: ProbeStatus;
  reasons: string[];
  warnings: string[];
  /** Every value a frame offered and the probe refused, whatever else was found (a hostile page). */
  refused: string[];
  live: LiveToken[];
  tracker: TrackerSeen | null;
}

export interface SessionState {
  status: ProbeStatus;
  reasons: string[];
  warnings: string[];
  /** Values the page offered as a token and that were refused, also when a valid token was found. */
  refused: string[];
  /** What everything else uses: the manual entry while there is one, else `detected`. */
  current: SessionView | null;
  detected: SessionView | null;
  manual: SessionView | null;
  /** Newest first. */
  history: HistoryEntry[];
  historyDropped: number;
  /** null until the first probe came back. */
  page: PageSnapshot | null;
  /** Tokens learned from the network that no later probe has contradicted. */
  networkLive: LiveToken[];
  networkRejected: string[];
  /** The tracker's start was refused (403: the session lost the capture-rate draw), since the last navigation. */
  startRefused: { status: number; at: number } | null;
}

export type SessionEvent =
  | { type: 'probe'; at: number; results: readonly ProbeResult[] }
  | { type: 'network'; at: number; finding: NetworkTokenFinding }
  | { type: 'setManual'; input: ManualInput }
  | { type: 'clearManual' }
  | { type: 'clear' }
  | { type: 'start-refused'; at: number; status: number }
  | { type: 'navigated' };

export function initialSessionState(): SessionState {
  return {
    status: 'none',
    reasons: [],
    warnings: [],
    refused: [],
    current: null,
    detected: null,
    manual: null,
    history: [],
    historyDropped: 0,
    page: null,
    networkLive: [],
    networkRejected: [],
    startRefused: null,
  };
}

function byRank(a: AnySource, b: AnySource): number {
  return sourceRank(a) - sourceRank(b);
}

function unionSources<T extends AnySource>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])].sort(byRank);
}

function pushUnique(list: string[], items: readonly string[]): void {
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

function liveFromProbes(results: readonly ProbeResult[]): PageSnapshot {
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

function upsertHistory(
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
  if (entry.ingestBase !== undefined) view.ingestBase = entry.ingestBase;
  return view;
}

/**
 * The newest session wins: among the tokens live right now, the one first seen last (a forceNew,
 * an expiry restart). Ties (seen in the same poll) go to the most trusted source, then the top frame.
 */
function pickDetected(live: readonly LiveToken[], history: readonly HistoryEntry[]): SessionView | null {
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

function capHistory(history: HistoryEntry[], keep: ReadonlySet<string>): { history: HistoryEntry[]; dropped: number } {
  if (history.length <= MAX_HISTORY) return { history, dropped: 0 };
  const evictable = history
    .filter((h) => !keep.has(h.token))
    .sort((a, b) => a.lastSeen - b.lastSeen || a.firstSeen - b.firstSeen);
  const excess = history.length - MAX_HISTORY;
  const drop = new Set(evictable.slice(0, excess).map((h) => h.token));
  return { history: history.filter((h) => !drop.has(h.token)), dropped: drop.size };
}

/** Recomputes everything derived from page, networkLive, history and manual. */
function settle(prev: SessionState, draft: SessionState): SessionState {
  const page = draft.page;
  const live = [...(page?.live ?? [])];
  for (const n of draft.networkLive) {
    const at = live.findIndex((l) => l.token === n.token);
    const same = live[at];
    if (same) live[at] = { ...same, sources: unionSources(same.sources, n.sources) };
    else live.push(n);
  }
  const detected = pickDetected(live, draft.history);
  const keep = new Set(live.map((l) => l.token));
  if (draft.manual?.token) keep.add(draft.manual.token);
  const capped = capHistory(draft.history, keep);
  const history = [...capped.history].sort((a, b) => b.firstSeen - a.firstSeen);

  let status: ProbeStatus = 'none';
  let reasons: string[] = [];
  if (detected) status = 'found';
  else if (page?.status === 'loading') {
    status = 'loading';
    reasons = page.reasons;
  } else if (page?.status === 'invalid' || draft.networkRejected.length > 0) {
    status = 'invalid';
    reasons = [...(page?.status === 'invalid' ? page.reasons : [])];
    pushUnique(reasons, draft.networkRejected);
  }
  const next: SessionState = {
    ...draft,
    status,
    reasons,
    warnings: page?.warnings ?? [],
    refused: page?.refused ?? [],
    detected,
    current: draft.manual ?? detected,
    history,
    historyDropped: draft.historyDropped + capped.dropped,
  };
  return sameState(prev, next) ? prev : next;
}

function onProbe(state: SessionState, at: number, results: readonly ProbeResult[]): SessionState {
  const page = liveFromProbes(results);
  const history = [...state.history];
  for (const l of page.live) {
    const decoded = results.flatMap((r) => r.candidates).find((c) => c.token === l.token)?.decoded;
    if (decoded) upsertHistory(history, l.token, decoded, l.sources, at);
  }
  // A probe that sees tokens is the page's word; network tokens it does not show are no longer live.
  const networkLive = page.live.length > 0 ? [] : state.networkLive;
  return settle(state, { ...state, page, history, networkLive });
}

function onNetwork(state: SessionState, at: number, finding: NetworkTokenFinding): SessionState {
  if (!finding.ok) {
    const networkRejected = [...state.networkRejected];
    pushUnique(networkRejected, [finding.reason]);
    return settle(state, { ...state, networkRejected: networkRejected.slice(-5) });
  }
  const history = [...state.history];
  const entry = upsertHistory(history, finding.token, finding.decoded, [finding.source], at);
  // A start that issued a token means this page records after all.
  const startRefused = finding.source === 'network: /v1/web/start' ? null : state.startRefused;
  const facts = finding.facts;
  if (
    (facts.startTimestamp !== undefined && entry.startTimestamp !== facts.startTimestamp) ||
    (facts.projectId !== undefined && entry.projectId !== facts.projectId) ||
    entry.ingestBase !== finding.ingestBase
  ) {
    const enriched: HistoryEntry = { ...entry, ingestBase: finding.ingestBase };
    if (facts.startTimestamp !== undefined) enriched.startTimestamp = facts.startTimestamp;
    if (facts.projectId !== undefined) enriched.projectId = facts.projectId;
    history[history.indexOf(entry)] = enriched;
  }
  const networkLive = [...state.networkLive];
  const existing = networkLive.find((l) => l.token === finding.token);
  if (existing) {
    if (!existing.sources.includes(finding.source)) {
      networkLive[networkLive.indexOf(existing)] = {
        ...existing,
        sources: unionSources(existing.sources, [finding.source]),
      };
    }
  } else {
    networkLive.push({ token: finding.token, sources: [finding.source], frame: 'network', frameUrl: null });
  }
  return settle(state, { ...state, history, networkLive, startRefused });
}

function manualView(input: ManualInput): SessionView | null {
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

/** Returns `state` itself when nothing a user could see changed. */
export function reduceSession(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'probe':
      return onProbe(state, event.at, event.results);
    case 'network':
      return onNetwork(state, event.at, event.finding);
    case 'setManual': {
      const manual = manualView(event.input);
      return manual ? settle(state, { ...state, manual }) : state;
    }
    case 'clearManual':
      return state.manual ? settle(state, { ...state, manual: null }) : state;
    case 'clear':
      return settle(state, { ...initialSessionState(), manual: state.manual });
    case 'start-refused':
      return settle(state, { ...state, startRefused: { status: event.status, at: event.at } });
    case 'navigated':
      return state.startRefused === null ? state : settle(state, { ...state, startRefused: null });
  }
}

/** Support mode: use this token / session id for everything until clearManual. Errors are ignored. */
export function setManual(state: SessionState, input: ManualInput): SessionState {
  return reduceSession(state, { type: 'setManual', input });
}

export function clearManual(state: SessionState): SessionState {
  return reduceSession(state, { type: 'clearManual' });
}

/** Structural equality over plain data (bigint included). */
export function sameState(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== typeof b || typeof a !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b as object, k)) return false;
    if (!sameState((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}
