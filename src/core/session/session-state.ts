// The session model of one inspected tab: which token is current, every token seen so far, and
// why nothing was found when nothing was. A pure reducer: the devtools page feeds it probe results (all
// frames of one poll at once) and network findings as they arrive, and sends the panel a new state
// only when it returns a different object. What one poll shows is page-snapshot.ts, the bounded
// token history session-history.ts, the chosen session session-view.ts.

import type { ProbeResult, ProbeStatus } from './probe.ts';
import type { NetworkTokenFinding } from './network-tokens.ts';
import type { ManualInput } from './manual-input.ts';
import { liveFromProbes, pushUnique, type LiveToken, type PageSnapshot } from './page-snapshot.ts';
import { capHistory, upsertHistory, type HistoryEntry } from './session-history.ts';
import { manualView, pickDetected, type SessionView } from './session-view.ts';
import { unionSources } from './sources.ts';

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
