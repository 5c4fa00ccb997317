// One recorded run judged as the panel judges a tab: the same store, token context, scope and
// ingest points; then the backend side assembled from a search's messages as the panel's linking
// model does. Only assembly lives here: every verdict comes from core/audit and core/linking.

import { AuditStore } from '../audit/audit-store.ts';
import { computeCoverage } from '../audit/coverage.ts';
import type { ScopeSettings } from '../audit/scope-settings.ts';
import { CAPTURE_CAP, type AuditEntry, type CapturedRequest } from '../audit/types.ts';
import { groupLinkedErrors } from '../linking/error-groups.ts';
import { DEFAULT_SKEW_MS, linkErrors } from '../linking/link.ts';
import type { BackendReport, LinkedReportInput } from '../linking/report.ts';
import { endpointTagging, type EndpointTagging } from '../linking/tagging.ts';
import { normalizeMessage } from '../logs/parse.ts';
import { AnalysisEngine } from '../search/analysis-engine.ts';
import { AnalysisMirror } from '../search/analysis-mirror.ts';
import { tagsFromClause } from '../search/plan.ts';
import type { SessionState } from '../session/session-state.ts';
import { tokenContextOf } from '../session/token-context.ts';
import { recordingOf } from '../session/recording.ts';
import type { MatcherAnswer, TrackerPolicy } from '../audit/tracker-policy.ts';

export interface RecordedRun {
  pageUrl: string;
  requests: readonly CapturedRequest[];
  dropped: number;
  session: SessionState;
  ingestUrls: readonly string[];
  settings: ScopeSettings;
  /** The page's tokenUrlMatcher's answers per URL (empty when not asked). */
  matcherAnswers?: ReadonlyMap<string, MatcherAnswer>;
}

/** What the page's tracker was told to do, as the panel's devtools model derives it. */
export function trackerPolicyOf(
  session: SessionState,
  answers: ReadonlyMap<string, MatcherAnswer>,
  ask: boolean,
): TrackerPolicy {
  const options = session.page?.tracker?.options ?? null;
  const policy: TrackerPolicy = {
    hasMatcher: options?.hasMatcher === true,
    answers: ask ? answers : new Map(),
    recording: recordingOf(session),
  };
  if (options?.header !== undefined) policy.header = options.header;
  return policy;
}

export interface JudgedRun {
  entries: AuditEntry[];
  /** The panel's export input (token masked unless revealed). */
  report: LinkedReportInput;
  /** Endpoints a JUnit test case is written for: in scope, or with any verdict but "not expected". */
  endpoints: string[];
}

export function judgeRun(run: RecordedRun, now: number): JudgedRun {
  const store = new AuditStore({
    tokens: tokenContextOf(run.session),
    settings: run.settings,
    ingestUrls: run.ingestUrls,
  });
  store.setTracker(trackerPolicyOf(run.session, run.matcherAnswers ?? new Map(), run.settings.askTrackerMatcher));
  store.add(run.requests);
  const entries = store.toArray();
  const report: LinkedReportInput = {
    pageUrl: run.pageUrl,
    generatedAt: now,
    requests: entries,
    settings: run.settings,
    dropped: run.dropped + store.dropped,
    cap: CAPTURE_CAP,
    revealToken: false,
  };
  const current = store.tokens.current;
  if (current !== undefined) {
    report.token = current.token;
    report.sessionId = current.sessionId;
  }
  return { entries, report, endpoints: computeCoverage(entries).endpoints.map((e) => e.key) };
}

export interface SearchOutcome {
  query: string;
  tagClause: string;
  from: number;
  to: number;
  status: string;
  messages: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

export interface BackendOptions {
  token: string;
  sessionId?: string | undefined;
  /** Tag names to fall back on when the clause names none. */
  tagNames: readonly string[];
  windowMs: number;
  skewMs?: number;
}

/** The backend half of the report (tagging per endpoint, linked errors) from one finished search. */
export function backendOf(
  entries: readonly AuditEntry[],
  search: SearchOutcome,
  options: BackendOptions,
): { backend: BackendReport; tagging: EndpointTagging[] } {
  const skewMs = options.skewMs ?? DEFAULT_SKEW_MS;
  const tags = tagsFromClause(search.tagClause);
  // The same engine the panel's analysis Worker runs, fed the whole search as one page.
  const analysis = new AnalysisMirror().apply(new AnalysisEngine(tags).append(search.messages), search.messages);
  const key = { token: options.token, sessionId: options.sessionId };
  const tagging = endpointTagging(entries, search.messages.map(normalizeMessage), {
    ...key,
    tagNames: tags.length > 0 ? tags.map((t) => t.tagName) : options.tagNames,
    windowMs: options.windowMs,
    skewMs,
    searched: true,
    searchedTo: search.to,
  });
  const linking =
    analysis.errors.length === 0
      ? { errors: [], byRequest: new Map(), skewMs }
      : linkErrors(entries, analysis.entries, { ...key, skewMs });
  const byId = new Map(entries.map((e) => [e.req.id, e.req]));
  return {
    tagging,
    backend: {
      query: search.query,
      window: { from: search.from, to: search.to },
      status: search.status,
      lines: analysis.entries.length,
      skewMs,
      windowMs: options.windowMs,
      tagging,
      groups: groupLinkedErrors(linking, byId),
      linking,
    },
  };
}
