import {
  interpretTimelineReply,
  madeByOf,
  TIMELINE_BATCH,
  timelineCandidates,
  timelineExpression,
} from '../core/audit/page-timeline.ts';
import type { CapturedRequest } from '../core/audit/types.ts';
import type { EvalResult } from './inspected.ts';
import { withTimeout } from './with-timeout.ts';

/** A page too busy to answer by then leaves its requests unclassified rather than hold them back. */
const EVAL_TIMEOUT_MS = 1500;

/**
 * Marks the fetches and XHRs none of the page's documents made (a Worker's: see
 * core/audit/page-timeline.ts) as initiated by `worker`, before they are posted to the panel.
 */
export class WorkerCheck {
  readonly #evaluate: (expression: string) => Promise<EvalResult>;
  /** Targets of redirects on this page: the page's timeline names those requests by their first URL. */
  #redirected = new Set<string>();

  /** `evaluate` runs an expression in the inspected page's top frame. */
  constructor(evaluate: (expression: string) => Promise<EvalResult>) {
    this.#evaluate = evaluate;
  }

  noteRedirect(raw: { request: { url: string }; response?: { redirectURL?: unknown } }): void {
    const target = raw.response?.redirectURL;
    if (typeof target !== 'string' || target === '' || this.#redirected.size >= 5000) return;
    try {
      this.#redirected.add(new URL(target.slice(0, 8192), raw.request.url).href.split('#')[0] as string);
    } catch {
      // Not a URL: nothing was redirected there.
    }
  }

  /** A new document. */
  reset(): void {
    this.#redirected = new Set();
  }

  async mark(reqs: readonly CapturedRequest[]): Promise<void> {
    const candidates = timelineCandidates(reqs, this.#redirected);
    if (candidates.length === 0) return;
    const urls = [...new Set(candidates.map((r) => r.url))].slice(0, TIMELINE_BATCH);
    const result = await withTimeout(this.#evaluate(timelineExpression(urls)), EVAL_TIMEOUT_MS);
    if (result === 'timeout') return;
    const reply = interpretTimelineReply(result.value, urls);
    for (const r of candidates) if (madeByOf(r, reply) === 'elsewhere') r.initiatorType = 'worker';
  }
}
