import type { IncomingMessage, Server, ServerResponse } from 'node:http';
// One set of Node HTTP helpers for the project's local servers: the SumoLogic stand-in's.
import { header, readRawBody, sendJson as sendSumoJson, sendText as sendSumoText } from '../sumo-server/http-util.ts';

/** Listens on a free loopback port and resolves to the server's origin (`http://127.0.0.1:P`). */
export function listenLoopback(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      const addr = server.address();
      if (addr === null || typeof addr === 'string') {
        reject(new Error('server has no TCP address'));
        return;
      }
      resolve(`http://127.0.0.1:${addr.port}`);
    });
  });
}

/** Closes the server and drops kept-alive connections, so close() does not wait for browsers to let go. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** The demo's servers answer `no-store`: the panel and the tests must never see a cached answer. */
const NO_STORE = { 'Cache-Control': 'no-store' };

/** The body as sent (the demo's callers read JSON or drain batches; nothing here decodes them). */
export function readBody(req: IncomingMessage, maxBytes = 2_000_000): Promise<Buffer> {
  return readRawBody(req, maxBytes);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendSumoJson(res, status, body, { ...headers, ...NO_STORE });
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  sendSumoText(res, status, text, { ...headers, ...NO_STORE });
}

export { header as headerValue };
