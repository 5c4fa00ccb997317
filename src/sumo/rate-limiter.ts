import { abortReason, systemClock } from './clock.ts';
import type { Clock } from './clock.ts';

export interface RateLimiterOptions {
  /** Request starts allowed in any sliding window (Sumo: 4 per second per user). */
  maxStartsPerWindow?: number;
  windowMs?: number;
  /**
   * Added to the window. A request's slot is counted from when its answer came back (it reached
   * the server before that), so a slow first connection cannot squeeze a fifth request into the
   * server's own one-second window; the margin covers clock granularity.
   */
  safetyMarginMs?: number;
  /** Requests in flight at once (Sumo: 10 per access key). */
  maxInFlight?: number;
  clock?: Clock;
}

export interface RateLimiterSnapshot {
  inFlight: number;
  queued: number;
  pausedUntil: number;
  totalStarted: number;
}

interface Waiter {
  run: (slot: { doneAt: number }) => void;
  fail: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * One limiter for every search of the extension (it lives in the background service worker):
 * FIFO, abort-aware, and with a global pause after a 429 so all callers back off together.
 */
export class RateLimiter {
  readonly maxStartsPerWindow: number;
  readonly windowMs: number;
  readonly maxInFlight: number;
  private readonly effectiveWindowMs: number;
  private readonly clock: Clock;
  private readonly queue: Waiter[] = [];
  /** One per request started in the window: when its answer came back, Infinity while in flight. */
  private readonly slots: { doneAt: number }[] = [];
  private inFlight = 0;
  private totalStarted = 0;
  private pausedUntil = 0;
  private timerWake = Infinity;
  private timerCancel: AbortController | undefined;

  constructor(options: RateLimiterOptions = {}) {
    this.maxStartsPerWindow = options.maxStartsPerWindow ?? 4;
    this.windowMs = options.windowMs ?? 1000;
    this.maxInFlight = options.maxInFlight ?? 10;
    this.effectiveWindowMs = this.windowMs + (options.safetyMarginMs ?? 50);
    this.clock = options.clock ?? systemClock;
    if (this.maxStartsPerWindow < 1 || this.maxInFlight < 1) throw new RangeError('limits must be at least 1');
  }

  /** Runs `task` once a slot is free; the slot is held until the task settles. */
  schedule<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const waiter: Waiter = {
        signal,
        onAbort: undefined,
        fail: reject,
        run: (slot: { doneAt: number }) => {
          let result: Promise<T>;
          try {
            result = task();
          } catch (err) {
            result = Promise.reject(err);
          }
          result.then(resolve, reject).finally(() => {
            slot.doneAt = this.clock.now();
            this.inFlight--;
            this.pump();
          });
        },
      };
      if (signal) {
        waiter.onAbort = () => {
          const index = this.queue.indexOf(waiter);
          if (index >= 0) {
            this.queue.splice(index, 1);
            reject(abortReason(signal));
          }
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      this.pump();
    });
  }

  /** Global backoff: no request starts before `ms` from now (extends, never shortens, a pause). */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + Math.max(0, ms));
  }

  snapshot(): RateLimiterSnapshot {
    return {
      inFlight: this.inFlight,
      queued: this.queue.length,
      pausedUntil: this.pausedUntil,
      totalStarted: this.totalStarted,
    };
  }

  private pump(): void {
    while (this.queue.length > 0) {
      if (this.inFlight >= this.maxInFlight) return; // a finishing task pumps again
      const now = this.clock.now();
      for (let i = this.slots.length - 1; i >= 0; i--) {
        if (now - (this.slots[i]?.doneAt ?? now) >= this.effectiveWindowMs) this.slots.splice(i, 1);
      }
      if (now < this.pausedUntil) {
        this.wakeAt(this.pausedUntil);
        return;
      }
      if (this.slots.length >= this.maxStartsPerWindow) {
        const firstFree = Math.min(...this.slots.map((slot) => slot.doneAt));
        // All in flight: the next one to finish pumps again.
        if (Number.isFinite(firstFree)) this.wakeAt(firstFree + this.effectiveWindowMs);
        return;
      }
      const waiter = this.queue.shift();
      if (!waiter) return;
      if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
      const slot = { doneAt: Infinity };
      this.slots.push(slot);
      this.inFlight++;
      this.totalStarted++;
      waiter.run(slot);
    }
  }

  private wakeAt(at: number): void {
    if (this.timerCancel && this.timerWake <= at) return;
    this.timerCancel?.abort();
    const cancel = new AbortController();
    this.timerCancel = cancel;
    this.timerWake = at;
    this.clock.sleep(Math.max(0, at - this.clock.now()), cancel.signal).then(
      () => {
        if (this.timerCancel !== cancel) return;
        this.timerCancel = undefined;
        this.timerWake = Infinity;
        this.pump();
      },
      () => {
        /* superseded by an earlier wake-up */
      },
    );
  }
}
