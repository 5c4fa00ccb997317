// Records one Playwright page the way the panel's devtools page records a tab: every finished
// request (with the headers really sent and the CORS preflights, through CDP), the tracker's
// ingest points and network tokens, and the session probe in every frame, polled.

import type { CDPSession, Page } from 'playwright-core';
import { fromHarEntry } from '../core/audit/har.ts';
import type { CapturedRequest } from '../core/audit/types.ts';
import { CdpHarBuilder, type HarEntry } from '../core/ci/cdp-har.ts';
import type { MatcherAnswer } from '../core/audit/tracker-policy.ts';
import { askTrackerMatcher } from './tracker-matcher.ts';
import { PROBE_EXPRESSION } from '../core/session/probe-expression.ts';
import { interpretProbe, type ProbeResult } from '../core/session/probe.ts';
import { extractNetworkToken, matchTrackerIngestUrl } from '../core/session/network-tokens.ts';
import {
  initialSessionState,
  reduceSession,
  type SessionEvent,
  type SessionState,
} from '../core/session/session-state.ts';

const NETWORK_EVENTS = [
  'Network.requestWillBeSent',
  'Network.requestWillBeSentExtraInfo',
  'Network.responseReceived',
  'Network.responseReceivedExtraInfo',
  'Network.loadingFinished',
  'Network.loadingFailed',
] as const;

const PROBE_EVERY_MS = 1000;
const MAX_FRAMES = 12;
const MAX_REQUESTS = 50_000;
const START_BODY_LIMIT = 64 * 1024;

export interface Recording {
  /** Finished requests, oldest first. */
  requests(): CapturedRequest[];
  /** Requests beyond the cap that were dropped. */
  dropped(): number;
  session(): SessionState;
  ingestUrls(): string[];
  /** The page's URL as last seen. */
  pageUrl(): string;
  /** The page's tokenUrlMatcher's answers for the recorded fetch/XHR URLs (empty without a matcher). */
  askMatcher(): Promise<Map<string, MatcherAnswer>>;
  /** One probe of every frame now (also done every second while recording). */
  probe(): Promise<void>;
  /** Waits until no request is in flight for `quietMs`, at most `maxMs`. */
  settle(quietMs?: number, maxMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** A Chromium page only: CDP is what shows the headers really sent and the preflights. */
export async function startRecording(page: Page): Promise<Recording> {
  let cdp: CDPSession;
  try {
    cdp = await page.context().newCDPSession(page);
  } catch (err) {
    throw new Error(
      `Replay Link records through the Chrome DevTools Protocol, which this browser does not offer (${err instanceof Error ? err.message.split('\n')[0] : String(err)}): run it with Chromium.`,
      { cause: err },
    );
  }
  const requests: CapturedRequest[] = [];
  let dropped = 0;
  let session = initialSessionState();
  const ingest = new Set<string>();
  let pageUrl = page.url();
  let stopped = false;
  const pendingBodies = new Set<Promise<void>>();

  const reduce = (event: SessionEvent): void => {
    session = reduceSession(session, event);
  };

  const learn = (entry: HarEntry, req: CapturedRequest): void => {
    const match = matchTrackerIngestUrl(req.url);
    if (!match) return;
    ingest.add(match.ingestBase);
    if (match.endpoint === 'start' && req.status === 403) {
      // The capture-rate draw was lost: no token, and no header, by design.
      reduce({ type: 'start-refused', at: Date.now(), status: req.status });
      return;
    }
    const requestHeaders = req.requestHeaders.map(([name, value]) => ({ name, value }));
    const finish = (responseBody?: string): void => {
      const finding = extractNetworkToken({
        url: req.url,
        method: req.method,
        requestHeaders,
        ...(responseBody === undefined ? {} : { responseBody }),
      });
      if (finding) reduce({ type: 'network', at: Date.now(), finding });
    };
    if (match.endpoint !== 'start') return finish();
    const body = cdp
      .send('Network.getResponseBody', { requestId: entry._requestId })
      .then((r) => finish(r.base64Encoded ? undefined : r.body.slice(0, START_BODY_LIMIT)))
      .catch(() => finish());
    pendingBodies.add(body);
    void body.finally(() => pendingBodies.delete(body));
  };

  const builder = new CdpHarBuilder((entry) => {
    const req = fromHarEntry(entry, pageUrl);
    if (req === null) return;
    if (requests.length >= MAX_REQUESTS) {
      requests.shift();
      dropped++;
    }
    requests.push(req);
    learn(entry, req);
  });
  for (const name of NETWORK_EVENTS) cdp.on(name, (params: unknown) => builder.onEvent(name, params));
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    pageUrl = frame.url().slice(0, 2048);
    reduce({ type: 'navigated' });
  });
  await cdp.send('Network.enable', { maxPostDataSize: 0 });

  let probing: Promise<void> | null = null;
  const probe = (): Promise<void> => {
    probing ??= (async () => {
      try {
        const frames = page
          .frames()
          .filter((f) => f === page.mainFrame() || /^https?:/.test(f.url()))
          .slice(0, MAX_FRAMES);
        const raw = await Promise.all(frames.map((f) => f.evaluate(PROBE_EXPRESSION).catch(() => undefined)));
        const results: ProbeResult[] = [];
        raw.forEach((value, i) => {
          // The top frame always reports (an empty answer is "none found"); a vanished sub-frame is skipped.
          if (i === 0 || value !== undefined) results.push(interpretProbe(value));
        });
        if (stopped) return;
        reduce({ type: 'probe', at: Date.now(), results });
        const ingestPoint = session.page?.tracker?.options?.ingestPoint;
        if (ingestPoint !== undefined && ingest.size < 20) ingest.add(ingestPoint);
      } finally {
        probing = null;
      }
    })();
    return probing;
  };
  const timer = setInterval(() => void probe().catch(() => undefined), PROBE_EVERY_MS);

  return {
    requests: () => requests.slice(),
    dropped: () => dropped,
    session: () => session,
    ingestUrls: () => [...ingest],
    pageUrl: () => pageUrl,
    askMatcher: () => askTrackerMatcher(page, session, requests),
    probe,
    async settle(quietMs = 300, maxMs = 3000) {
      const deadline = Date.now() + maxMs;
      let quietSince = Date.now();
      while (Date.now() < deadline) {
        if (builder.inFlight > 0) quietSince = Date.now();
        else if (Date.now() - quietSince >= quietMs) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await Promise.all([...pendingBodies]);
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await probing?.catch(() => undefined);
      await Promise.all([...pendingBodies]);
      await cdp.detach().catch(() => undefined);
    },
  };
}
