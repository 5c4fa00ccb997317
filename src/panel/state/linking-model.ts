import { STORAGE_KEYS } from '../../shared/storage-keys.ts';
import { reportInput as auditReportInput } from './report-input.ts';
import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { AuditEntry, CapturedRequest } from '../../core/audit/types.ts';
import type { LogAnalysis, LogEntry } from '../../core/logs/analysis.ts';
import { normalizeMessage, type LogMessage } from '../../core/logs/parse.ts';
import { groupLinkedErrors, type LinkedErrorGroup } from '../../core/linking/error-groups.ts';
import { clampSkew, DEFAULT_SKEW_MS, linkErrors, type ErrorLink, type Linking } from '../../core/linking/link.ts';
import { openReplayAtTime, sumoSearchAtTime } from '../../core/linking/out-links.ts';
import { renderLinkedJson, renderLinkedReport, type LinkedReportInput } from '../../core/linking/report.ts';
import { DEFAULT_TAGGING_WINDOW_MS, endpointTagging, type EndpointTagging } from '../../core/linking/tagging.ts';
import { analysisOf } from './search-analysis.ts';
import { planSearch, tagsFromClause } from '../../core/search/plan.ts';
import type { SearchRun } from './worker-model.ts';
import { knownStartMs } from '../../core/session/session-start.ts';
import type { PanelModel } from './model.ts';
import type { KeyValueStorage } from './site-storage.ts';

// Links between the audit's requests and the backend search's lines, derived (computed signals)
// from the devtools and backend models, plus the auto-refresh that keeps searching while the
// panel is open. One instance per panel model: see `linkingOf`.

/** The panel's own preferences for linking; one key, kept apart from the shared storage keys. */
export const LINKING_PREFS_KEY = STORAGE_KEYS.linkingPrefs;

export const MIN_REFRESH_SECONDS = 15;
export const MAX_REFRESH_SECONDS = 600;
export const DEFAULT_REFRESH_SECONDS = 30;

export type Selection = { kind: 'request'; id: string } | { kind: 'error'; key: string };

export interface RefreshNote {
  at: number;
  /** What the last tick did, for people. */
  text: string;
  started: boolean;
}

export interface LinkingDeps {
  now?: () => number;
  storage?: KeyValueStorage;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

const isActive = (run: SearchRun | null): boolean => run !== null && (run.status === 'starting' || run.status === 'running');

/** A stable key for one log entry across re-analysis (ids when Sumo gave them, else time and text). */
export function logKey(log: Pick<LogEntry, 'messageIds' | 'messageTime' | 'receiptTime' | 'raw'>): string {
  if (log.messageIds.length > 0) return `i:${log.messageIds.join(',')}`;
  return `t:${log.messageTime ?? log.receiptTime ?? ''}:${log.raw.slice(0, 200)}`;
}

export function clampRefreshSeconds(s: number): number {
  if (!Number.isFinite(s)) return DEFAULT_REFRESH_SECONDS;
  return Math.min(MAX_REFRESH_SECONDS, Math.max(MIN_REFRESH_SECONDS, Math.round(s)));
}

export function createLinkingModel(model: PanelModel, deps: LinkingDeps = {}) {
  const now = deps.now ?? Date.now;
  const { devtools, worker } = model;

  const skewMs = signal(DEFAULT_SKEW_MS);
  const windowMs = signal(DEFAULT_TAGGING_WINDOW_MS);
  const autoRefresh = signal(false);
  const refreshSeconds = signal(DEFAULT_REFRESH_SECONDS);
  const selection = signal<Selection | null>(null);
  const lastRefresh = signal<RefreshNote | null>(null);
  /** Bumped to ask views showing requests to scroll to one. */
  const jumpRequest = signal<{ id: string; seq: number } | null>(null);

  // While a new search starts (auto-refresh), keep showing the last finished one of the same session.
  let lastDone: SearchRun | null = null;
  const run = computed<SearchRun | null>(() => {
    const current = worker.search.value;
    if (current === null) return null;
    if (current.status === 'done') return (lastDone = current);
    const sameTarget = lastDone !== null && lastDone.target.token === current.target.token && lastDone.target.sessionId === current.target.sessionId;
    if (isActive(current) && sameTarget) return lastDone;
    return current;
  });

  const analysis = computed<LogAnalysis | null>(() => {
    const r = run.value;
    return r === null ? null : analysisOf(r);
  });

  // Every returned line, including those the exact re-check dropped: tagging diagnoses those.
  let linesSlot: { id: string; lines: LogMessage[] } | null = null;
  const lines = computed<LogMessage[]>(() => {
    const r = run.value;
    if (r === null) return [];
    if (!linesSlot || linesSlot.id !== r.id || linesSlot.lines.length > r.messages.length) linesSlot = { id: r.id, lines: [] };
    const have = linesSlot.lines.length;
    if (have === r.messages.length) return linesSlot.lines;
    linesSlot = { id: r.id, lines: [...linesSlot.lines, ...r.messages.slice(have).map(normalizeMessage)] };
    return linesSlot.lines;
  });

  const entries = computed<AuditEntry[]>(() => {
    void devtools.auditVersion.value;
    return devtools.store.toArray();
  });

  const requestsById = computed(() => {
    const map = new Map<string, CapturedRequest>();
    for (const e of entries.value) map.set(e.req.id, e.req);
    return map;
  });

  /** Whose lines: the search's target when there is one, else the session the panel shows. */
  const key = computed(() => {
    const r = run.value;
    if (r !== null) return { token: r.target.token, sessionId: r.target.sessionId };
    const current = devtools.session.value.current;
    return { token: current?.token ?? undefined, sessionId: current?.sessionId };
  });

  const linking = computed<Linking<LogEntry>>(() => {
    const a = analysis.value;
    // No backend error, nothing to link: don't copy and scan the captured requests (this is read
    // on every table render while requests stream in).
    if (a === null || a.errors.length === 0) return { errors: [], byRequest: new Map(), skewMs: clampSkew(skewMs.value) };
    return linkErrors(entries.value, a.entries, { ...key.value, skewMs: skewMs.value });
  });

  const errorsByKey = computed(() => {
    const map = new Map<string, { link: ErrorLink<LogEntry>; at: number }>();
    linking.value.errors.forEach((link, at) => map.set(logKey(link.log), { link, at }));
    return map;
  });

  const tagNames = computed<string[]>(() => {
    const r = run.value;
    const fromClause = r?.tagClause === undefined ? [] : tagsFromClause(r.tagClause).map((t) => t.tagName);
    return fromClause.length > 0 ? fromClause : [...(worker.settings.value?.tagNames ?? ['openReplaySessionToken'])];
  });

  const tagging = computed<EndpointTagging[]>(() => {
    const r = run.value;
    const { token, sessionId } = key.value;
    if (token === undefined || token === null) return [];
    return endpointTagging(entries.value, lines.value, {
      token,
      sessionId,
      tagNames: tagNames.value,
      windowMs: windowMs.value,
      skewMs: skewMs.value,
      searched: r !== null && (r.status === 'done' || r.status === 'running'),
      searchedTo: r?.target.to,
    });
  });

  const groups = computed<LinkedErrorGroup[]>(() => groupLinkedErrors(linking.value, requestsById.value));

  // --- auto-refresh -------------------------------------------------------------------------

  let lastStart = -Infinity;
  /** Starts a search for the session shown, unless one runs or it cannot; says which. */
  function searchAgain(auto: boolean): RefreshNote {
    const at = now();
    const note = (text: string, started = false): RefreshNote => (lastRefresh.value = { at, text, started });
    if (isActive(worker.search.value)) return note('not searched: a search is still running');
    if (auto && at - lastStart < MIN_REFRESH_SECONDS * 1000) return note(`not searched: the last search started less than ${MIN_REFRESH_SECONDS} s ago`);
    const settings = worker.settings.value;
    if (settings === null) return note('not searched: the SumoLogic settings are not loaded yet');
    if (worker.credentials.value === null) return note('not searched: no SumoLogic Access ID/Key saved yet (Settings → SumoLogic)');
    const plan = planSearch(devtools.session.value.current, settings, at);
    if (!plan.ok) return note(`not searched: ${plan.reason}`);
    lastStart = at;
    worker.startSearch(plan.target);
    return note(auto ? 'searched again (auto-refresh)' : 'searched', true);
  }

  function tick(): void {
    if (autoRefresh.value) searchAgain(true);
  }

  const setTimer = deps.setInterval ?? ((fn: () => void, ms: number) => globalThis.setInterval(fn, ms));
  const clearTimer = deps.clearInterval ?? ((h: unknown) => globalThis.clearInterval(h as ReturnType<typeof globalThis.setInterval>));
  const stopTimer = effect(() => {
    if (!autoRefresh.value) return;
    const handle = setTimer(tick, clampRefreshSeconds(refreshSeconds.value) * 1000);
    return () => clearTimer(handle);
  });

  // --- preferences ----------------------------------------------------------------------------

  const storage = deps.storage;
  let loaded = storage === undefined;
  void storage?.get(LINKING_PREFS_KEY).then((raw) => {
    const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    if (typeof r.skewMs === 'number') skewMs.value = clampSkew(r.skewMs);
    if (typeof r.windowMs === 'number' && Number.isFinite(r.windowMs)) windowMs.value = Math.min(Math.max(0, r.windowMs), 10 * 60_000);
    if (typeof r.refreshSeconds === 'number') refreshSeconds.value = clampRefreshSeconds(r.refreshSeconds);
    // Auto-refresh is never restored: it is off whenever the panel opens.
    loaded = true;
  });
  const stopSaving = effect(() => {
    const prefs = { skewMs: skewMs.value, windowMs: windowMs.value, refreshSeconds: refreshSeconds.value };
    if (loaded) void storage?.set(LINKING_PREFS_KEY, prefs);
  });

  // --- out-links and exports ------------------------------------------------------------------

  function replayUrlAt(atMs: number): string | null {
    const current = devtools.session.value.current;
    if (!current?.sessionUrl) return null;
    // A session entered by URL has no start response: its id tells the start.
    return openReplayAtTime(current.sessionUrl, atMs, knownStartMs(current, Date.now()));
  }

  function sumoUrlAt(atMs: number): string | null {
    const r = run.value;
    if (!r?.uiUrl || r.query === undefined) return null;
    return sumoSearchAtTime({ ui: r.uiUrl, query: r.query, atMs });
  }

  function reportInput(revealToken = false): LinkedReportInput {
    const r = run.value;
    const a = analysis.value;
    return {
      ...auditReportInput(devtools.store, devtools.capture.value, revealToken, now()),
      backend:
        r === null || a === null
          ? undefined
          : {
              query: r.query,
              window: { from: r.target.from, to: r.target.to },
              status: r.status,
              lines: a.entries.length,
              skewMs: skewMs.value,
              windowMs: windowMs.value,
              tagging: tagging.value,
              groups: groups.value,
              linking: linking.value,
            },
    };
  }

  return {
    skewMs,
    windowMs,
    autoRefresh,
    refreshSeconds,
    selection,
    lastRefresh,
    jumpRequest,
    /** The search whose lines are linked (the last finished one while a refresh runs). */
    run: run as ReadonlySignal<SearchRun | null>,
    analysis: analysis as ReadonlySignal<LogAnalysis | null>,
    lines: lines as ReadonlySignal<LogMessage[]>,
    entries: entries as ReadonlySignal<AuditEntry[]>,
    requestsById: requestsById as ReadonlySignal<Map<string, CapturedRequest>>,
    linking: linking as ReadonlySignal<Linking<LogEntry>>,
    tagging: tagging as ReadonlySignal<EndpointTagging[]>,
    groups: groups as ReadonlySignal<LinkedErrorGroup[]>,
    /** The link of one log entry (any LogEntry of the same search, e.g. the Backend view's). */
    errorOf(log: Pick<LogEntry, 'messageIds' | 'messageTime' | 'receiptTime' | 'raw'>): ErrorLink<LogEntry> | undefined {
      return errorsByKey.value.get(logKey(log))?.link;
    },
    /** The errors linked to one request, best-ranked links first. */
    /** Per request: how many backend errors are linked and whether any of them is ambiguous (one map for a whole table). */
    errorCounts: computed(() => {
      const l = linking.value;
      const out = new Map<string, { count: number; unsure: number }>();
      for (const [id, refs] of l.byRequest) {
        out.set(id, { count: refs.length, unsure: refs.filter((r) => l.errors[r.error]?.ambiguous === true).length });
      }
      return out;
    }),
    errorsOfRequest(requestId: string): Array<{ link: ErrorLink<LogEntry>; rank: number; of: number }> {
      const l = linking.value;
      return (l.byRequest.get(requestId) ?? []).flatMap((ref) => {
        const link = l.errors[ref.error];
        return link ? [{ link, rank: ref.rank, of: ref.of }] : [];
      });
    },
    select(next: Selection | null): void {
      selection.value = next;
    },
    /** Selects the request here and asks any request list to scroll to it. */
    jumpTo(requestId: string): void {
      selection.value = { kind: 'request', id: requestId };
      jumpRequest.value = { id: requestId, seq: (jumpRequest.value?.seq ?? 0) + 1 };
    },
    /** Starts a search now, with the rules auto-refresh follows (never while one runs). */
    searchNow: () => searchAgain(false),
    /** One auto-refresh tick, as the timer runs it. */
    tick,
    replayUrlAt,
    sumoUrlAt,
    reportInput,
    markdownReport: (reveal = false) => renderLinkedReport(reportInput(reveal)),
    jsonReport: (reveal = false) => renderLinkedJson(reportInput(reveal)),
    dispose(): void {
      stopTimer();
      stopSaving();
    },
  };
}

export type LinkingModel = ReturnType<typeof createLinkingModel>;

const instances = new WeakMap<PanelModel, LinkingModel>();

/** The one linking model of a panel model, created on first use (views share it). */
export function linkingOf(model: PanelModel, deps?: LinkingDeps): LinkingModel {
  let linking = instances.get(model);
  if (linking === undefined) instances.set(model, (linking = createLinkingModel(model, deps)));
  return linking;
}
