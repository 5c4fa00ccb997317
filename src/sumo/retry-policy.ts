/**
 * When the client retries. GET and DELETE change nothing, so they are retried after 5xx and
 * network failures; a create is retried only after 429 (a refused create made no job), never
 * after a 5xx or a dropped connection, which may have made one nobody knows the id of.
 */
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
  /**
   * A 401 for a key this host accepted before is SumoLogic's authentication throttle, not a wrong
   * key: retried this many times with backoff.
   */
  authThrottleRetries: number;
  authThrottleBaseMs: number;
  authThrottleMaxMs: number;
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
  authThrottleRetries: 4,
  authThrottleBaseMs: 1000,
  authThrottleMaxMs: 8000,
});
