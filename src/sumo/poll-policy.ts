import type { PollPolicy } from './search.ts';

/**
 * How the panel's searches poll a job (the background passes it to runSearch; bench/search-latency.ts
 * measures it). The first poll comes late enough to skip the "not started" answer of a fresh job;
 * the interval then grows slowly and stays short, so a finished job is seen soon after it finishes,
 * while one search's status requests stay well inside the rate the shared limiter allows.
 * docs/performance.md has the measured figures.
 */
export const SEARCH_POLL_POLICY: Readonly<Partial<PollPolicy>> = Object.freeze({
  firstPollMs: 400,
  factor: 1.2,
  maxPollMs: 800,
});
