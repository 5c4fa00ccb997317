import { createServer } from 'node:http';
import { closeServer, headerValue, listenLoopback, sendJson } from '../http.ts';
import type { LogSink } from './log-sink.ts';
import { logRequest } from './request-log.ts';

export type PartnerKind = 'strict' | 'open';

/** What each partner's preflight lists in Access-Control-Allow-Headers. */
export const PARTNER_ALLOWED_HEADERS: Record<PartnerKind, string> = {
  // Like the third-party APIs in OpenReplay issue #1449: the browser then blocks the request.
  strict: 'content-type',
  open: 'x-openreplay-sessiontoken, content-type',
};

export interface PartnerServer {
  origin: string;
  close(): Promise<void>;
}

/** A third-party API on its own origin that lets the demo app call it with CORS. */
export async function startPartnerServer(
  kind: PartnerKind,
  appOrigin: () => string,
  sink: LogSink,
): Promise<PartnerServer> {
  const source = { category: 'demo/partner', host: `partner-${kind}`, name: 'partner.log' };
  const server = createServer((req, res) => {
    logRequest(req, res, sink, source);
    const origin = headerValue(req, 'origin');
    const cors: Record<string, string> =
      origin === appOrigin() ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : { Vary: 'Origin' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': PARTNER_ALLOWED_HEADERS[kind],
        // No caching: every run shows its preflight, so the panel can explain each blocked call.
        'Access-Control-Max-Age': '0',
      });
      res.end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://partner.local').pathname;
    if (req.method === 'GET' && path === '/partner/quote') {
      sendJson(res, 200, { partner: kind, quote: { sku: 'SKU-1042', price: 19.99, currency: 'EUR' } }, cors);
      return;
    }
    if (req.method === 'GET' && path === '/partner/rates') {
      sendJson(res, 200, { partner: kind, rates: { EUR: 1, USD: 1.08, GBP: 0.85 } }, cors);
      return;
    }
    sendJson(res, 404, { error: 'no such partner endpoint' }, cors);
  });
  const origin = await listenLoopback(server);
  return { origin, close: () => closeServer(server) };
}
