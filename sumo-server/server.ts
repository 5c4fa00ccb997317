import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApi } from './api.ts';
import { sendApiError } from './api-errors.ts';
import { ServerContext, type SumoStats } from './context.ts';
import { validateFault, type FaultSpec, type FaultView } from './faults.ts';
import { sendText } from './http-util.ts';
import type { IngestMessage, SourceHeaders } from './ingest.ts';
import { handleInspect, INSPECT_PREFIX } from './inspect.ts';
import { resolveOptions, type SumoServerOptions } from './options.ts';
import { handleReceiver, ingestMessages, RECEIVER_PREFIX } from './receiver.ts';
import { messageMap } from './store.ts';
import { serveOtherDeployments } from './deployments.ts';

export interface SumoServer {
  /** Base URL, e.g. `http://127.0.0.1:PORT`; the API base is `${url}/api`. */
  url: string;
  /** `${url}/api`. */
  apiUrl: string;
  /** Full HTTP Logs source URL to POST log lines to. */
  receiverUrl: string;
  /**
   * With the `deployments` option: each deployment name's base URL on loopback (the home's is
   * `url`); `{}` without it.
   */
  deploymentUrls: Record<string, string>;
  /** Stops listening and drops every open connection (hung requests included). */
  close(): Promise<void>;
  /**
   * Stores messages directly. A string is one whole message (newlines kept); `meta` fills
   * category/host/name like the X-Sumo-* headers. Returns the stored maps.
   */
  ingest(
    input: string | IngestMessage | ReadonlyArray<string | IngestMessage>,
    meta?: SourceHeaders,
  ): Array<Record<string, string>>;
  /** Replaces the run-wide faults (validated; throws on a bad spec). */
  setFaults(faults: FaultSpec | FaultSpec[]): void;
  /** Adds run-wide faults to those already set. */
  addFaults(faults: FaultSpec | FaultSpec[]): void;
  clearFaults(): void;
  /** Active faults with how often each matched and fired. */
  faults(): FaultView[];
  /** Same as `GET /__sumo/stats`. */
  stats(): SumoStats;
  resetStats(): void;
  /** Drops messages, jobs, sessions, faults and stats. */
  reset(): void;
}

const HELP = `Local SumoLogic-compatible server (Replay Link).
  API (Search Job API v1):  /api/v1/search/jobs
  HTTP Logs source:         ${RECEIVER_PREFIX}<code>
  Inspection and faults:    ${INSPECT_PREFIX}stats, ${INSPECT_PREFIX}faults, ${INSPECT_PREFIX}messages, ${INSPECT_PREFIX}requests
`;

async function route(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', ctx.baseUrl);
  const path = url.pathname;
  if (path === '/api' || path.startsWith('/api/')) return handleApi(ctx, req, res, url);
  if (path.startsWith(RECEIVER_PREFIX)) return handleReceiver(ctx, req, res, url);
  if (path.startsWith(INSPECT_PREFIX)) return handleInspect(ctx, req, res, url);
  if (path === '/' && req.method === 'GET') return sendText(res, 200, HELP);
  return sendApiError(res, 404, 'notfound');
}

const asList = <T>(x: T | readonly T[]): T[] => (Array.isArray(x) ? [...(x as readonly T[])] : [x as T]);

export async function startSumoServer(opts: SumoServerOptions = {}): Promise<SumoServer> {
  const options = resolveOptions(opts);
  const ctx = new ServerContext(options);
  const server = createServer((req, res) => {
    route(ctx, req, res).catch((err: unknown) => {
      // A bug here must be visible to the test that hit it, not swallowed.
      console.error('[sumo-server] internal error', err);
      sendApiError(res, 500, 'internal.error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  ctx.baseUrl = `http://${options.host}:${port}`;
  const others = options.deployments ? await serveOtherDeployments(ctx, options.deployments) : undefined;
  const deploymentUrls: Record<string, string> = {};
  if (options.deployments && others) {
    deploymentUrls[options.deployments.home] = ctx.baseUrl;
    for (const [name, url] of others.urls) deploymentUrls[name] = url;
  }
  let closed: Promise<void> | undefined;
  return {
    url: ctx.baseUrl,
    apiUrl: `${ctx.baseUrl}/api`,
    receiverUrl: `${ctx.baseUrl}${RECEIVER_PREFIX}${options.httpSourceCode}`,
    deploymentUrls,
    close() {
      closed ??= Promise.all([
        new Promise<void>((resolve, reject) => {
          server.close((err) => (err ? reject(err) : resolve()));
          server.closeAllConnections();
        }),
        others?.close(),
      ]).then(() => undefined);
      return closed;
    },
    ingest(input, meta) {
      const list = typeof input === 'string' ? [input] : asList<string | IngestMessage>(input);
      return ingestMessages(ctx, list, meta).map((m) => messageMap(m));
    },
    setFaults(faults) {
      ctx.faults.set(asList(faults).map(validateFault));
    },
    addFaults(faults) {
      ctx.faults.add(asList(faults).map(validateFault));
    },
    clearFaults() {
      ctx.faults.clear();
    },
    faults() {
      return ctx.faults.list();
    },
    stats() {
      return ctx.stats();
    },
    resetStats() {
      ctx.resetStats();
    },
    reset() {
      ctx.resetAll();
    },
  };
}
