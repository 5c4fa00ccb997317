import { parseRetryAfter, retryDelay } from './backoff.ts';
import { isAbortError, systemClock } from './clock.ts';
import type { Clock } from './clock.ts';
import { badResponseError, errorFromHttp, networkError, SumoError } from './errors.ts';
import type { SumoErrorBody } from './errors.ts';
import { RateLimiter } from './rate-limiter.ts';

/** The subset of `fetch` the client uses: injected so it runs in Node tests and in the service worker. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface CreateJobRequest {
  query: string;
  /** Epoch ms. */
  from: number;
  /** Epoch ms. */
  to: number;
  byReceiptTime?: boolean;
  timeZone?: string;
  autoParsingMode?: 'AutoParse' | 'Manual';
}

export interface HistogramBucket {
  startTimestamp: number;
  length: number;
  count: number;
}

export interface JobStatus {
  state: string;
  messageCount: number;
  recordCount: number;
  /** Deltas since the previous poll (the API reports only what is new). */
  histogramBuckets: HistogramBucket[];
  pendingErrors: string[];
  pendingWarnings: string[];
}

/** A message map with lowercased keys; every value is a string as the API sends it (ids stay 64-bit strings). */
export type MessageMap = Record<string, string>;

export interface MessagesPage {
  fields: { name: string; fieldType: string; keyField: boolean }[];
  messages: MessageMap[];
}

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * Aborts only while no request is on the wire (queued in the limiter, or waiting to retry).
   * For create: a create aborted mid-flight could make a job nobody knows the id of.
   */
  queueSignal?: AbortSignal;
  /** Called once per HTTP attempt (retries included), for per-search request counts. */
  onAttempt?: () => void;
}

/** One Search Job API version; a cookie-less v2 can implement the same interface later. */
export interface SearchJobApi {
  readonly host: string;
  createJob(request: CreateJobRequest, options?: CallOptions): Promise<{ id: string }>;
  getStatus(id: string, options?: CallOptions): Promise<JobStatus>;
  getMessages(id: string, offset: number, limit: number, options?: CallOptions): Promise<MessagesPage>;
  /** Resolves also when the job is already gone (404). */
  deleteJob(id: string, options?: CallOptions): Promise<void>;
}

export interface RetryPolicy {
  rateLimitRetries: number;
  rateLimitBaseMs: number;
  rateLimitMaxMs: number;
  serverErrorRetries: number;
  serverErrorBaseMs: number;
  serverErrorMaxMs: number;
  /** Right after create, status/paging may briefly answer 404 jobid.invalid. */
  freshJobNotFoundRetries: number;
  freshJobWindowMs: number;
  freshJobDelayMs: number;
  networkRetries: number;
  networkBaseMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  rateLimitRetries: 6,
  rateLimitBaseMs: 1000,
  rateLimitMaxMs: 30_000,
  serverErrorRetries: 3,
  serverErrorBaseMs: 500,
  serverErrorMaxMs: 5000,
  freshJobNotFoundRetries: 4,
  freshJobWindowMs: 15_000,
  freshJobDelayMs: 250,
  networkRetries: 2,
  networkBaseMs: 500,
});

export interface SearchJobClientOptions {
  /** e.g. https://api.eu.sumologic.com/api (see resolveApiBase). */
  apiBase: string;
  accessId: string;
  accessKey: string;
  fetch: FetchLike;
  /** Share one limiter between every client/search of the extension. */
  limiter?: RateLimiter;
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys matched case-insensitively: one doc revision shows camelCase where responses are lowercase. */
function field(obj: Record<string, unknown>, name: string): unknown {
  if (name in obj) return obj[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(obj)) if (key.toLowerCase() === lower) return obj[key];
  return undefined;
}

function toNumber(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

function toStringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((v) => {
    if (typeof v === 'string') return v;
    if (isRecord(v)) {
      const m = field(v, 'message') ?? field(v, 'text');
      if (typeof m === 'string') return m;
    }
    return JSON.stringify(v) ?? String(v);
  });
}

export function parseJobStatus(json: unknown): JobStatus {
  if (!isRecord(json)) throw badResponseError('job status is not an object');
  const state = field(json, 'state');
  if (typeof state !== 'string') throw badResponseError('job status without a state');
  const buckets = field(json, 'histogramBuckets');
  return {
    state,
    messageCount: toNumber(field(json, 'messageCount')),
    recordCount: toNumber(field(json, 'recordCount')),
    histogramBuckets: Array.isArray(buckets)
      ? buckets.filter(isRecord).map((b) => ({
          startTimestamp: toNumber(field(b, 'startTimestamp')),
          length: toNumber(field(b, 'length')),
          count: toNumber(field(b, 'count')),
        }))
      : [],
    pendingErrors: toStringList(field(json, 'pendingErrors')),
    pendingWarnings: toStringList(field(json, 'pendingWarnings')),
  };
}

/** Lowercases keys and keeps every value a string (never Number(): _messageid is 64-bit). */
export function normalizeMessageMap(map: Record<string, unknown>): MessageMap {
  const out: MessageMap = {};
  for (const [key, value] of Object.entries(map)) {
    if (value === null || value === undefined) continue;
    out[key.toLowerCase()] = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return out;
}

export function parseMessagesPage(json: unknown): MessagesPage {
  if (!isRecord(json)) throw badResponseError('message page is not an object');
  const messages = field(json, 'messages');
  if (!Array.isArray(messages)) throw badResponseError('message page without messages');
  const fields = field(json, 'fields');
  return {
    fields: Array.isArray(fields)
      ? fields.filter(isRecord).map((f) => ({
          name: String(field(f, 'name') ?? ''),
          fieldType: String(field(f, 'fieldType') ?? ''),
          keyField: field(f, 'keyField') === true,
        }))
      : [],
    messages: messages.filter(isRecord).map((m) => {
      const inner = field(m, 'map');
      return normalizeMessageMap(isRecord(inner) ? inner : {});
    }),
  };
}

/** Search Job API v1 over an injected fetch, with Basic auth on every call and cookies left to the browser. */
export class SearchJobClient implements SearchJobApi {
  readonly host: string;
  private readonly apiBase: string;
  private readonly authorization: string;
  private readonly secrets: readonly string[];
  private readonly fetchFn: FetchLike;
  private readonly limiter: RateLimiter;
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
      throw new SumoError('bad-credentials', 'The Access ID/Key contain characters that cannot be sent — paste them again.', { cause });
    }
    this.authorization = authorization;
    this.secrets = [options.accessKey, authorization.slice('Basic '.length)];
    this.fetchFn = options.fetch;
    this.clock = options.clock ?? systemClock;
    this.limiter = options.limiter ?? new RateLimiter({ clock: this.clock });
    this.random = options.random ?? Math.random;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  /** HTTP attempts made by this client so far (retries included). */
  get requests(): number {
    return this.requestCount;
  }

  async createJob(request: CreateJobRequest, options: CallOptions = {}): Promise<{ id: string }> {
    const body: Record<string, unknown> = { query: request.query, from: request.from, to: request.to };
    if (request.byReceiptTime !== undefined) body['byReceiptTime'] = request.byReceiptTime;
    if (request.timeZone !== undefined) body['timeZone'] = request.timeZone;
    if (request.autoParsingMode !== undefined) body['autoParsingMode'] = request.autoParsingMode;
    const json = await this.call('POST', '/v1/search/jobs', body, options, undefined);
    const id = isRecord(json) ? field(json, 'id') : undefined;
    if (typeof id !== 'string' || !JOB_ID.test(id)) throw badResponseError('create answered without a usable job id');
    this.createdAt.set(id, this.clock.now());
    return { id };
  }

  async getStatus(id: string, options: CallOptions = {}): Promise<JobStatus> {
    return parseJobStatus(await this.call('GET', `/v1/search/jobs/${checkId(id)}`, undefined, options, id));
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
    let rateLimited = 0;
    let serverErrors = 0;
    let notFound = 0;
    let networkFailures = 0;
    for (;;) {
      options.onAttempt?.();
      let outcome: Outcome;
      try {
        outcome = await this.limiter.schedule(() => this.once(method, path, body, signal), waitSignal);
      } catch (err) {
        if (err instanceof SumoError && err.kind === 'network' && method !== 'POST' && networkFailures < p.networkRetries) {
          await this.clock.sleep(retryDelay(networkFailures++, { baseMs: p.networkBaseMs, maxMs: p.serverErrorMaxMs, random: this.random }), waitSignal);
          continue;
        }
        throw err;
      }
      if (outcome.ok) return outcome.json;
      const error = outcome.error;
      if (error.status === 429 && rateLimited < p.rateLimitRetries) {
        const delay = retryDelay(
          rateLimited++,
          { baseMs: p.rateLimitBaseMs, maxMs: p.rateLimitMaxMs, random: this.random },
          error.retryAfterMs,
        );
        this.limiter.pauseFor(delay); // every caller backs off, not only this one
        continue;
      }
      if (error.status !== undefined && RETRYABLE_5XX.has(error.status) && serverErrors < p.serverErrorRetries) {
        await this.clock.sleep(
          retryDelay(serverErrors++, { baseMs: p.serverErrorBaseMs, maxMs: p.serverErrorMaxMs, random: this.random }, error.retryAfterMs),
          waitSignal,
        );
        continue;
      }
      if (error.kind === 'job-invalid' && freshJobId !== undefined && notFound < p.freshJobNotFoundRetries) {
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
      // A 301 "moved" must be seen, not followed: it names the right deployment.
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
    let errorBody: SumoErrorBody | undefined;
    try {
      const parsed = JSON.parse(text) as unknown;
      if (isRecord(parsed)) {
        errorBody = {};
        const code = field(parsed, 'code');
        const message = field(parsed, 'message');
        const id = field(parsed, 'id');
        if (typeof code === 'string') errorBody.code = code;
        if (typeof message === 'string') errorBody.message = message;
        if (typeof id === 'string') errorBody.id = id;
      }
    } catch {
      errorBody = undefined;
    }
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    return {
      ok: false,
      error: errorFromHttp({
        status,
        body: errorBody,
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
