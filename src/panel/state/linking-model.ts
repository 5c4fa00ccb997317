import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { AuditEntry, CapturedRequest } from '../../core/audit/types.ts';
import type { LogAnalysis, LogEntry } from '../../core/logs/analysis.ts';
import { normalizeMessage, type LogMessage } from '../../core/logs/parse.ts';
import { groupLinkedErrors, type LinkedErrorGroup } from '../../core/linking/error-groups.ts';
import { clampSkew, DEFAULT_SKEW_MS, linkErrors, type ErrorLink, type Linking } from '../../core/linking/link.ts';
import { DEFAULT_TAGGING_WINDOW_MS, endpointTagging, type EndpointTagging } from '../../core/linking/tagging.ts';
import { logKey, type Selection } from '../../core/linking/selection.ts';
import { tagsFromClause } from '../../core/search/plan.ts';
import type { SearchAnalysis } from './search-analysis.ts';
import { createAutoRefresh, type TimerDeps } from './auto-refresh.ts';
import type { DevtoolsModel } from './devtools-model.ts';
import { createLinkedExports } from './linked-report.ts';
import { persistLinkingPrefs } from './linking-prefs.ts';
import type { SearchModel, SearchOutcome } from './search-model.ts';
import type { KeyValueStorage } from './site-storage.ts';
import { isActive, type SearchRun, type WorkerModel } from './worker-model.ts';

export { LINKING_PREFS_KEY } from './linking-prefs.ts';
export { MAX_REFRESH_SECONDS, MIN_REFRESH_SECONDS, clampRefreshSeconds } from './auto-refresh.ts';

// Links between the audit's requests and the backend search's lines, derived (computed signals)
// from the devtools and worker models. The auto-refresh (auto-refresh.ts), the saved preferences
// (linking-prefs.ts) and the exports (linked-report.ts) are composed in here so the Timeline reads
// one object. One instance per panel model, created by createPanelModel.

export interface RefreshNote {
  at: number;
  /** What the last tick did, for people. */
  text: string;
  started: boolean;
}

export interface LinkingSources {
  devtools: DevtoolsModel;
  worker: WorkerModel;
  search: SearchModel;
  analysis: SearchAnalysis;
}

export interface LinkingDeps extends TimerDeps {
  now?: () => number;
  storage?: KeyValueStorage;
}

export function createLinkingModel(sources: LinkingSources, deps: LinkingDeps = {}) {
  const now = deps.now ?? Date.now;
  const { devtools, worker, search } = sources;

  const skewMs = signal(DEFAULT_SKEW_MS);
  const windowMs = signal(DEFAULT_TAGGING_WINDOW_MS);
  const selection = signal<Selection | null>(null);
  /** Bumped to ask views showing requests to scroll to one. */
  const jumpRequest = signal<{ id: string; seq: number } | null>(null);

  // While a new search starts (auto-refresh), keep showing the last finished one of the same session.
  let lastDone: SearchRun | null = null;
  const run = computed<SearchRun | null>(() => {
    const current = worker.search.value;
    if (current === null) return null;
    if (current.status === 'done') return (lastDone = current);
    const sameTarget =
      lastDone !== null &&
      lastDone.target.token === current.target.token &&
      lastDone.target.sessionId === current.target.sessionId;
    if (isActive(current) && sameTarget) return lastDone;
    return current;
  });

  const analysis = computed<LogAnalysis | null>(() => {
    const r = run.value;
    return r === null ? null : sources.analysis.of(r);
  });

  // Every returned line, including those the exact re-check dropped: tagging diagnoses those.
  let linesSlot: { id: string; lines: LogMessage[] } | null = null;
  const lines = computed<LogMessage[]>(() => {
    const r = run.value;
    if (r === null) return [];
    if (!linesSlot || linesSlot.id !== r.id || linesSlot.lines.length > r.messages.length)
      linesSlot = { id: r.id, lines: [] };
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
    if (a === null || a.errors.length === 0)
      return { errors: [], byRequest: new Map(), skewMs: clampSkew(skewMs.value) };
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

  const refresh = createAutoRefresh(search, deps);
  const stopSaving = persistLinkingPrefs(deps.storage, { skewMs, windowMs, refreshSeconds: refresh.refreshSeconds });
  const exports = createLinkedExports({ devtools, run, analysis, skewMs, windowMs, tagging, groups, linking, now });

  /** The last search attempt, worded for the Timeline's status line. */
  const lastRefresh = computed<RefreshNote | null>(() => {
    const attempt = search.lastAttempt.value;
    return attempt === null
      ? null
      : { at: attempt.at, started: attempt.outcome.started, text: noteText(attempt.outcome, attempt.auto) };
  });

  return {
    skewMs,
    windowMs,
    autoRefresh: refresh.autoRefresh,
    refreshSeconds: refresh.refreshSeconds,
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
    errorOf(
      log: Pick<LogEntry, 'messageIds' | 'messageTime' | 'receiptTime' | 'raw'>,
    ): ErrorLink<LogEntry> | undefined {
      return errorsByKey.value.get(logKey(log))?.link;
    },
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
    /** Starts a search now through the panel's one search path; says what happened. */
    searchNow(): RefreshNote {
      const outcome = search.searchCurrentSession();
      return { at: now(), started: outcome.started, text: noteText(outcome, false) };
    },
    /** One auto-refresh tick, as the timer runs it. */
    tick: refresh.tick,
    ...exports,
    dispose(): void {
      refresh.dispose();
      stopSaving();
    },
  };
}

export type LinkingModel = ReturnType<typeof createLinkingModel>;

function noteText(outcome: SearchOutcome, auto: boolean): string {
  if (outcome.started) return auto ? 'searched again (auto-refresh)' : 'searched';
  const message = outcome.refusal.message.replace(/[.…]+$/, '');
  return `not searched: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}
