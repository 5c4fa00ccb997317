// "Header sent → backend tagged": after the flow, the same search the panel runs (same query
// builder, client, rate limiter and poll policy), then the same tagging and linking.

import type { AuditEntry } from '../core/audit/types.ts';
import { maskToken } from '../core/audit/mask.ts';
import { backendOf } from '../core/ci/audit-run.ts';
import type { SumoCiConfig } from './config.ts';
import type { BackendReport } from '../core/linking/report.ts';
import type { EndpointTagging } from '../core/linking/tagging.ts';
import { planSearch } from '../core/search/plan.ts';
import type { SessionState } from '../core/session/session-state.ts';
import { DEFAULT_SUMO_SETTINGS } from '../shared/settings.ts';
import { SearchJobClient } from '../sumo/client.ts';
import { isSumoError } from '../sumo/errors.ts';
import { RateLimiter } from '../sumo/rate-limiter.ts';
import { SEARCH_POLL_POLICY } from '../sumo/poll-policy.ts';
import { runSearch } from '../sumo/search.ts';
import { cookieFetch } from './cookie-fetch.ts';
import { CannotRun, type Progress } from './errors.ts';

export interface SumoCredentials {
  accessId: string;
  accessKey: string;
}

/** From the environment only: a config file or a flag would end up in a repository or a log. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): SumoCredentials | null {
  const accessId = env['SUMO_ACCESS_ID']?.trim() ?? '';
  const accessKey = env['SUMO_ACCESS_KEY']?.trim() ?? '';
  return accessId !== '' && accessKey !== '' ? { accessId, accessKey } : null;
}

export interface BackendCheck {
  backend: BackendReport;
  tagging: EndpointTagging[];
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
}

/** Runs one search job for the session (deleted on every exit, an abort included) and judges tagging. */
export async function checkBackend(
  config: SumoCiConfig,
  credentials: SumoCredentials,
  session: SessionState,
  entries: readonly AuditEntry[],
  progress: Progress,
  signal?: AbortSignal,
): Promise<BackendCheck> {
  if (config.waitSeconds > 0) {
    progress(`search: waiting ${config.waitSeconds} s for the backend's log lines to be ingested`);
    await sleep(config.waitSeconds * 1000, signal);
  }
  if (signal?.aborted) throw new CannotRun('interrupted before the SumoLogic search started');
  const plan = planSearch(
    session.current,
    {
      scopeQuery: config.scopeQuery,
      tagNames: config.tagNames,
      windowStart: config.windowMinutes === 'session' ? 'session-start' : 'last-minutes',
      windowMinutes: config.windowMinutes === 'session' ? 60 : config.windowMinutes,
      windowEnd: 'now',
      maxSessionMinutes: DEFAULT_SUMO_SETTINGS.maxSessionMinutes,
    },
    Date.now(),
  );
  if (!plan.ok) throw new CannotRun(`backend check: ${plan.reason}`);
  const token = plan.target.token;
  if (token === undefined) throw new CannotRun('backend check: the page has no session token to search for');
  const client = new SearchJobClient({
    apiBase: config.apiBase,
    ...credentials,
    fetch: cookieFetch(),
    limiter: new RateLimiter(),
  });
  progress(`search: ${client.host}, ${plan.query.split(token).join(maskToken(token))}`);
  let lastState = '';
  try {
    const result = await runSearch({
      client,
      query: plan.query,
      from: plan.target.from,
      to: plan.target.to,
      poll: SEARCH_POLL_POLICY,
      ...(signal ? { signal } : {}),
      onProgress: (p) => {
        if (p.state === lastState) return;
        lastState = p.state;
        progress(`search: ${p.state.toLowerCase()}, ${p.messageCount} message${p.messageCount === 1 ? '' : 's'}`);
      },
    });
    progress(
      `search: done, ${result.messages.length} message${result.messages.length === 1 ? '' : 's'} in ${result.stats.requests} requests; job ${result.stats.jobDeleted ? 'deleted' : 'NOT deleted (it expires on its own)'}`,
    );
    return backendOf(
      entries,
      {
        query: plan.query,
        tagClause: plan.tagClause,
        from: plan.target.from,
        to: plan.target.to,
        status: 'done',
        messages: result.messages,
      },
      { token, sessionId: plan.target.sessionId, tagNames: config.tagNames, windowMs: config.taggingWindowMs },
    );
  } catch (err) {
    if (signal?.aborted) throw new CannotRun('interrupted: the SumoLogic search was stopped (its job is deleted)');
    if (isSumoError(err)) throw new CannotRun(`SumoLogic refused the search: ${err.message}`);
    throw err;
  }
}
