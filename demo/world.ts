import { createRequire } from 'node:module';
import { APP_DIST, ensureAppBuilt } from './app-build.ts';
import { createLogSink } from './backend/log-sink.ts';
import { startPartnerServer } from './backend/partner.ts';
import { startBackendServer } from './backend/server.ts';
import { DEMO_PROJECT_ID, startIngestServer } from './ingest/server.ts';
import { customerSession, shipCustomerSession, type CustomerSession } from './customer-session.ts';
import { SessionRegistry } from './ingest/sessions.ts';
import { DEMO_PROJECT_KEY } from './page-config.ts';
import type { DemoPageConfig, StorageFormat, StoragePreset } from './page-config.ts';

export interface DemoWorldOptions {
  /** SumoLogic-compatible HTTP source the backend ships its log messages to. */
  sumoReceiverUrl?: string;
  /** Gets every backend log message too; without it (and without a receiver) they go to stdout. */
  log?: (line: string) => void;
  /** Session length the ingest puts into token expiry; 2 h by default, like OpenReplay. */
  sessionLengthMs?: number;
}

export interface DemoSession {
  token: string;
  /** Decimal session id (beyond 2^53: compare as string or BigInt). */
  sessionId: string;
  startTimestamp: number;
  expiresAt: number;
  /** Batches the tracker has delivered for this session so far. */
  batches: number;
}

export interface DemoWorld {
  /** The demo app, e.g. `http://127.0.0.1:41234/`. */
  appUrl: string;
  /** The tracker's ingest point, e.g. `http://127.0.0.1:41235/ingest`. */
  ingestUrl: string;
  /** Partner origin whose preflight does not allow the token header. */
  strictOrigin: string;
  /** Partner origin whose preflight allows it. */
  openOrigin: string;
  /** The next /v1/web/start issues a new session even if the request carries a valid token. */
  forceNewSession(): Promise<void>;
  /** A customer's session from yesterday, over; its backend lines are shipped at start. */
  customerSession: CustomerSession;
  /** Sessions the ingest issued, oldest first. */
  sessions(): DemoSession[];
  /** Every log message the backend and partners wrote, oldest first (a stack trace is one entry). */
  logs(): string[];
  close(): Promise<void>;
}

const trackerVersion = (createRequire(import.meta.url)('@openreplay/tracker/package.json') as { version: string })
  .version;

function storagePreset(format: StorageFormat, token: string): StoragePreset {
  // Historical formats of sessionStorage.__openreplay_token (see reference/openreplay-tracker.md).
  switch (format) {
    case 'bare':
      return { format, token, version: '2' };
    case 'amp':
      return { format, token: `${token}_&_${DEMO_PROJECT_KEY}`, version: '2' };
    case 'dollar':
      return { format, token: `${token}_$_${DEMO_PROJECT_KEY}`, version: `2x${trackerVersion}` };
  }
}

/** Starts the ingest stand-in, the demo backend with its app and the two partner origins, all on loopback. */
export async function startDemoWorld(opts: DemoWorldOptions = {}): Promise<DemoWorld> {
  const building = ensureAppBuilt();
  // Keep a failed build from being an unhandled rejection while the servers start.
  building.catch(() => undefined);
  const registry = new SessionRegistry(
    opts.sessionLengthMs === undefined ? {} : { sessionLengthMs: opts.sessionLengthMs },
  );
  const sink = createLogSink({ sumoReceiverUrl: opts.sumoReceiverUrl, log: opts.log });
  const closers: Array<() => Promise<void>> = [];
  let appOrigin = '';
  let config: DemoPageConfig | undefined;
  let customer: CustomerSession | undefined;

  try {
    const ingest = await startIngestServer(registry);
    closers.push(ingest.close);
    customer = customerSession(registry, new URL(ingest.ingestUrl).origin, DEMO_PROJECT_ID, Date.now());
    shipCustomerSession(sink, customer);
    const strict = await startPartnerServer('strict', () => appOrigin, sink);
    closers.push(strict.close);
    const open = await startPartnerServer('open', () => appOrigin, sink);
    closers.push(open.close);
    config = {
      ingestUrl: ingest.ingestUrl,
      strictOrigin: strict.origin,
      openOrigin: open.origin,
      projectKey: DEMO_PROJECT_KEY,
    };
    const pageConfig = config;
    const backend = await startBackendServer({
      sink,
      distDir: APP_DIST,
      appReady: () => building,
      pageConfig: () => ({ ...pageConfig }),
      storagePreset: (format) =>
        storagePreset(format, registry.issueNew({ projectKey: DEMO_PROJECT_KEY, timestamp: Date.now() }).token),
    });
    closers.push(backend.close);
    appOrigin = backend.origin;
    await building;
  } catch (err) {
    await Promise.all(closers.map((close) => close()));
    throw err;
  }

  const ready = config;
  const yesterday = customer;
  let closed: Promise<void> | null = null;
  return {
    appUrl: `${appOrigin}/`,
    ingestUrl: ready.ingestUrl,
    strictOrigin: ready.strictOrigin,
    openOrigin: ready.openOrigin,
    customerSession: yesterday,
    forceNewSession: async () => {
      registry.forceNew();
    },
    sessions: () =>
      registry.list().map((s) => ({
        token: s.token,
        sessionId: s.sessionId,
        startTimestamp: s.startTimestamp,
        expiresAt: s.expiresAt,
        batches: s.batches,
      })),
    logs: () => sink.lines(),
    close: () => {
      closed ??= (async () => {
        await Promise.all(closers.map((close) => close()));
        await sink.flush();
      })();
      return closed;
    },
  };
}
