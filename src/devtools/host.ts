import { fromHarEntry } from '../core/audit/har.ts';
import { isFetchOrXhr, type CapturedRequest } from '../core/audit/types.ts';
import { extractNetworkToken, isTrackerIngestUrl, matchTrackerIngestUrl } from '../core/session/network-tokens.ts';
import { parseManualInput } from '../core/session/manual-input.ts';
import {
  initialSessionState,
  reduceSession,
  sameState,
  type SessionEvent,
  type SessionState,
} from '../core/session/session-state.ts';
import type { Transport } from '../shared/transport.ts';
import type { CaptureInfo, DevtoolsToPanel, PanelToDevtools } from '../shared/protocol.ts';
import { CaptureBuffer } from './capture.ts';
import { probeAllFrames } from './frames.ts';
import { MatcherAsker } from './matcher.ts';
import { evalInPage, type DevtoolsApi, type HarRequest } from './inspected.ts';
import { WorkerCheck } from './worker-check.ts';

const VISIBLE_POLL_MS = 2000;
const HIDDEN_POLL_MS = 10_000;
const FLUSH_MS = 100;

/** The same finished request, whether it came from the live listener or from getHAR(). */
function captureKey(raw: HarRequest): string {
  const r = raw as unknown as { startedDateTime?: unknown; request?: { method?: unknown; url?: unknown } };
  return `${String(r.request?.method)} ${String(r.request?.url)} ${String(r.startedDateTime)}`;
}

/**
 * Per inspected tab: captures requests from DevTools' start, follows the session token (page
 * probe + the tracker's own traffic) and serves both to the panel over the tab's channel.
 */
export class DevtoolsHost {
  readonly #api: DevtoolsApi;
  readonly #transport: Transport<DevtoolsToPanel, PanelToDevtools>;
  readonly #buffer = new CaptureBuffer();
  #pending: CapturedRequest[] = [];
  /**
   * Messages leave in the order they were made; a batch of requests waits there until the page has
   * said which of its fetches a Worker made.
   */
  #outbox: Promise<void> = Promise.resolve();
  readonly #workers: WorkerCheck;
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  #session: SessionState = initialSessionState();
  #pageUrl = '';
  #preserveLog = false;
  #missedBeforeOpen = 0;
  #ingestUrls = new Set<string>();
  /**
   * Until the HAR backfill is in: what the live listener already delivered, so a request that
   * finished between adding the listener and reading the HAR is not recorded twice.
   */
  #liveBeforeBackfill: Set<string> | null = new Set();
  #panelVisible = false;
  #pollTimer: ReturnType<typeof setTimeout> | undefined;
  #probing = false;
  #posted: SessionState | null = null;
  readonly #matcher: MatcherAsker;

  /** `api` is `chrome.devtools` in the devtools page; `transport` reaches this tab's panel. */
  constructor(api: DevtoolsApi, transport: Transport<DevtoolsToPanel, PanelToDevtools>) {
    this.#api = api;
    this.#matcher = new MatcherAsker(
      (expression, frameUrl) => evalInPage(api.inspectedWindow, expression, frameUrl),
      (answers, reset) => this.#post({ type: 'matcher', answers, reset }),
    );
    this.#workers = new WorkerCheck((expression) => evalInPage(api.inspectedWindow, expression));
    this.#transport = transport;
    this.#transport.subscribe((m) => this.#onPanel(m));
  }

  async start(): Promise<void> {
    this.#api.network.onRequestFinished.addListener((req) => this.#onRequest(req));
    this.#api.network.onNavigated.addListener((url) => this.#onNavigated(url));
    const page = await evalInPage(this.#api.inspectedWindow, 'location.href');
    this.#pageUrl = typeof page.value === 'string' ? page.value.slice(0, 2048) : '';
    await this.#backfill();
    this.#schedulePoll(0);
  }

  /**
   * Requests recorded as if captured while no panel listened (the demo build's benchmark fills the
   * buffer this way to time the real snapshot path).
   */
  record(reqs: readonly CapturedRequest[]): void {
    for (const req of reqs) this.#buffer.add(req);
  }

  setPanelVisible(visible: boolean): void {
    this.#panelVisible = visible;
    if (visible) this.#schedulePoll(0);
  }

  /** Requests made since DevTools opened but before this page loaded: DevTools keeps them in its HAR. */
  async #backfill(): Promise<void> {
    const har = await new Promise<{ entries?: unknown[] } | undefined>((resolve) => {
      try {
        this.#api.network.getHAR((log) => resolve(log));
      } catch {
        resolve(undefined);
      }
    });
    const entries = (har?.entries ?? []) as unknown as HarRequest[];
    const live = this.#liveBeforeBackfill ?? new Set<string>();
    this.#liveBeforeBackfill = null;
    for (const entry of entries) {
      if (!live.has(captureKey(entry))) this.#onRequest(entry, true);
    }
    this.#flush();
    // Requests the page made before DevTools could see them: the page's own count is the honest hint.
    const seen = await evalInPage(this.#api.inspectedWindow, "performance.getEntriesByType('resource').length + 1");
    const pageCount = typeof seen.value === 'number' ? seen.value : 0;
    this.#missedBeforeOpen = Math.max(0, pageCount - entries.length);
    this.#post({ type: 'capture', capture: this.#captureInfo() });
  }

  #captureInfo(): CaptureInfo {
    return {
      pageUrl: this.#pageUrl,
      preserveLog: this.#preserveLog,
      dropped: this.#buffer.visibleDropped(),
      cap: this.#buffer.cap,
      missedBeforeOpen: this.#missedBeforeOpen,
      ingestUrls: [...this.#ingestUrls],
    };
  }

  #onRequest(raw: HarRequest, backfill = false): void {
    if (!backfill && this.#liveBeforeBackfill !== null) {
      // Bounded even if the backfill never comes (DevTools refusing getHAR).
      if (this.#liveBeforeBackfill.size < 10_000) this.#liveBeforeBackfill.add(captureKey(raw));
    }
    const req = fromHarEntry(raw, this.#pageUrl);
    if (!req) return;
    this.#workers.noteRedirect(raw);
    this.#buffer.add(req);
    this.#pending.push(req);
    this.#learnFromTrackerTraffic(raw, req);
    if (isFetchOrXhr(req.resourceType) && !isTrackerIngestUrl(req.url)) this.#matcher.offer(req.url);
    // Live requests go out in batches; the backfill flushes once when it is done.
    if (!backfill && this.#flushTimer === undefined) this.#flushTimer = setTimeout(() => this.#flush(), FLUSH_MS);
  }

  #learnFromTrackerTraffic(raw: HarRequest, req: CapturedRequest): void {
    const match = matchTrackerIngestUrl(req.url);
    if (!match) return;
    this.#addIngestUrl(match.ingestBase);
    if (match.endpoint === 'start' && req.status === 403) {
      // The capture-rate draw was lost: no token, and no header, by design.
      this.#reduce({ type: 'start-refused', at: Date.now(), status: req.status });
      return;
    }
    const requestHeaders = req.requestHeaders.map(([name, value]) => ({ name, value }));
    const finish = (responseBody?: string) => {
      const finding = extractNetworkToken({
        url: req.url,
        method: req.method,
        requestHeaders,
        ...(responseBody === undefined ? {} : { responseBody }),
      });
      if (finding) this.#reduce({ type: 'network', at: Date.now(), finding });
    };
    if (match.endpoint === 'start' && typeof raw.getContent === 'function') {
      raw.getContent((content) => finish(typeof content === 'string' ? content.slice(0, 64 * 1024) : undefined));
    } else {
      finish();
    }
  }

  #addIngestUrl(base: string): void {
    if (this.#ingestUrls.has(base) || this.#ingestUrls.size >= 20) return;
    this.#ingestUrls.add(base);
    this.#post({ type: 'capture', capture: this.#captureInfo() });
  }

  #flush(): void {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    if (this.#pending.length === 0) return;
    const added = this.#pending;
    this.#pending = [];
    const dropped = this.#buffer.visibleDropped();
    const marked = this.#workers.mark(added).catch(() => undefined);
    this.#outbox = this.#outbox
      .then(() => marked)
      .then(() => this.#transport.post({ type: 'requests', added, dropped }));
  }

  #onNavigated(url: string): void {
    this.#flush();
    this.#pageUrl = url.slice(0, 2048);
    this.#missedBeforeOpen = 0;
    this.#matcher.reset();
    this.#workers.reset();
    this.#reduce({ type: 'navigated' });
    if (!this.#preserveLog) {
      this.#buffer.clear();
      this.#post({ type: 'cleared', capture: this.#captureInfo() });
    } else {
      this.#post({ type: 'capture', capture: this.#captureInfo() });
    }
    this.#schedulePoll(300);
  }

  #onPanel(message: PanelToDevtools): void {
    switch (message.type) {
      case 'hello':
        // The snapshot leaves after the batches before it, so none of them repeats a request it holds.
        this.#flush();
        this.#post({
          type: 'snapshot',
          requests: this.#buffer.all(),
          capture: this.#captureInfo(),
          session: this.#session,
          matcher: this.#matcher.answers(),
        });
        return;
      case 'clear':
        this.#flush();
        this.#buffer.clear();
        this.#missedBeforeOpen = 0;
        this.#post({ type: 'cleared', capture: this.#captureInfo() });
        return;
      case 'preserve-log':
        this.#preserveLog = message.on;
        this.#post({ type: 'capture', capture: this.#captureInfo() });
        return;
      case 'manual-session':
        this.#reduce({ type: 'setManual', input: parseManualInput(message.input) });
        return;
      case 'clear-manual-session':
        this.#reduce({ type: 'clearManual' });
        return;
      case 'refresh-session':
        this.#schedulePoll(0);
        return;
      case 'ask-matcher':
        this.#matcher.allow(message.on);
        return;
    }
  }

  #reduce(event: SessionEvent): void {
    const next = reduceSession(this.#session, event);
    if (next === this.#session) return;
    this.#session = next;
    this.#publishSession();
  }

  #publishSession(): void {
    const shown = this.#session;
    if (this.#posted && sameState(this.#posted, shown)) return;
    this.#posted = shown;
    this.#post({ type: 'session', session: shown });
  }

  /** Where the tracker runs and what its options say: the matcher is asked there, its ingest point is not audited. */
  #followTracker(): void {
    const tracker = this.#session.page?.tracker ?? null;
    const options = tracker?.options ?? null;
    if (options?.ingestPoint !== undefined) this.#addIngestUrl(options.ingestPoint);
    const frameUrl =
      tracker !== null && tracker.frame === 'iframe' && tracker.frameUrl !== null ? tracker.frameUrl : undefined;
    this.#matcher.setTarget({ frameUrl, hasMatcher: options?.hasMatcher === true });
  }

  #schedulePoll(delay: number): void {
    clearTimeout(this.#pollTimer);
    this.#pollTimer = setTimeout(() => void this.#poll(), delay);
  }

  async #poll(): Promise<void> {
    if (!this.#probing) {
      this.#probing = true;
      try {
        const results = await probeAllFrames(this.#api.inspectedWindow, this.#pageUrl);
        this.#reduce({ type: 'probe', at: Date.now(), results });
        this.#followTracker();
        this.#publishSession();
      } finally {
        this.#probing = false;
      }
    }
    this.#schedulePoll(this.#panelVisible ? VISIBLE_POLL_MS : HIDDEN_POLL_MS);
  }

  #post(message: DevtoolsToPanel): void {
    this.#outbox = this.#outbox.then(() => this.#transport.post(message));
  }
}
