import { parseRetryAfter, retryDelay } from './backoff.ts';
import { isAbortError, systemClock } from './clock.ts';
import type { Clock } from './clock.ts';
import { authThrottledError, badResponseError, errorFromHttp, networkError, SumoError } from './errors.ts';
import { HostSessions } from './host-sessions.ts';
import { RateLimiter } from './rate-limiter.ts';
import { field, isRecord, parseErrorBody, parseJobStatus, parseMessagesPage } from './responses.ts';
import type { JobStatus, MessagesPage } from './responses.ts';
import type { CallOptions, CreateJobRequest, FetchLike, SearchJobApi } from './search-job-api.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.ts';
export type { HistogramBucket, JobStatus, MessageMap, MessagesPage } from './responses.ts';

export type { CallOptions, CreateJobRequest, FetchLike, SearchJobApi } from './search-job-api.ts';

export interface SearchJobClientOptions {
  /** e.g. https://api.eu.sumologic.com/api (see resolveApiBase). */
  apiBase: string;
  accessId: string;
  accessKey: string;
  fetch: FetchLike;
  /** Share one limiter between every client/search of the extension. */
  limiter?: RateLimiter;
  /** Share one per-host session state (cookie set yet? key accepted before?) between every client. */
  sessions?: HostSessions;
  clock?: Clock;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
}

const JOB_ID = /^[A-Za-z0-9._-]{1,128}$/;
const RETRYABLE_5XX = new Set([500, 502, 503, 504]);

type Outcome = { ok: true; status: number; json: unknown } | { ok: false; error: SumoError };

export function basicAuthorization(accessId: string, accessKey: string): string {
  // UTF-8 first: btoa only takes Latin-1.
  const bytes = new TextEncoder().encode(`${accessId}:${accessKey}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/** An answer that proves the service knows the account (so it has set its session cookie). */
function setsSession(outcome: Outcome): boolean {
  if (outcome.ok) return true;
  const { status, kind } = outcome.error;
  return status !== undefined && status < 500 && status !== 401 && status !== 429 && status !== 0 && kind !== 'moved';
}

/** Search Job API v1 over an injected fetch, with Basic auth on every call and cookies left to the browser. */
export class SearchJobClient implements SearchJobApi {
  readonly host: string;
  private readonly apiBase: string;
  private readonly authorization: string;
  private readonly secrets: readonly string[];
  private readonly fetchFn: FetchLike;
  private readonly limiter: RateLimiter;
  private readonly sessions: HostSessions;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly policy: RetryPolicy;
  private readonly createdAt = new Map<string, number>();
  private requestCount = 0;

  constructor(options: SearchJobClientOptions) {
    this.apiBase = options.apiBase.replace(/\/+$/, '');
    this.host = hostOfBase(this.apiBase);
    let authorization: string;
    try {
      authorization = basicAuthorization(options.accessId, options.accessKey);
    } catch (cause) {
      throw new SumoError(
        'bad-credentials',
        'The Access ID/Key contain characters that cannot be sent — paste them again.',
        { cause },
      );
    }
    this.authorization = authorization;
    this.secrets = [options.accessKey, authorization.slice('Basic '.length)];
    this.fetchFn = options.fetch;
    this.clock = options.clock ?? systemClock;
    this.limiter = options.limiter ?? new RateLimiter({ clock: this.clock });
    this.sessions = options.sessions ?? new HostSessions(this.clock);
    this.random = options.random ?? Math.random;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  /** HTTP attempts made by this client so far (retries included). */
  get requests(): number {
    return this.requestCount;
  }

  async createJob(request: CreateJobRequest, options: CallOptions = {}): Promise<{ id: string }> {
    // Epoch ms need no time zone, but UTC is sent so nothing depends on the account's default;
    // raw messages must be asked for: new jobs default to none since 2025-10-09.
    const body: Record<string, unknown> = {
      query: request.query,
      from: request.from,
      to: request.to,
      timeZone: request.timeZone ?? 'UTC',
      requiresRawMessages: true,
    };
    if (request.byReceiptTime !== undefined) body['byReceiptTime'] = request.byReceiptTime;
    if (request.autoParsingMode !== undefined) body['autoParsingMode'] = request.autoParsingMode;
    const json = await this.call('POST', '/v1/search/jobs', body, options, undefined);
    const id = isRecord(json) ? field(json, 'id') : undefined;
    if (typeof id !== 'string' || !JOB_ID.test(id)) throw badResponseError('create answered without a usable job id');
    this.createdAt.set(id, this.clock.now());
    return { id };
  }

  async getStatus(id: string, options: CallOptions = {}): Promise<JobStatus> {
    const status = parseJobStatus(await this.call('GET', `/v1/search/jobs/${checkId(id)}`, undefined, options, id));
    this.createdAt.delete(id); // reached once: a later 404 means lost, not "not there yet"
    return status;
  }

  async getMessages(id: string, offset: number, limit: number, options: CallOptions = {}): Promise<MessagesPage> {
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 10_000) {
      throw new RangeError(`bad page offset=${offset} limit=${limit}`);
    }
    const path = `/v1/search/jobs/${checkId(id)}/messages?offset=${offset}&limit=${limit}`;
    return parseMessagesPage(await this.call('GET', path, undefined, options, id));
  }

  async deleteJob(id: string, options: CallOptions = {}): Promise<void> {
    try {
      await this.call('DELETE', `/v1/search/jobs/${checkId(id)}`, undefined, options, undefined);
    } catch (err) {
      if (!(err instanceof SumoError && (err.kind === 'job-invalid' || err.kind === 'not-found'))) throw err;
    } finally {
      this.createdAt.delete(id);
    }
  }

  private async call(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body: unknown,
    options: CallOptions,
    freshJobId: string | undefined,
  ): Promise<unknown> {
    const { signal } = options;
    const waitSignal = signal ?? options.queueSignal;
    const p = this.policy;
    const idempotent = method !== 'POST';
    let rateLimited = 0;
    let serverErrors = 0;
    let notFound = 0;
    let networkFailures = 0;
    let throttled = 0;
    for (;;) {
      options.onAttempt?.();
      let outcome: Outcome;
      try {
        outcome = await this.sessions.run(
          this.host,
          async () => {
            const o = await this.limiter.schedule(() => this.once(method, path, body, signal), waitSignal);
            return { value: o, sessionSet: setsSession(o) };
          },
          waitSignal,
        );
      } catch (err) {
        if (err instanceof SumoError && err.kind === 'network' && idempotent && networkFailures < p.networkRetries) {
          await this.clock.sleep(
            retryDelay(networkFailures++, { baseMs: p.networkBaseMs, maxMs: p.serverErrorMaxMs, random: this.random }),
            waitSignal,
          );
          continue;
        }
        throw err;
      }
      if (outcome.ok) {
        this.sessions.noteAccepted(this.host, this.authorization);
        return outcome.json;
      }
      const error = outcome.error;
      if (error.status === 429 && rateLimited < p.rateLimitRetries) {
        // Never shorter than the base, also without Retry-After: the limit is shared with the
        // user's other tools, so every search of this extension slows down, not only this one.
        const delay = Math.max(
          p.rateLimitBaseMs,
          retryDelay(
            rateLimited++,
            { baseMs: p.rateLimitBaseMs, maxMs: p.rateLimitMaxMs, random: this.random },
            error.retryAfterMs,
          ),
        );
        this.limiter.pauseFor(delay);
        continue;
      }
      if (error.status === 401 && this.sessions.wasAccepted(this.host, this.authorization)) {
        if (throttled >= p.authThrottleRetries) throw authThrottledError(throttled, error);
        await this.clock.sleep(
          Math.max(
            p.authThrottleBaseMs / 2,
            retryDelay(throttled++, { baseMs: p.authThrottleBaseMs, maxMs: p.authThrottleMaxMs, random: this.random }),
          ),
          waitSignal,
        );
        continue;
      }
      if (
        idempotent &&
        error.status !== undefined &&
        RETRYABLE_5XX.has(error.status) &&
        serverErrors < p.serverErrorRetries
      ) {
        await this.clock.sleep(
          retryDelay(
            serverErrors++,
            { baseMs: p.serverErrorBaseMs, maxMs: p.serverErrorMaxMs, random: this.random },
            error.retryAfterMs,
          ),
          waitSignal,
        );
        continue;
      }
      if (
        error.kind === 'job-invalid' &&
        error.status === 404 &&
        freshJobId !== undefined &&
        notFound < p.freshJobNotFoundRetries
      ) {
        const created = this.createdAt.get(freshJobId);
        if (created !== undefined && this.clock.now() - created <= p.freshJobWindowMs) {
          await this.clock.sleep(p.freshJobDelayMs * ++notFound, waitSignal);
          continue;
        }
      }
      throw error;
    }
  }

  private async once(method: string, path: string, body: unknown, signal: AbortSignal | undefined): Promise<Outcome> {
    this.requestCount++;
    const init: RequestInit = {
      method,
      headers: { Authorization: this.authorization, 'Content-Type': 'application/json', Accept: 'application/json' },
      // The JSESSIONID/AWSALB cookies route follow-up calls to the node that owns the job.
      credentials: 'include',
      // Never followed: a followed POST turns into a GET and the redirect drops the credentials.
      redirect: 'manual',
    };
    if (body !== undefined) init.body = JSON.stringify(body);
    if (signal) init.signal = signal;
    let response: Response;
    try {
      response = await this.fetchFn(`${this.apiBase}${path}`, init);
    } catch (err) {
      if (isAbortError(err) || signal?.aborted) throw err;
      throw networkError(this.host, err);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (err) {
      if (isAbortError(err) || signal?.aborted) throw err;
      throw networkError(this.host, err);
    }
    const status = response.type === 'opaqueredirect' ? 0 : response.status;
    if (status >= 200 && status < 300) {
      if (method === 'DELETE' && text.trim() === '') return { ok: true, status, json: {} };
      try {
        return { ok: true, status, json: JSON.parse(text) as unknown };
      } catch {
        throw badResponseError(`status ${status} with a body that is not JSON`);
      }
    }
    // A load balancer's 502/503/504 comes as HTML: read as "no error body", never parsed further.
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    return {
      ok: false,
      error: errorFromHttp({
        status,
        body: parseErrorBody(text),
        location: response.headers.get('location'),
        host: this.host,
        secrets: this.secrets,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      }),
    };
  }
}

function checkId(id: string): string {
  if (!JOB_ID.test(id)) throw new RangeError('bad job id');
  return id;
}

function hostOfBase(apiBase: string): string {
  try {
    return new URL(apiBase).host;
  } catch {
    return apiBase;
  }
}
