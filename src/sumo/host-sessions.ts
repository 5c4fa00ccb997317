import { abortReason, systemClock } from './clock.ts';
import type { Clock } from './clock.ts';

interface HostState {
  /** An answer from this host has set its session cookie and the session is still fresh. */
  primedAt: number | undefined;
  lastAnswerAt: number;
  /** Requests waiting for the first one to set the cookie. */
  gate: Promise<void>;
  /** Authorization values this host has accepted at least once (in memory only). */
  accepted: Set<string>;
}

/**
 * Per API host: whether the browser holds a session cookie for it yet, and which keys it has
 * accepted. Two requests sent before any cookie exists each open their own session on the
 * service, and a browser's shared cookie jar keeps only one: so until a first answer has set the
 * cookie, requests to that host go one at a time. One instance is shared by every search.
 */
export class HostSessions {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly clock: Clock = systemClock,
    /** A session unused this long may have expired on the service: the next request goes alone again. */
    private readonly sessionIdleMs = 5 * 60_000,
  ) {}

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      s = { primedAt: undefined, lastAnswerAt: 0, gate: Promise.resolve(), accepted: new Set() };
      this.hosts.set(host, s);
    }
    return s;
  }

  /** Whether requests to this host may run in parallel (a live session cookie is assumed). */
  hasSession(host: string): boolean {
    const s = this.hosts.get(host);
    return s?.primedAt !== undefined && this.clock.now() - s.lastAnswerAt < this.sessionIdleMs;
  }

  /**
   * Runs `task` alone while the host has no session; `task` reports whether its answer set the
   * session cookie (an authenticated answer did; a refused one did not, so the next goes alone).
   */
  async run<T>(host: string, task: () => Promise<{ value: T; sessionSet: boolean }>, signal?: AbortSignal): Promise<T> {
    const s = this.state(host);
    if (this.hasSession(host)) return this.finish(s, await task());
    const previous = s.gate;
    let release!: () => void;
    s.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      await waitFor(previous, signal);
      // The request ahead may have set the cookie: then the rest need not queue behind this one.
      if (this.hasSession(host)) release();
      return this.finish(s, await task());
    } finally {
      release();
    }
  }

  private finish<T>(s: HostState, outcome: { value: T; sessionSet: boolean }): T {
    if (outcome.sessionSet) {
      const now = this.clock.now();
      if (s.primedAt === undefined || now - s.lastAnswerAt >= this.sessionIdleMs) s.primedAt = now;
      s.lastAnswerAt = now;
    }
    return outcome.value;
  }

  noteAccepted(host: string, authorization: string): void {
    this.state(host).accepted.add(authorization);
  }

  wasAccepted(host: string, authorization: string): boolean {
    return this.hosts.get(host)?.accepted.has(authorization) ?? false;
  }
}

function waitFor(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
