import type { MatcherAnswer } from '../core/audit/tracker-policy.ts';
import { interpretMatcherReply, MATCHER_BATCH, matcherExpression } from '../core/session/matcher-ask.ts';
import type { EvalResult } from './inspected.ts';
import { withTimeout } from './with-timeout.ts';

/** Evaluates in the page (in `frameUrl` when given). */
export type Evaluate = (expression: string, frameUrl: string | undefined) => Promise<EvalResult>;

/** Distinct URLs remembered per page; beyond it the oldest answers are forgotten (and asked again if seen again). */
const MAX_CACHED = 5000;
/** One evaluation that has not come back by then is a matcher that hangs the page: treated as slow. */
const EVAL_TIMEOUT_MS = 3000;

export interface MatcherTarget {
  /** The frame that holds the tracker; undefined for the top frame. */
  frameUrl: string | undefined;
  hasMatcher: boolean;
}

/**
 * Asks the page's tokenUrlMatcher about each distinct fetch/XHR URL once, in bounded batches, one
 * evaluation at a time. A matcher that runs long is not asked again on this page: every later URL
 * is "slow" without running it.
 */
export class MatcherAsker {
  readonly #post: (answers: Array<[string, MatcherAnswer]>, reset: boolean) => void;
  readonly #evaluate: Evaluate;
  readonly #cache = new Map<string, MatcherAnswer>();
  #queue: string[] = [];
  readonly #queued = new Set<string>();
  #allowed = false;
  #target: MatcherTarget = { frameUrl: undefined, hasMatcher: false };
  #slow = false;
  #running = false;
  #generation = 0;

  constructor(evaluate: Evaluate, post: (answers: Array<[string, MatcherAnswer]>, reset: boolean) => void) {
    this.#evaluate = evaluate;
    this.#post = post;
  }

  answers(): Array<[string, MatcherAnswer]> {
    return [...this.#cache];
  }

  /** The user's per-site choice (asking runs page code). */
  allow(on: boolean): void {
    this.#allowed = on;
    this.#pump();
  }

  setTarget(target: MatcherTarget): void {
    const changed = target.frameUrl !== this.#target.frameUrl || target.hasMatcher !== this.#target.hasMatcher;
    this.#target = target;
    if (changed) this.#pump();
  }

  offer(url: string): void {
    if (this.#cache.has(url) || this.#queued.has(url) || !/^https?:/.test(url)) return;
    if (this.#slow) {
      this.#remember([[url, 'slow']]);
      return;
    }
    if (this.#queued.size >= MAX_CACHED) return;
    this.#queued.add(url);
    this.#queue.push(url);
    this.#pump();
  }

  /** A new document: its tracker (and matcher) may differ. */
  reset(): void {
    this.#generation++;
    this.#cache.clear();
    this.#queue = [];
    this.#queued.clear();
    this.#slow = false;
    this.#running = false;
    this.#post([], true);
  }

  #remember(answers: Array<[string, MatcherAnswer]>): void {
    for (const [url, a] of answers) {
      if (this.#cache.size >= MAX_CACHED) this.#cache.delete(this.#cache.keys().next().value as string);
      this.#cache.set(url, a);
    }
    if (answers.length > 0) this.#post(answers, false);
  }

  #pump(): void {
    if (this.#running || !this.#allowed || !this.#target.hasMatcher || this.#queue.length === 0) return;
    this.#running = true;
    void this.#drain(this.#generation);
  }

  async #drain(generation: number): Promise<void> {
    while (generation === this.#generation && this.#allowed && this.#target.hasMatcher && this.#queue.length > 0) {
      const batch = this.#queue.slice(0, MATCHER_BATCH);
      const result = await withTimeout(
        this.#evaluate(matcherExpression(batch), this.#target.frameUrl),
        EVAL_TIMEOUT_MS,
      );
      if (generation !== this.#generation) return;
      const reply = result === 'timeout' ? null : interpretMatcherReply(result.value, batch);
      if (result === 'timeout' || reply?.state === 'slow') {
        this.#slow = true;
        const rest = this.#queue;
        this.#queue = [];
        this.#queued.clear();
        const answered = new Map(reply?.answers ?? []);
        this.#remember(rest.map((u): [string, MatcherAnswer] => [u, answered.get(u) ?? 'slow']));
        break;
      }
      if (reply === null || reply.state !== 'ok') break; // no matcher (any more): the next probe says so
      const done = reply.answers.length > 0 ? reply.answers.length : batch.length;
      this.#queue.splice(0, done);
      for (const u of batch.slice(0, done)) this.#queued.delete(u);
      this.#remember(reply.answers);
      await new Promise((r) => setTimeout(r, 0));
    }
    if (generation === this.#generation) this.#running = false;
  }
}
