import type { PollPolicy } from '../../sumo/search.ts';

/**
 * How the panel's searches poll a job (the background passes it to runSearch; bench/search-latency.ts
 * measures it). A first poll at 0.4 s skips the "not started" answer of a fresh job; the interval
 * then grows slowly and stays ≤ 0.8 s, so a finished job is seen within 0.8 s (the "adds ≤ 0.5 s
 * on median" bar) at ≤ 1.25 status requests/s per search, inside the 4 requests/s the shared
 * limiter allows. The default policy (×1.5 up to 5 s) measured 0.8 s median overhead.
 */
export const SEARCH_POLL_POLICY: Readonly<Partial<PollPolicy>> = Object.freeze({
  firstPollMs: 400,
  factor: 1.2,
  maxPollMs: 800,
});
