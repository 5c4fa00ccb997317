// From a recording to verdicts, problems and reports: shared by the CLI and the Playwright fixture,
// so both say exactly what the panel would say about the same requests.

import { maskToken } from '../core/audit/mask.ts';
import { judgeRun } from '../core/ci/audit-run.ts';
import type { AllowRule, ReplayLinkConfig } from './config.ts';
import { renderJUnit } from '../core/ci/junit.ts';
import {
  applyPolicy,
  collectProblems,
  type IgnoredProblem,
  type Problem,
  type ProblemKind,
} from '../core/ci/problems.ts';
import { renderLinkedJson, renderLinkedReport, type LinkedReportInput } from '../core/linking/report.ts';
import type { AuditEntry } from '../core/audit/types.ts';
import type { MatcherAnswer } from '../core/audit/tracker-policy.ts';
import { checkBackend, credentialsFromEnv, type BackendCheck } from './backend-search.ts';
import { CannotRun, silent, type Progress } from './errors.ts';
import type { Recording } from './recorder.ts';

export interface AuditRecordingOptions {
  config: ReplayLinkConfig;
  /** Overrides the config's `failOn`. */
  failOn?: readonly ProblemKind[];
  /** Added to the config's allow-list. */
  allow?: readonly AllowRule[];
  env?: NodeJS.ProcessEnv;
  progress?: Progress;
  signal?: AbortSignal;
  /** Milliseconds since the run started, for the JUnit time. */
  startedAt?: number;
}

export interface AuditOutcome {
  pageUrl: string;
  entries: AuditEntry[];
  /** Every problem found, before fail-on and the allow-list. */
  problems: Problem[];
  /** Those that fail the run. */
  failing: Problem[];
  ignored: IgnoredProblem[];
  failOn: ProblemKind[];
  /** null when no search ran; `backendSkipped` says why. */
  backend: BackendCheck | null;
  backendSkipped: string | null;
  report: LinkedReportInput;
  markdown(): string;
  json(): string;
  junit(): string;
}

export async function auditRecording(rec: Recording, options: AuditRecordingOptions): Promise<AuditOutcome> {
  const progress = options.progress ?? silent;
  const { config } = options;
  const failOn = [...(options.failOn ?? config.failOn)];
  await rec.settle();
  await rec.probe();
  const session = rec.session();
  const matcherAnswers = config.scope.askTrackerMatcher ? await rec.askMatcher() : new Map<string, MatcherAnswer>();
  const judged = judgeRun(
    {
      pageUrl: rec.pageUrl(),
      requests: rec.requests(),
      dropped: rec.dropped(),
      session,
      ingestUrls: rec.ingestUrls(),
      settings: config.scope,
      matcherAnswers,
    },
    Date.now(),
  );
  const current = session.detected;
  if (current?.token)
    progress(`session: ${maskToken(current.token)} (session ${current.sessionId}, from ${current.source})`);
  else
    progress(
      `session: no OpenReplay session found on the page${session.reasons.length > 0 ? ` — ${session.reasons.join('; ')}` : ''}`,
    );
  progress(`${judged.entries.length} requests judged`);

  let backend: BackendCheck | null = null;
  let backendSkipped: string | null = null;
  const credentials = credentialsFromEnv(options.env ?? process.env);
  if (config.sumo === null) backendSkipped = 'no "sumo" section in the config';
  else if (credentials === null) backendSkipped = 'SUMO_ACCESS_ID and SUMO_ACCESS_KEY are not set';
  else if (!current?.token) backendSkipped = 'no session token to search for';
  else backend = await checkBackend(config.sumo, credentials, session, judged.entries, progress, options.signal);
  if (backendSkipped !== null) {
    if (options.failOn?.includes('not-tagging')) throw new CannotRun(`cannot check not-tagging: ${backendSkipped}`);
    progress(`backend tagging not checked: ${backendSkipped}`);
  }

  const report: LinkedReportInput = { ...judged.report, backend: backend?.backend };
  const problems = collectProblems(judged.entries, backend?.tagging ?? []);
  const { failing, ignored } = applyPolicy(problems, failOn, [...config.allow, ...(options.allow ?? [])]);
  const startedAt = options.startedAt ?? Date.now();
  return {
    pageUrl: report.pageUrl,
    entries: judged.entries,
    problems,
    failing,
    ignored,
    failOn,
    backend,
    backendSkipped,
    report,
    markdown: () => renderLinkedReport(report),
    json: () => renderLinkedJson(report),
    junit: () =>
      renderJUnit({
        pageUrl: report.pageUrl,
        endpoints: judged.endpoints,
        failing,
        ignored,
        generatedAt: Date.now(),
        durationMs: Date.now() - startedAt,
      }),
  };
}
