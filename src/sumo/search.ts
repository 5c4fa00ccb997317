import { isAbortError, systemClock } from './clock.ts';
import type { Clock } from './clock.ts';
import type { HistogramBucket, JobStatus, MessageMap, SearchJobApi } from './client.ts';
import {
  abortedError,
  emptyPageError,
  jobCancelledError,
  jobExpiredError,
  jobUnreachableError,
  queryErrorFromPending,
  SumoError,
  timeoutError,
} from './errors.ts';

export const STATE_DONE = 'DONE GATHERING RESULTS';
export const STATE_FORCE_PAUSED = 'FORCE PAUSED';
export const STATE_CANCELLED = 'CANCELLED';
export const MAX_PAGE_LIMIT = 10_000;

export interface SearchProgress {
  state: string;
  messageCount: number;
  fetched: number;
  elapsedMs: number;
  requests: number;
}

export interface PollPolicy {
  firstPollMs: number;
  factor: number;
  /** Must stay well under the ~20–30 s after which an unpolled job is cancelled. */
  maxPollMs: number;
  emptyPageRetries: number;
  emptyPageDelayMs: number;
  /** Give up (and delete the job) after this long. */
  deadlineMs: number;
  /**
   * A job nobody touched for a while is cancelled by the service: when no request reached the job
   * for this long (a long page download, a queue behind the rate limiter), a status call is sent.
   */
  keepAliveMs: number;
}

export const DEFAULT_POLL_POLICY: Readonly<PollPolicy> = Object.freeze({
  firstPollMs: 200,
  factor: 1.5,
  maxPollMs: 5000,
  emptyPageRetries: 3,
  emptyPageDelayMs: 300,
  deadlineMs: 10 * 60_000,
  keepAliveMs: 10_000,
});

export interface RunSearchOptions {
  client: SearchJobApi;
  query: string;
  from: number;
  to: number;
  byReceiptTime?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: SearchProgress) => void;
  /** Each new page as it arrives (only the new messages), so results show while the job still gathers. */
  onMessages?: (batch: MessageMap[]) => void;
  clock?: Clock;
  pageLimit?: number;
  /** Stop fetching after this many messages (the job still gets deleted); result flagged truncated. */
  maxMessages?: number;
  poll?: Partial<PollPolicy>;
}

export interface SearchResult {
  /** Newest first as Sumo returns them; keys lowercased, values strings. */
  messages: MessageMap[];
  truncated: boolean;
  messageCount: number;
  pendingWarnings: string[];
  pendingErrors: string[];
  histogram: HistogramBucket[];
  finalState: string;
  stats: { requests: number; durationMs: number; jobDeleted: boolean };
}

function mergeBuckets(into: Map<string, HistogramBucket>, delta: readonly HistogramBucket[]): void {
  for (const b of delta) {
    const key = `${b.startTimestamp}:${b.length}`;
    const existing = into.get(key);
    if (existing) existing.count += b.count;
    else into.set(key, { ...b });
  }
}

/**
 * One search job from create to delete. Messages are paged while the job still gathers, so results
 * arrive early; the job is deleted on every exit path (done, error, abort).
 */
export async function runSearch(options: RunSearchOptions): Promise<SearchResult> {
  const { client, signal } = options;
  const clock = options.clock ?? systemClock;
  const policy: PollPolicy = { ...DEFAULT_POLL_POLICY, ...options.poll };
  const pageLimit = Math.min(MAX_PAGE_LIMIT, Math.max(1, Math.floor(options.pageLimit ?? MAX_PAGE_LIMIT)));
  const maxMessages = options.maxMessages ?? Infinity;
  const started = clock.now();
  let requests = 0;
  const onAttempt = (): void => {
    requests++;
  };

  const messages: MessageMap[] = [];
  const histogram = new Map<string, HistogramBucket>();
  const pendingWarnings: string[] = [];
  const pendingErrors: string[] = [];
  let state = 'NOT STARTED';
  let messageCount = 0;

  const progress = (): void => {
    options.onProgress?.({ state, messageCount, fetched: messages.length, elapsedMs: clock.now() - started, requests });
  };
  const throwIfAborted = (): void => {
    if (signal?.aborted) throw abortedError();
  };

  throwIfAborted();
  progress();
  // Create is never aborted mid-flight: a job created by a request we stopped listening to would leak.
  let jobId: string;
  try {
    ({ id: jobId } = await client.createJob(
      {
        query: options.query,
        from: options.from,
        to: options.to,
        ...(options.byReceiptTime === undefined ? {} : { byReceiptTime: options.byReceiptTime }),
      },
      signal ? { onAttempt, queueSignal: signal } : { onAttempt },
    ));
  } catch (err) {
    if (signal?.aborted || isAbortError(err)) throw abortedError();
    throw err;
  }

  let jobDeleted = false;
  let reached = false;
  let lastTouch = clock.now();
  // The service counts a job as used when a request for it arrives, not when the answer ends.
  const touching = <T>(call: () => Promise<T>): Promise<T> => {
    lastTouch = clock.now();
    return call();
  };
  const applyStatus = (status: JobStatus): void => {
    reached = true;
    state = status.state;
    messageCount = Math.max(messageCount, status.messageCount);
    mergeBuckets(histogram, status.histogramBuckets);
    pendingWarnings.push(...status.pendingWarnings);
    pendingErrors.push(...status.pendingErrors);
  };
  const keepAliveStop = new AbortController();
  const keepAlive = (async () => {
    for (;;) {
      const wait = lastTouch + policy.keepAliveMs - clock.now();
      if (wait > 0) {
        await clock.sleep(wait, keepAliveStop.signal);
        continue;
      }
      try {
        applyStatus(await touching(() => client.getStatus(jobId, { signal: keepAliveStop.signal, onAttempt })));
      } catch {
        // The main loop meets the same failure on its next call and reports it.
        if (keepAliveStop.signal.aborted) return;
      }
    }
  })().catch(() => undefined);
  try {
    throwIfAborted();
    let delay = policy.firstPollMs;
    let truncated = false;
    await clock.sleep(delay, signal);
    delay = Math.min(policy.maxPollMs, delay * policy.factor);
    for (;;) {
      if (clock.now() - started > policy.deadlineMs) throw timeoutError(Math.round(policy.deadlineMs / 1000));
      applyStatus(await touching(() => client.getStatus(jobId, { signal, onAttempt })));
      progress();

      if (state === STATE_CANCELLED) throw jobCancelledError();
      if (pendingErrors.length > 0 && messageCount === 0) throw queryErrorFromPending(pendingErrors);

      // Every other state, including ones never seen before, means the job still runs.
      const finished = state === STATE_DONE || state === STATE_FORCE_PAUSED;
      if (state === STATE_FORCE_PAUSED) truncated = true;

      let emptyPages = 0;
      while (messages.length < messageCount && messages.length < maxMessages) {
        const offset = messages.length;
        const limit = Math.min(pageLimit, messageCount - offset, maxMessages - offset);
        const page = await touching(() => client.getMessages(jobId, offset, limit, { signal, onAttempt }));
        if (page.messages.length === 0) {
          // Known service bug: an empty page although messageCount > 0.
          if (emptyPages++ >= policy.emptyPageRetries) {
            if (!finished) break; // still gathering: try again after the next poll
            throw emptyPageError(messageCount, offset);
          }
          await clock.sleep(policy.emptyPageDelayMs * emptyPages, signal);
          continue;
        }
        emptyPages = 0;
        // A page may be short (capped by bytes): the next offset is what actually came back.
        const batch = page.messages.slice(0, limit);
        messages.push(...batch);
        options.onMessages?.(batch);
        progress();
      }

      if (messages.length >= maxMessages && messageCount > messages.length) truncated = true;
      if (finished || truncated) {
        keepAliveStop.abort();
        const deleted = await deleteQuietly();
        return {
          messages,
          truncated,
          messageCount,
          pendingWarnings,
          pendingErrors,
          histogram: [...histogram.values()].sort((a, b) => a.startTimestamp - b.startTimestamp),
          finalState: state,
          stats: { requests, durationMs: clock.now() - started, jobDeleted: deleted },
        };
      }
      await clock.sleep(delay, signal);
      delay = Math.min(policy.maxPollMs, delay * policy.factor);
    }
  } catch (err) {
    if (signal?.aborted || isAbortError(err)) throw abortedError();
    if (err instanceof SumoError && (err.kind === 'job-invalid' || (err.status === 500 && !reached))) {
      // Lost from the first call on: the cookie that routes to the job's node did not stick.
      throw reached ? jobExpiredError() : jobUnreachableError(client.host);
    }
    throw err;
  } finally {
    keepAliveStop.abort();
    await keepAlive;
    if (!jobDeleted) await deleteQuietly();
  }

  async function deleteQuietly(): Promise<boolean> {
    if (jobDeleted) return true;
    try {
      // Never with the caller's signal: an aborted search must still delete its job.
      await client.deleteJob(jobId, { onAttempt });
      jobDeleted = true;
    } catch {
      jobDeleted = false;
    }
    return jobDeleted;
  }
}
