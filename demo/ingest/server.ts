import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { closeServer, headerValue, listenLoopback, readBody, sendJson, sendText } from '../http.ts';
import type { IngestSession, SessionRegistry } from './sessions.ts';
import { userAgentFacts } from './user-agent.ts';
import { SAMPLED_OUT_PROJECT_KEY } from '../page-config.ts';

export const INGEST_PATH = '/ingest';
export const DEMO_PROJECT_ID = '1';

export interface IngestServer {
  origin: string;
  /** What the tracker's `ingestPoint` option gets: `<origin>/ingest`. */
  ingestUrl: string;
  close(): Promise<void>;
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  // The demo app lives on another port, so every ingest call is cross-origin. The worker sends
  // Authorization, DataType and Content-Encoding on batches: echo what the preflight asks for.
  const requested = headerValue(req, 'access-control-request-headers');
  return {
    'Access-Control-Allow-Origin': headerValue(req, 'origin') ?? '*',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': requested ?? 'content-type, authorization, datatype, content-encoding',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

function bearer(req: IncomingMessage): string | undefined {
  const auth = headerValue(req, 'authorization') ?? '';
  const match = /^Bearer (.+)$/.exec(auth);
  return match?.[1];
}

function startResponse(session: IngestSession, req: IncomingMessage): Record<string, unknown> {
  return {
    token: session.token,
    userUUID: session.userUUID,
    sessionID: session.sessionId,
    projectID: DEMO_PROJECT_ID,
    startTimestamp: session.startTimestamp,
    delay: session.delay,
    beaconSizeLimit: 1_000_000,
    compressionThreshold: 24_000,
    canvasEnabled: false,
    canvasQuality: 'low',
    canvasFPS: 1,
    framesSupport: false,
    protocolVersion: 1,
    assistOnly: false,
    ...userAgentFacts(headerValue(req, 'user-agent')),
  };
}

function replayPage(projectId: string, sessionId: string): string {
  return `<!doctype html><meta charset="utf-8"><title>Replay ${sessionId}</title>
<h1>OpenReplay stand-in</h1><p>Project ${projectId}, session <code>${sessionId}</code>. The demo ingest records no replays.</p>`;
}

/** A loopback stand-in for the OpenReplay ingest that the real tracker talks to. */
export async function startIngestServer(registry: SessionRegistry): Promise<IngestServer> {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://ingest.local');
    const path = url.pathname;
    const cors = corsHeaders(req);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    if (path === '/__ingest/force-new' && req.method === 'POST') {
      registry.forceNew();
      sendJson(res, 200, { forceNew: true }, cors);
      return;
    }
    if (path === '/__ingest/sessions' && req.method === 'GET') {
      sendJson(res, 200, registry.list(), cors);
      return;
    }
    const replay = /^\/(\d+)\/session\/(\d+)$/.exec(path);
    if (replay && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(replayPage(replay[1] ?? '', replay[2] ?? ''));
      return;
    }
    if (!path.startsWith(`${INGEST_PATH}/`)) {
      sendText(res, 404, 'not found', cors);
      return;
    }
    const route = path.slice(INGEST_PATH.length);
    if (route === '/v1/web/start' && req.method === 'POST') {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse((await readBody(req)).toString('utf8')) as Record<string, unknown>;
      } catch {
        sendText(res, 400, 'invalid JSON', cors);
        return;
      }
      if (typeof body.projectKey !== 'string' || body.projectKey === '') {
        sendText(res, 400, 'projectKey is required', cors);
        return;
      }
      if (body.projectKey === SAMPLED_OUT_PROJECT_KEY) {
        // OpenReplay's answer when the session loses the project's capture-rate draw.
        sendText(res, 403, 'capture rate miss', cors);
        return;
      }
      const { session } = registry.start(body);
      sendJson(res, 200, startResponse(session, req), cors);
      return;
    }
    // Everything else the tracker calls is authorised with the session token.
    const token = bearer(req);
    const session = token === undefined ? null : registry.check(token);
    await readBody(req, 20_000_000).catch(() => Buffer.alloc(0));
    if (!session) {
      sendText(res, 401, 'unauthorized', cors);
      return;
    }
    if (route === '/v1/web/i' && req.method === 'POST') {
      session.batches++;
      res.writeHead(200, cors);
      res.end();
      return;
    }
    if (route === '/v1/web/tags' && req.method === 'GET') {
      sendJson(res, 200, { tags: [] }, cors);
      return;
    }
    if (route.startsWith('/v1/web/conditions/') && req.method === 'GET') {
      sendJson(res, 200, { conditions: [] }, cors);
      return;
    }
    if (route === '/v1/web/images' && req.method === 'POST') {
      res.writeHead(200, cors);
      res.end();
      return;
    }
    sendText(res, 404, 'not found', cors);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => sendText(res, 500, 'ingest stand-in failed'));
  });
  const origin = await listenLoopback(server);
  return { origin, ingestUrl: `${origin}${INGEST_PATH}`, close: () => closeServer(server) };
}
