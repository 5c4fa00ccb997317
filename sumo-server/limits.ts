/** Counts events in a sliding 1000 ms window: (now - 1000, now]. */
export class SlidingWindow {
  private times: number[] = [];

  /** How many events the window ending at `now` holds. */
  count(now: number): number {
    this.prune(now);
    return this.times.length;
  }

  private prune(now: number): void {
    const cutoff = now - 1000;
    let drop = 0;
    while (drop < this.times.length && (this.times[drop] ?? Infinity) <= cutoff) drop++;
    if (drop > 0) this.times.splice(0, drop);
  }

  /** Records an event at `now` and returns how many events the window holds, this one included. */
  add(now: number): number {
    this.times.push(now);
    this.prune(now);
    return this.times.length;
  }

  reset(): void {
    this.times = [];
  }
}

interface KeyState {
  window: SlidingWindow;
  /** Requests the limiter let through: only those use up the 4/s allowance. */
  admitted: SlidingWindow;
  inFlight: number;
  requests: number;
  maxPerSecond: number;
  maxConcurrent: number;
}

export interface KeyStats {
  requests: number;
  maxRequestsPerSecond: number;
  maxConcurrent: number;
  inFlight: number;
}

export interface Arrival {
  /** Requests from this access id in the last 1000 ms, this one included. */
  perSecond: number;
  /**
   * Admits the request if fewer than `limit` requests of this access id were admitted in the
   * last 1000 ms. Refused requests do not use up the allowance, so a client that backs off gets in.
   */
  admit: (now: number, limit: number) => boolean;
  /** Requests from this access id in flight, this one included. */
  inFlight: number;
  /** Call once when the response is finished or the socket closed. */
  release: () => void;
}

/**
 * Tracks every /api request per access id: the sliding-window rate and the concurrency, which
 * both drive the 429s and prove in the stats that a client stayed inside the limits.
 * The stats count every arrival, refused ones included (the service sees them all); the rate
 * limiter counts only what it admitted.
 */
export class RequestTracker {
  private readonly keys = new Map<string, KeyState>();
  private readonly all = new SlidingWindow();
  private total = 0;
  private inFlightAll = 0;
  private maxPerSecondAll = 0;
  private maxConcurrentAll = 0;

  arrive(accessId: string, now: number): Arrival {
    let key = this.keys.get(accessId);
    if (!key) {
      key = {
        window: new SlidingWindow(),
        admitted: new SlidingWindow(),
        inFlight: 0,
        requests: 0,
        maxPerSecond: 0,
        maxConcurrent: 0,
      };
      this.keys.set(accessId, key);
    }
    const state = key;
    const perSecond = state.window.add(now);
    state.requests++;
    state.inFlight++;
    state.maxPerSecond = Math.max(state.maxPerSecond, perSecond);
    state.maxConcurrent = Math.max(state.maxConcurrent, state.inFlight);
    this.total++;
    this.inFlightAll++;
    this.maxPerSecondAll = Math.max(this.maxPerSecondAll, this.all.add(now));
    this.maxConcurrentAll = Math.max(this.maxConcurrentAll, this.inFlightAll);
    let released = false;
    return {
      perSecond,
      admit: (at, limit) => {
        if (state.admitted.count(at) >= limit) return false;
        state.admitted.add(at);
        return true;
      },
      inFlight: state.inFlight,
      release: () => {
        if (released) return;
        released = true;
        state.inFlight--;
        this.inFlightAll--;
      },
    };
  }

  byKey(): Record<string, KeyStats> {
    const out: Record<string, KeyStats> = {};
    for (const [id, k] of this.keys) {
      out[id] = {
        requests: k.requests,
        maxRequestsPerSecond: k.maxPerSecond,
        maxConcurrent: k.maxConcurrent,
        inFlight: k.inFlight,
      };
    }
    return out;
  }

  summary(): {
    requests: number;
    inFlight: number;
    maxRequestsPerSecond: number;
    maxRequestsPerSecondAllKeys: number;
    maxConcurrent: number;
  } {
    let maxPerKey = 0;
    for (const k of this.keys.values()) maxPerKey = Math.max(maxPerKey, k.maxPerSecond);
    return {
      requests: this.total,
      inFlight: this.inFlightAll,
      maxRequestsPerSecond: maxPerKey,
      maxRequestsPerSecondAllKeys: this.maxPerSecondAll,
      maxConcurrent: this.maxConcurrentAll,
    };
  }

  /** Forgets counters and maxima; requests still in flight stay counted as in flight. */
  reset(): void {
    this.total = 0;
    this.maxPerSecondAll = 0;
    this.maxConcurrentAll = this.inFlightAll;
    this.all.reset();
    for (const k of this.keys.values()) {
      k.requests = 0;
      k.maxPerSecond = 0;
      k.maxConcurrent = k.inFlight;
      k.window.reset();
      k.admitted.reset();
    }
  }
}
