import type { JobFault } from './faults.ts';
import { bucketize, bucketLengthFor, type HistogramBucket } from './histogram.ts';
import { newJobId } from './ids.ts';
import { aggregate, type AggregateRecord, type CompiledQuery } from './query/evaluate.ts';
import type { KeyStyle, StoredMessage } from './store.ts';

export type JobState =
  | 'NOT STARTED'
  | 'GATHERING RESULTS'
  | 'GATHERING RESULTS FROM SUBQUERIES'
  | 'DONE GATHERING HISTOGRAM'
  | 'DONE GATHERING RESULTS'
  | 'FORCE PAUSED'
  | 'CANCELLED';

export interface JobTiming {
  /** How long a job stays NOT STARTED. */
  startDelayMs: number;
  /** How many matching messages a job "finds" per second once started. */
  messagesPerSecond: number;
  /** Non-aggregate searches stop at this many messages with FORCE PAUSED. */
  messageCap: number;
  /** A started job's first "gathering" poll reports GATHERING RESULTS FROM SUBQUERIES. */
  subqueriesState: boolean;
}

export interface CreateJobInput {
  accessId: string;
  sessionId: string;
  query: string;
  compiled: CompiledQuery;
  from: number;
  to: number;
  byReceiptTime: boolean;
  /** The create body asked for `_raw` (`requiresRawMessages: true`). */
  rawRequested: boolean;
  faults: JobFault[];
}

/** A job's settings derived from the faults it was created with. */
interface JobBehaviour {
  messagesPerSecond: number;
  forcePausedCap: number | undefined;
  cancelAfter: number | undefined;
  pendingErrors: string[];
  pendingWarnings: string[];
  transient404: number;
  emptyPages: number;
  histogramPolls: number;
  keyStyle: KeyStyle;
  expireAfterPolls: number | undefined;
}

export interface Job {
  id: string;
  accessId: string;
  sessionId: string;
  query: string;
  from: number;
  to: number;
  byReceiptTime: boolean;
  rawRequested: boolean;
  subqueryPollsLeft: number;
  createdAt: number;
  lastTouchedAt: number;
  compiled: CompiledQuery;
  /** Every message the job will find, newest first; found ones are a prefix. */
  matches: StoredMessage[];
  scannedBytes: number;
  bucketLength: number;
  behaviour: JobBehaviour;
  reportedFound: number;
  reportedErrors: number;
  reportedWarnings: number;
  transient404Left: number;
  histogramPollsLeft: number;
  emptyPagesLeft: Map<number, number>;
  faultTypes: string[];
  polls: number;
}

export interface Progress {
  state: JobState;
  found: number;
}

export interface StatusBody {
  state: JobState;
  messageCount: number;
  recordCount: number;
  histogramBuckets: HistogramBucket[];
  pendingErrors: string[];
  pendingWarnings: string[];
  usageDetails: { dataScannedInBytes: number };
}

function behaviourOf(faults: JobFault[], timing: JobTiming): JobBehaviour {
  const b: JobBehaviour = {
    messagesPerSecond: timing.messagesPerSecond,
    forcePausedCap: undefined,
    cancelAfter: undefined,
    pendingErrors: [],
    pendingWarnings: [],
    transient404: 0,
    emptyPages: 0,
    histogramPolls: 0,
    keyStyle: 'lower',
    expireAfterPolls: undefined,
  };
  for (const f of faults) {
    switch (f.type) {
      case 'gatherRate':
        b.messagesPerSecond = f.messagesPerSecond;
        break;
      case 'forcePaused':
        b.forcePausedCap = f.cap ?? 10;
        break;
      case 'cancelled':
        b.cancelAfter = f.afterMessages ?? 0;
        break;
      case 'pendingErrors':
        b.pendingErrors.push(...(f.errors ?? []));
        break;
      case 'pendingWarnings':
        b.pendingWarnings.push(...(f.warnings ?? []));
        break;
      case 'transient404':
        b.transient404 = f.count ?? 2;
        break;
      case 'emptyPages':
        b.emptyPages = f.count ?? 2;
        break;
      case 'doneGatheringHistogram':
        b.histogramPolls = f.polls ?? 2;
        break;
      case 'camelCase':
        b.keyStyle = 'camel';
        break;
      case 'expire':
        b.expireAfterPolls = f.afterPolls ?? 1;
        break;
    }
  }
  return b;
}

export const FORCE_PAUSED_WARNING =
  'This search reached its message limit and was paused: results are incomplete. Narrow the search or the time range.';

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();
  created = 0;
  deleted = 0;
  expired = 0;

  constructor(
    private readonly timing: JobTiming,
    private readonly idleTimeoutMs: number,
    private readonly maxAgeMs: number,
  ) {}

  create(input: CreateJobInput, messages: readonly StoredMessage[], now: number): Job {
    const timeOf = input.byReceiptTime ? (m: StoredMessage) => m.receiptTime : (m: StoredMessage) => m.messageTime;
    const inRange = messages.filter((m) => {
      const t = timeOf(m);
      return t >= input.from && t <= input.to;
    });
    let matches = inRange.filter(input.compiled.matches);
    matches.sort((a, b) => b.messageTime - a.messageTime || b.seq - a.seq);
    if (input.compiled.messageLimit !== undefined) matches = matches.slice(0, input.compiled.messageLimit);
    const behaviour = behaviourOf(input.faults, this.timing);
    let id = newJobId();
    while (this.jobs.has(id)) id = newJobId();
    const job: Job = {
      id,
      accessId: input.accessId,
      sessionId: input.sessionId,
      query: input.query,
      from: input.from,
      to: input.to,
      byReceiptTime: input.byReceiptTime,
      rawRequested: input.rawRequested,
      subqueryPollsLeft: this.timing.subqueriesState ? 1 : 0,
      createdAt: now,
      lastTouchedAt: now,
      compiled: input.compiled,
      matches,
      scannedBytes: inRange.reduce((sum, m) => sum + m.size, 0),
      bucketLength: bucketLengthFor(input.to - input.from),
      behaviour,
      reportedFound: 0,
      reportedErrors: 0,
      reportedWarnings: 0,
      transient404Left: behaviour.transient404,
      histogramPollsLeft: behaviour.histogramPolls,
      emptyPagesLeft: new Map(),
      faultTypes: input.faults.map((f) => f.type),
      polls: 0,
    };
    this.jobs.set(id, job);
    this.created++;
    return job;
  }

  /** Drops jobs nobody polled in time (and those past their maximum age). */
  sweep(now: number): void {
    for (const job of this.jobs.values()) {
      if (now - job.lastTouchedAt > this.idleTimeoutMs || now - job.createdAt > this.maxAgeMs) {
        this.jobs.delete(job.id);
        this.expired++;
      }
    }
  }

  /** Whether a live job has this id, whoever's session it belongs to. */
  exists(id: string, now: number): boolean {
    this.sweep(now);
    return this.jobs.has(id);
  }

  /** The job if it exists, is alive and belongs to this session; touching it keeps it alive. */
  lookup(id: string, sessionId: string, now: number): Job | undefined {
    this.sweep(now);
    const job = this.jobs.get(id);
    if (!job || job.sessionId !== sessionId) return undefined;
    job.lastTouchedAt = now;
    return job;
  }

  remove(id: string): void {
    if (this.jobs.delete(id)) this.deleted++;
  }

  /** The service dropped the job on its own (counted as expired, not deleted). */
  lose(id: string): void {
    if (this.jobs.delete(id)) this.expired++;
  }

  live(now: number): Job[] {
    this.sweep(now);
    return [...this.jobs.values()];
  }

  clear(): void {
    this.jobs.clear();
  }

  resetCounters(): void {
    this.created = 0;
    this.deleted = 0;
    this.expired = 0;
  }

  progress(job: Job, now: number): Progress {
    const b = job.behaviour;
    const startAt = job.createdAt + this.timing.startDelayMs;
    if (now < startAt) return { state: 'NOT STARTED', found: 0 };
    // A failed query: it "finishes" with nothing found and its errors pending.
    if (b.pendingErrors.length > 0) return { state: 'DONE GATHERING RESULTS', found: 0 };
    const total = job.matches.length;
    const elapsed = now - startAt;
    const natural =
      b.messagesPerSecond === Infinity ? total : Math.min(total, Math.floor((elapsed * b.messagesPerSecond) / 1000));
    if (b.cancelAfter !== undefined) {
      const stopAt = Math.min(b.cancelAfter, total);
      if (natural >= stopAt) return { state: 'CANCELLED', found: stopAt };
    }
    const cap = Math.min(b.forcePausedCap ?? Infinity, job.compiled.aggregation ? Infinity : this.timing.messageCap);
    if (total > cap && natural >= cap) return { state: 'FORCE PAUSED', found: cap };
    if (natural >= total) return { state: 'DONE GATHERING RESULTS', found: total };
    return { state: 'GATHERING RESULTS', found: natural };
  }

  /** One status poll: the state plus everything new since the previous poll. */
  poll(job: Job, now: number): StatusBody {
    const { state: rawState, found } = this.progress(job, now);
    let state: JobState = rawState;
    if (rawState === 'DONE GATHERING RESULTS' && job.histogramPollsLeft > 0) {
      job.histogramPollsLeft--;
      state = 'DONE GATHERING HISTOGRAM';
    }
    if (rawState === 'GATHERING RESULTS' && job.subqueryPollsLeft > 0) {
      job.subqueryPollsLeft--;
      state = 'GATHERING RESULTS FROM SUBQUERIES';
    }
    const timeOf = job.byReceiptTime ? (m: StoredMessage) => m.receiptTime : (m: StoredMessage) => m.messageTime;
    const fresh = job.matches.slice(job.reportedFound, found).map(timeOf);
    job.reportedFound = Math.max(job.reportedFound, found);
    const started = rawState !== 'NOT STARTED';
    const errors = started ? job.behaviour.pendingErrors : [];
    const warnings = started ? [...job.behaviour.pendingWarnings] : [];
    if (rawState === 'FORCE PAUSED') warnings.push(FORCE_PAUSED_WARNING);
    const newErrors = errors.slice(job.reportedErrors);
    const newWarnings = warnings.slice(job.reportedWarnings);
    job.reportedErrors = Math.max(job.reportedErrors, errors.length);
    job.reportedWarnings = Math.max(job.reportedWarnings, warnings.length);
    const total = job.matches.length;
    const fraction = rawState === 'NOT STARTED' ? 0 : total === 0 ? 1 : found / total;
    return {
      state,
      messageCount: found,
      recordCount: this.records(job, found).length,
      histogramBuckets: bucketize(fresh, job.bucketLength),
      pendingErrors: newErrors,
      pendingWarnings: newWarnings,
      usageDetails: { dataScannedInBytes: Math.round(job.scannedBytes * fraction) },
    };
  }

  records(job: Job, found: number): AggregateRecord[] {
    const agg = job.compiled.aggregation;
    return agg ? aggregate(job.matches.slice(0, found), agg) : [];
  }
}
