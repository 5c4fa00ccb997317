import { DEFAULT_CREDENTIALS, type Credential } from './auth.ts';
import type { FaultSpec } from './faults.ts';
import { resolveStrictness, type Strictness } from './strictness.ts';
import { resolveDeployments, type DeploymentsOption, type ResolvedDeployments } from './deployments.ts';

export interface SumoServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only. */
  host?: '127.0.0.1';
  /** Default: one Enterprise pair `demo-access-id` / `demo-access-key`. */
  credentials?: Credential[];
  /** How fast a started job finds matching messages. Default 2000/s; `Infinity` finds all at once. */
  gatherMessagesPerSecond?: number;
  /** How long a new job stays `NOT STARTED`. Default 200 ms. */
  jobStartDelayMs?: number;
  /** A job not polled (status or paging) for this long is cancelled and answers 404. Default 30 000 ms. */
  jobIdleTimeoutMs?: number;
  /** Jobs die after this long whatever happens. Default 8 h. */
  jobMaxAgeMs?: number;
  /** The secret path segment of the HTTP Logs source URL. Default `demo-http-source`. */
  httpSourceCode?: string;
  /**
   * Pretend the credentials belong to another deployment: every authenticated /api call answers
   * `301 moved` with `Location: <deploymentRedirect><path after /api>`. Give the other API base,
   * e.g. `https://api.eu.sumologic.com/api`.
   */
  deploymentRedirect?: string;
  /** Per access id, in any sliding 1000 ms window. Default 4. */
  requestsPerSecond?: number;
  /** Per access key, requests in flight at once. Default 10. */
  maxConcurrentPerKey?: number;
  /** Live search jobs for the whole organisation. Default 200. */
  maxLiveJobs?: number;
  /** Non-aggregate searches stop with FORCE PAUSED past this many messages. Default 100 000. */
  messageCap?: number;
  /** Oldest messages are dropped past this many (counted in stats). Default 200 000. */
  maxStoredMessages?: number;
  /** Faults active from the start. */
  faults?: FaultSpec[];
  /** The real service's harsher behaviours, all on by default; `'lenient'` turns them all off. */
  strict?: Partial<Strictness> | 'lenient';
  /**
   * Serve every deployment name: the account lives in `home` (this server's own URL); each other
   * name gets a loopback listener that answers like a wrong deployment (authenticated calls
   * `301 moved` to the home's real API host, others `401`). See `SumoServer.deploymentUrls`.
   */
  deployments?: DeploymentsOption;
  /** Clock for tests. Default Date.now. */
  now?: () => number;
}

export interface ResolvedOptions {
  port: number;
  host: '127.0.0.1';
  credentials: Credential[];
  gatherMessagesPerSecond: number;
  jobStartDelayMs: number;
  jobIdleTimeoutMs: number;
  jobMaxAgeMs: number;
  httpSourceCode: string;
  deploymentRedirect: string | undefined;
  requestsPerSecond: number;
  maxConcurrentPerKey: number;
  maxLiveJobs: number;
  messageCap: number;
  maxStoredMessages: number;
  faults: FaultSpec[];
  strict: Strictness;
  deployments: ResolvedDeployments | undefined;
  now: () => number;
}

function positive(name: string, value: number | undefined, fallback: number, allowZero = false): number {
  const v = value ?? fallback;
  if (Number.isNaN(v) || v < 0 || (!allowZero && v === 0))
    throw new RangeError(`${name} must be ${allowZero ? '>= 0' : '> 0'}`);
  return v;
}

export function resolveOptions(opts: SumoServerOptions = {}): ResolvedOptions {
  if (opts.host !== undefined && opts.host !== '127.0.0.1')
    throw new RangeError('the sumo server listens on 127.0.0.1 only');
  const code = opts.httpSourceCode ?? 'demo-http-source';
  if (!/^[A-Za-z0-9._~=-]+$/.test(code)) throw new RangeError('httpSourceCode must be URL-safe');
  const credentials = opts.credentials && opts.credentials.length > 0 ? opts.credentials : DEFAULT_CREDENTIALS;
  return {
    port: opts.port ?? 0,
    host: '127.0.0.1',
    credentials,
    gatherMessagesPerSecond: positive('gatherMessagesPerSecond', opts.gatherMessagesPerSecond, 2000),
    jobStartDelayMs: positive('jobStartDelayMs', opts.jobStartDelayMs, 200, true),
    jobIdleTimeoutMs: positive('jobIdleTimeoutMs', opts.jobIdleTimeoutMs, 30_000),
    jobMaxAgeMs: positive('jobMaxAgeMs', opts.jobMaxAgeMs, 8 * 3600_000),
    httpSourceCode: code,
    deploymentRedirect: opts.deploymentRedirect?.replace(/\/+$/, ''),
    requestsPerSecond: positive('requestsPerSecond', opts.requestsPerSecond, 4),
    maxConcurrentPerKey: positive('maxConcurrentPerKey', opts.maxConcurrentPerKey, 10),
    maxLiveJobs: positive('maxLiveJobs', opts.maxLiveJobs, 200),
    messageCap: positive('messageCap', opts.messageCap, 100_000),
    maxStoredMessages: positive('maxStoredMessages', opts.maxStoredMessages, 200_000),
    faults: opts.faults ?? [],
    strict: resolveStrictness(opts.strict),
    deployments: opts.deployments ? resolveDeployments(opts.deployments) : undefined,
    now: opts.now ?? Date.now,
  };
}
