import { SessionRegistry } from './cookies.ts';
import { FaultRegistry, validateFault } from './faults.ts';
import { DEFAULT_SOURCE, type SourceConfig } from './ingest.ts';
import { JobRegistry } from './jobs.ts';
import { RequestTracker, type KeyStats } from './limits.ts';
import type { ResolvedOptions } from './options.ts';
import { AuthThrottle } from './strictness.ts';
import { MessageStore } from './store.ts';

export interface RequestLogEntry {
  at: number;
  method: string;
  path: string;
  call: string;
  accessId: string;
  /** 0 when no response was sent (hung, or the client went away). */
  status: number;
  hadSessionCookie: boolean;
}

export interface LiveJobView {
  id: string;
  state: string;
  query: string;
  accessId: string;
  messageCount: number;
  createdAt: number;
  lastPolledAt: number;
  faults: string[];
}

/** What `GET /__sumo/stats` and `SumoServer.stats()` return. */
export interface SumoStats {
  liveJobs: number;
  jobs: LiveJobView[];
  jobsCreated: number;
  jobsDeleted: number;
  jobsExpired: number;
  /** /api requests seen (all outcomes). */
  requests: number;
  inFlight: number;
  /** Highest count of /api requests from one access id in any sliding 1000 ms window. */
  maxRequestsPerSecond: number;
  /** Same, all access ids together. */
  maxRequestsPerSecondAllKeys: number;
  /** Highest number of /api requests in flight at once. */
  maxConcurrent: number;
  byAccessId: Record<string, KeyStats>;
  responsesByStatus: Record<string, number>;
  requestsByCall: Record<string, number>;
  /** 429s the limiter (not a fault) answered. */
  rateLimited: number;
  faultHits: Record<string, number>;
  messagesStored: number;
  messagesDropped: number;
  receiverRequests: number;
}

const REQUEST_LOG_SIZE = 500;

export class ServerContext {
  readonly store: MessageStore;
  readonly jobs: JobRegistry;
  readonly faults = new FaultRegistry();
  readonly tracker = new RequestTracker();
  readonly sessions = new SessionRegistry();
  readonly authThrottle: AuthThrottle;
  /** For `cookieLoss: 'alternate'`: which answer the next cookie-less follow-up call gets. */
  cookieLossTurn = 0;
  readonly source: SourceConfig = DEFAULT_SOURCE;
  baseUrl = '';
  responsesByStatus = new Map<number, number>();
  requestsByCall = new Map<string, number>();
  rateLimited = 0;
  receiverRequests = 0;
  requestLog: RequestLogEntry[] = [];

  constructor(readonly options: ResolvedOptions) {
    this.store = new MessageStore(options.maxStoredMessages);
    this.jobs = new JobRegistry(
      {
        startDelayMs: options.jobStartDelayMs,
        messagesPerSecond: options.gatherMessagesPerSecond,
        messageCap: options.messageCap,
        subqueriesState: options.strict.subqueriesState,
      },
      options.jobIdleTimeoutMs,
      options.jobMaxAgeMs,
    );
    this.faults.set(options.faults.map(validateFault));
    this.authThrottle = new AuthThrottle(options.strict.authThrottleFreeCalls);
  }

  now(): number {
    return this.options.now();
  }

  logRequest(entry: RequestLogEntry): void {
    this.responsesByStatus.set(entry.status, (this.responsesByStatus.get(entry.status) ?? 0) + 1);
    this.requestsByCall.set(entry.call, (this.requestsByCall.get(entry.call) ?? 0) + 1);
    this.requestLog.push(entry);
    if (this.requestLog.length > REQUEST_LOG_SIZE) this.requestLog.splice(0, this.requestLog.length - REQUEST_LOG_SIZE);
  }

  stats(): SumoStats {
    const now = this.now();
    const live = this.jobs.live(now);
    const summary = this.tracker.summary();
    return {
      liveJobs: live.length,
      jobs: live.map((job) => ({
        id: job.id,
        state: this.jobs.progress(job, now).state,
        query: job.query,
        accessId: job.accessId,
        messageCount: this.jobs.progress(job, now).found,
        createdAt: job.createdAt,
        lastPolledAt: job.lastTouchedAt,
        faults: job.faultTypes,
      })),
      jobsCreated: this.jobs.created,
      jobsDeleted: this.jobs.deleted,
      jobsExpired: this.jobs.expired,
      requests: summary.requests,
      inFlight: summary.inFlight,
      maxRequestsPerSecond: summary.maxRequestsPerSecond,
      maxRequestsPerSecondAllKeys: summary.maxRequestsPerSecondAllKeys,
      maxConcurrent: summary.maxConcurrent,
      byAccessId: this.tracker.byKey(),
      responsesByStatus: Object.fromEntries([...this.responsesByStatus].map(([k, v]) => [String(k), v])),
      requestsByCall: Object.fromEntries(this.requestsByCall),
      rateLimited: this.rateLimited,
      faultHits: this.faults.hitCounts(),
      messagesStored: this.store.size,
      messagesDropped: this.store.droppedCount,
      receiverRequests: this.receiverRequests,
    };
  }

  resetStats(): void {
    this.tracker.reset();
    this.jobs.resetCounters();
    this.responsesByStatus.clear();
    this.requestsByCall.clear();
    this.rateLimited = 0;
    this.receiverRequests = 0;
    this.requestLog = [];
    this.faults.resetHits();
  }

  /** Back to a fresh server: no messages, jobs, sessions, faults or stats. */
  resetAll(): void {
    this.store.clear();
    this.jobs.clear();
    this.sessions.clear();
    this.authThrottle.clear();
    this.faults.clear();
    this.resetStats();
  }
}
