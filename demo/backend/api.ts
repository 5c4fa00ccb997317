import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../http.ts';
import { foreignTrace, isTraceKind } from './foreign-traces.ts';
import { placeCheckout } from './payments.ts';

export interface ApiContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  token: string | undefined;
  /** Writes one log message for this request; tagged unless the request is marked untagged. */
  log(level: 'INFO' | 'WARN' | 'ERROR', text: string): void;
  /** Writes a message that already carries its tags where its runtime puts them. */
  logRaw(level: 'INFO' | 'WARN' | 'ERROR', text: string): void;
  /** This endpoint "forgot" to tag: its lines carry no token even when the request did. */
  untagged(): void;
}

const USERS: Record<string, { id: number; name: string; plan: string }> = {
  '42': { id: 42, name: 'Ada Lovelace', plan: 'pro' },
  '7': { id: 7, name: 'Grace Hopper', plan: 'team' },
};

let nextOrderId = 1040;

/** Demo API routes. Throws on purpose for /api/checkout; the server turns that into a logged 500. */
export async function handleApi(ctx: ApiContext): Promise<void> {
  const { req, res, url } = ctx;
  const path = url.pathname;
  const method = req.method ?? 'GET';

  if (method === 'GET' && path === '/api/health') {
    sendJson(res, 200, { status: 'ok' });
    return;
  }
  const prefs = /^\/api\/users\/(\d+)\/preferences$/.exec(path);
  if (method === 'GET' && prefs) {
    sendJson(res, 200, { userId: Number(prefs[1]), theme: 'dark', locale: 'en-GB', newsletter: false });
    return;
  }
  const user = /^\/api\/users\/(\d+)$/.exec(path);
  if (method === 'GET' && user) {
    const found = USERS[user[1] ?? ''];
    if (!found) {
      sendJson(res, 404, { error: 'user not found' });
      return;
    }
    sendJson(res, 200, found);
    return;
  }
  if (method === 'POST' && path === '/api/orders') {
    const body = await readBody(req);
    const orderId = nextOrderId++;
    const fail = url.searchParams.get('fail');
    if (isTraceKind(fail)) {
      ctx.logRaw('ERROR', foreignTrace(fail, ctx.token, orderId));
      sendJson(res, 500, { error: 'Internal Server Error', orderId });
      return;
    }
    let items: number;
    try {
      const parsed = JSON.parse(body.toString('utf8') || '{}') as { items?: unknown[] };
      items = Array.isArray(parsed.items) ? parsed.items.length : 0;
    } catch {
      sendJson(res, 400, { error: 'invalid JSON' });
      return;
    }
    ctx.log('INFO', `order ${orderId} created with ${items} item(s)`);
    sendJson(res, 201, { orderId, items });
    return;
  }
  if (method === 'POST' && path === '/api/checkout') {
    await readBody(req);
    placeCheckout({ total: 129.9, card: '4242' });
    return;
  }
  if (method === 'GET' && path === '/api/manual') {
    sendJson(res, 200, { ok: true, tokenReceived: ctx.token !== undefined });
    return;
  }
  if (method === 'GET' && path === '/api/legacy/report') {
    ctx.untagged();
    ctx.log('INFO', 'legacy report generated from the nightly snapshot (rows=1284)');
    sendJson(res, 200, { rows: 1284, generatedBy: 'legacy-reporting' });
    return;
  }
  sendJson(res, 404, { error: 'no such endpoint' });
}
