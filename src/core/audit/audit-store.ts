// The captured requests of one inspected tab with their verdicts: a ring buffer with a documented
// cap, an honest count of what fell off, and re-judging when tokens or settings change.

import { PREFLIGHT_PAIR_WINDOW_MS, PreflightIndex } from './diagnose-cors.ts';
import { DEFAULT_SCOPE_SETTINGS, type ScopeSettings } from './scope-settings.ts';
import { TimeIndex } from './time-index.ts';
import { NO_TRACKER_POLICY, type TrackerPolicy } from './tracker-policy.ts';
import {
  CAPTURE_CAP,
  type AuditEntry,
  type CapturedRequest,
  type TokenContext,
  type Verdict,
  type VerdictResult,
} from './types.ts';
import { buildJudgeContext, judge, type JudgeContext } from './verdict.ts';

export interface AuditStoreOptions {
  /** Default `CAPTURE_CAP`. */
  cap?: number;
  tokens?: TokenContext;
  settings?: ScopeSettings;
  ingestUrls?: readonly string[];
  isTokenFormat?: (value: string) => boolean;
}

/** The result of an entry added but not judged yet (within one `add`). */
const PENDING: VerdictResult = Object.freeze({ verdict: 'not-expected', reason: 'not judged yet' });

export type VerdictCounts = Record<Verdict, number>;

function zeroCounts(): VerdictCounts {
  return { carries: 0, stale: 0, foreign: 0, missing: 0, blocked: 0, 'outside-scope': 0, 'not-expected': 0 };
}

export class AuditStore {
  readonly cap: number;
  #slots: Array<AuditEntry | undefined>;
  /** Slot of the oldest entry. */
  #head = 0;
  #size = 0;
  #dropped = 0;
  #version = 0;
  #counts = zeroCounts();
  #tokens: TokenContext;
  #settings: ScopeSettings;
  #ingestUrls: readonly string[];
  #tracker: TrackerPolicy = NO_TRACKER_POLICY;
  readonly #isTokenFormat: ((value: string) => boolean) | undefined;
  readonly #preflights = new PreflightIndex();
  /** Failed requests by URL and time: a preflight arriving later may explain them. */
  readonly #failed = new TimeIndex<AuditEntry>((e) => e.req.startedAt);
  #ctx: JudgeContext;
  readonly #listeners = new Set<() => void>();

  constructor(options: AuditStoreOptions = {}) {
    const cap = options.cap ?? CAPTURE_CAP;
    if (!Number.isInteger(cap) || cap < 1) throw new RangeError(`audit cap must be a positive integer, got ${cap}`);
    this.cap = cap;
    this.#slots = new Array<AuditEntry | undefined>(cap);
    this.#tokens = options.tokens ?? { earlier: [] };
    this.#settings = options.settings ?? DEFAULT_SCOPE_SETTINGS;
    this.#ingestUrls = options.ingestUrls ?? [];
    this.#isTokenFormat = options.isTokenFormat;
    this.#ctx = this.#buildContext();
  }

  /** Requests held now. */
  get size(): number {
    return this.#size;
  }

  /** Requests dropped because the cap was reached, since the last clear. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Increases on every change; cheap to compare for re-rendering. */
  get version(): number {
    return this.#version;
  }

  /** Verdict counts of the held requests (a copy). */
  get counts(): VerdictCounts {
    return { ...this.#counts };
  }

  get context(): JudgeContext {
    return this.#ctx;
  }

  get tokens(): TokenContext {
    return this.#tokens;
  }

  get settings(): ScopeSettings {
    return this.#settings;
  }

  /** Called after every change. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The i-th held entry, oldest first. */
  at(i: number): AuditEntry | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.#size) return undefined;
    return this.#slots[(this.#head + i) % this.cap];
  }

  *entries(): IterableIterator<AuditEntry> {
    for (let i = 0; i < this.#size; i++) {
      const e = this.#slots[(this.#head + i) % this.cap];
      if (e !== undefined) yield e;
    }
  }

  toArray(): AuditEntry[] {
    const out = new Array<AuditEntry>(this.#size);
    for (let i = 0; i < this.#size; i++) out[i] = this.#slots[(this.#head + i) % this.cap] as AuditEntry;
    return out;
  }

  /** Adds requests in capture order, judges them, and re-judges earlier failures their preflights explain. */
  add(reqs: readonly CapturedRequest[]): void {
    if (reqs.length === 0) return;
    // A batch larger than the cap: its oldest part would be dropped at once.
    const skip = Math.max(0, reqs.length - this.cap);
    this.#dropped += skip;
    const fresh: AuditEntry[] = [];
    const preflights: CapturedRequest[] = [];
    for (let i = skip; i < reqs.length; i++) {
      const req = reqs[i] as CapturedRequest;
      const entry: AuditEntry = { req, result: PENDING };
      this.#push(entry);
      fresh.push(entry);
      if (req.resourceType === 'preflight') {
        this.#preflights.add(req);
        preflights.push(req);
      }
    }
    // Earlier failures first: the fresh ones are not registered yet, so each is judged once.
    for (const p of preflights) {
      for (const entry of this.#failed.within(p.url, p.startedAt, PREFLIGHT_PAIR_WINDOW_MS)) this.#rejudge(entry);
    }
    for (const entry of fresh) {
      const result = judge(entry.req, this.#ctx);
      entry.result = result;
      this.#counts[result.verdict]++;
      if (entry.req.status === 0 && entry.req.resourceType !== 'preflight') this.#failed.add(entry.req.url, entry);
    }
    this.#changed();
  }

  /** Forgets everything, including the dropped count (the clear button). */
  clear(): void {
    this.#slots = new Array<AuditEntry | undefined>(this.cap);
    this.#head = 0;
    this.#size = 0;
    this.#dropped = 0;
    this.#counts = zeroCounts();
    this.#preflights.clear();
    this.#failed.clear();
    this.#changed();
  }

  /** A top-level navigation of the inspected page: cleared unless "Preserve log" is on. */
  onNavigate(preserveLog: boolean): void {
    if (!preserveLog) this.clear();
  }

  /** The tab's tokens changed: only requests that sent a session header can change verdict. */
  setTokens(tokens: TokenContext): void {
    this.#tokens = tokens;
    this.#ctx = this.#buildContext();
    for (const entry of this.entries()) {
      if (entry.result.headerName !== undefined) this.#rejudge(entry);
    }
    this.#changed();
  }

  /** Scope or header names changed: everything is judged again. */
  setSettings(settings: ScopeSettings): void {
    this.#settings = settings;
    this.#ctx = this.#buildContext();
    this.#rejudgeAll();
  }

  /** Ingest points learned from the page (their traffic is not expected to carry the header). */
  setIngestUrls(urls: readonly string[]): void {
    this.#ingestUrls = urls;
    this.#ctx = this.#buildContext();
    this.#rejudgeAll();
  }

  /**
   * What the page's tracker was told to do changed. With `urls`, only the tokenUrlMatcher's answers
   * for those URLs changed: only their requests are judged again.
   */
  setTracker(policy: TrackerPolicy, urls?: ReadonlySet<string>): void {
    this.#tracker = policy;
    this.#ctx = this.#buildContext();
    if (urls === undefined) {
      this.#rejudgeAll();
      return;
    }
    for (const entry of this.entries()) {
      if (urls.has(entry.req.url)) this.#rejudge(entry);
    }
    this.#changed();
  }

  get tracker(): TrackerPolicy {
    return this.#tracker;
  }

  #rejudgeAll(): void {
    const counts = zeroCounts();
    for (const entry of this.entries()) {
      entry.result = judge(entry.req, this.#ctx);
      counts[entry.result.verdict]++;
    }
    this.#counts = counts;
    this.#changed();
  }

  #buildContext(): JudgeContext {
    const input: Parameters<typeof buildJudgeContext>[0] = {
      tokens: this.#tokens,
      settings: this.#settings,
      preflights: this.#preflights,
      ingestUrls: this.#ingestUrls,
      tracker: this.#tracker,
    };
    if (this.#isTokenFormat !== undefined) input.isTokenFormat = this.#isTokenFormat;
    return buildJudgeContext(input);
  }

  #rejudge(entry: AuditEntry): void {
    const result = judge(entry.req, this.#ctx);
    this.#counts[entry.result.verdict]--;
    this.#counts[result.verdict]++;
    entry.result = result;
  }

  #push(entry: AuditEntry): void {
    if (this.#size === this.cap) {
      const old = this.#slots[this.#head];
      if (old !== undefined) this.#forget(old);
      this.#slots[this.#head] = entry;
      this.#head = (this.#head + 1) % this.cap;
      this.#dropped++;
      return;
    }
    this.#slots[(this.#head + this.#size) % this.cap] = entry;
    this.#size++;
  }

  #forget(entry: AuditEntry): void {
    if (entry.result !== PENDING) this.#counts[entry.result.verdict]--;
    if (entry.req.resourceType === 'preflight') this.#preflights.remove(entry.req);
    else if (entry.req.status === 0) this.#failed.remove(entry.req.url, entry);
  }

  #changed(): void {
    this.#version++;
    for (const l of this.#listeners) l();
  }
}
