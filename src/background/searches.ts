import { tryBuildSessionQuery, uiSearchUrl } from '../core/search/query.ts';
import { SearchJobClient, type FetchLike } from '../sumo/client.ts';
import { RateLimiter } from '../sumo/rate-limiter.ts';
import { runSearch } from '../sumo/search.ts';
import { getDeployment } from '../sumo/deployments.ts';
import { HostSessions } from '../sumo/host-sessions.ts';
import { PROBE_JOB_ID } from '../sumo/detect.ts';
import { isSumoError } from '../sumo/errors.ts';
import type { BackgroundToPanel, SearchTarget } from '../shared/protocol.ts';
import { loadCredentials } from './credentials.ts';
import { apiBaseInfo, loadSumoSettings } from './sumo-settings.ts';
import type { SumoSettings } from '../shared/settings.ts';
import { SEARCH_POLL_POLICY } from '../sumo/poll-policy.ts';
import { chunkMessages } from '../core/search/chunks.ts';
import { REFUSAL_MESSAGES } from '../core/search/refusal.ts';

/** One limiter for the whole browser: every panel of every tab searches through this worker. */
export const sharedLimiter = new RateLimiter();
/** One view of each API host's session cookie and accepted keys, shared by every search and Detect. */
export const sharedSessions = new HostSessions();

const running = new Map<string, AbortController>();

export const browserFetch: FetchLike = (input, init) => fetch(input, { ...init, credentials: 'include' });

type Send = (message: BackgroundToPanel) => void;

export interface Prepared {
  client: SearchJobClient;
  settings: SumoSettings;
  apiBase: string;
}

/** Credentials, host and permission, or the one message that says what to fix first. */
export async function prepareClient(): Promise<
  { ok: true; value: Prepared } | { ok: false; kind: string; message: string }
> {
  const settings = await loadSumoSettings();
  const base = await apiBaseInfo(settings);
  if (base.error || !base.apiBase)
    return { ok: false, kind: 'settings', message: `${base.error ?? 'No API address'} (Settings → SumoLogic).` };
  if (base.permissionOrigin) {
    return {
      ok: false,
      kind: 'permission',
      message: `The browser has not allowed Replay Link to reach ${base.permissionOrigin.replace('/*', '')} yet — press "Allow access" in Settings → SumoLogic deployment and accept the prompt.`,
    };
  }
  const creds = await loadCredentials();
  if (!creds) return { ok: false, kind: 'credentials', message: REFUSAL_MESSAGES['no-credentials'] };
  const client = new SearchJobClient({
    apiBase: base.apiBase,
    accessId: creds.accessId,
    accessKey: creds.accessKey,
    fetch: browserFetch,
    limiter: sharedLimiter,
    sessions: sharedSessions,
  });
  return { ok: true, value: { client, settings, apiBase: base.apiBase } };
}

function uiOrigin(settings: SumoSettings): string | null {
  if (settings.deployment === 'custom') return settings.customUiBase.trim() || null;
  return getDeployment(settings.deployment).uiHost;
}

export async function startSearch(searchId: string, target: SearchTarget, send: Send): Promise<void> {
  const controller = new AbortController();
  running.set(searchId, controller);
  try {
    const prepared = await prepareClient();
    if (!prepared.ok) {
      send({ type: 'search.failed', searchId, error: { kind: prepared.kind, message: prepared.message } });
      return;
    }
    const { client, settings } = prepared.value;
    // Only validated values reach the query; a refusal means no request is made at all.
    const built = tryBuildSessionQuery({
      ...(target.token ? { token: target.token } : {}),
      ...(target.sessionId ? { sessionId: target.sessionId } : {}),
      tagNames: settings.tagNames,
      scope: settings.scopeQuery,
    });
    if (!built.ok) {
      send({ type: 'search.failed', searchId, error: { kind: 'refused', message: built.message } });
      return;
    }
    const ui = uiOrigin(settings);
    send({
      type: 'search.started',
      searchId,
      query: built.query,
      scope: built.scope,
      tagClause: built.tagClause,
      from: target.from,
      to: target.to,
      uiUrl: ui ? uiSearchUrl(ui, built.query, target.from, target.to) : null,
    });
    const result = await runSearch({
      client,
      query: built.query,
      from: target.from,
      to: target.to,
      byReceiptTime: settings.byReceiptTime,
      poll: SEARCH_POLL_POLICY,
      signal: controller.signal,
      // The newest messages up to the user's cap; each page is passed on in chunks and not kept here.
      maxMessages: settings.maxMessages,
      retainMessages: false,
      onProgress: (progress) => send({ type: 'search.progress', searchId, progress }),
      onMessages: (batch) => {
        for (const messages of chunkMessages(batch)) send({ type: 'search.messages', searchId, messages });
      },
    });
    send({
      type: 'search.done',
      searchId,
      truncated: result.truncated,
      capped: result.truncated && result.fetched >= settings.maxMessages,
      messageCount: result.messageCount,
      warnings: result.pendingWarnings,
      requests: result.stats.requests,
      durationMs: result.stats.durationMs,
    });
  } catch (err) {
    const error = isSumoError(err)
      ? { kind: err.kind, message: err.message }
      : {
          kind: 'internal',
          message: 'The search failed unexpectedly — try again; if it keeps failing, reload the panel.',
        };
    send({ type: 'search.failed', searchId, error });
  } finally {
    running.delete(searchId);
  }
}

export function cancelSearch(searchId: string): void {
  running.get(searchId)?.abort();
}

/** A connection test that costs one request: a status call for a job that cannot exist. */
export async function testConnection(): Promise<{ ok: boolean; message: string }> {
  const prepared = await prepareClient();
  if (!prepared.ok) return { ok: false, message: prepared.message };
  const { client } = prepared.value;
  try {
    await client.getStatus(PROBE_JOB_ID);
    return { ok: true, message: `Connected to ${client.host}: the credentials were accepted.` };
  } catch (err) {
    if (isSumoError(err) && (err.kind === 'job-invalid' || err.kind === 'job-expired' || err.kind === 'not-found')) {
      return { ok: true, message: `Connected to ${client.host}: the credentials were accepted.` };
    }
    // A redirect says "wrong deployment"; which one is right only Detect can learn (a browser hides Location).
    return { ok: false, message: isSumoError(err) ? err.message : 'The connection test failed unexpectedly.' };
  }
}
