export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Injected for tests; defaults to Math.random. Must return [0, 1). */
  random?: () => number;
}

/** "Full jitter": a uniform delay in [0, min(max, base·2^attempt)), attempt counted from 0. */
export function fullJitterDelay(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

/** Retry-After as milliseconds: delta seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** The delay before retry number `attempt` (0-based): never shorter than Retry-After when the server sent one. */
export function retryDelay(attempt: number, options: BackoffOptions, retryAfterMs?: number): number {
  const jittered = fullJitterDelay(attempt, options);
  if (retryAfterMs === undefined) return jittered;
  return Math.max(retryAfterMs, jittered);
}
