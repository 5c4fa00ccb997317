import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from './context.ts';
import { FaultSpecError, validateFault, type FaultSpec } from './faults.ts';
import { readBody, sendJson } from './http-util.ts';
import { OPEN_CORS } from './receiver.ts';
import { messageMap } from './store.ts';

export const INSPECT_PREFIX = '/__sumo/';

/**
 * Accepts `[fault, …]`, `{ "faults": [fault, …], "append"?: true }` or a single fault object.
 * Returns the faults and whether to append instead of replacing.
 */
export function readFaultBody(body: unknown): { faults: FaultSpec[]; append: boolean } {
  if (Array.isArray(body)) return { faults: body.map(validateFault), append: false };
  if (typeof body === 'object' && body !== null && 'faults' in body) {
    const o = body as { faults: unknown; append?: unknown };
    if (!Array.isArray(o.faults)) throw new FaultSpecError('faults must be an array');
    return { faults: o.faults.map(validateFault), append: o.append === true };
  }
  return { faults: [validateFault(body)], append: false };
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const text = (await readBody(req, 1024 * 1024)).toString('utf8');
  return text.trim() === '' ? undefined : JSON.parse(text);
}

export async function handleInspect(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const send = (status: number, body: unknown): void => sendJson(res, status, body, OPEN_CORS);
  const route = `${req.method ?? 'GET'} ${url.pathname.slice(INSPECT_PREFIX.length)}`;
  switch (route) {
    case 'OPTIONS stats':
    case 'OPTIONS faults':
    case 'OPTIONS reset-stats':
    case 'OPTIONS reset':
    case 'OPTIONS messages':
    case 'OPTIONS jobs':
    case 'OPTIONS requests':
      res.writeHead(204, OPEN_CORS);
      res.end();
      return;
    case 'GET stats':
      return send(200, ctx.stats());
    case 'GET jobs':
      return send(200, { jobs: ctx.stats().jobs });
    case 'GET requests':
      return send(200, { requests: ctx.requestLog });
    case 'POST reset-stats':
      ctx.resetStats();
      return send(200, { ok: true });
    case 'POST reset':
      ctx.resetAll();
      return send(200, { ok: true });
    case 'GET faults':
      return send(200, { faults: ctx.faults.list() });
    case 'POST faults': {
      let parsed: { faults: FaultSpec[]; append: boolean };
      try {
        parsed = readFaultBody(await jsonBody(req));
      } catch (err) {
        const message = err instanceof FaultSpecError ? err.message : 'body must be JSON';
        return send(400, { error: message });
      }
      if (parsed.append) ctx.faults.add(parsed.faults);
      else ctx.faults.set(parsed.faults);
      return send(200, { faults: ctx.faults.list() });
    }
    case 'DELETE faults':
      ctx.faults.clear();
      return send(200, { faults: [] });
    case 'GET messages': {
      const limitParam = Number(url.searchParams.get('limit') ?? Infinity);
      const limit = Number.isFinite(limitParam) && limitParam >= 0 ? limitParam : Infinity;
      const all = [...ctx.store.all()].sort((a, b) => b.messageTime - a.messageTime || b.seq - a.seq);
      return send(200, { count: all.length, messages: all.slice(0, limit).map((m) => messageMap(m)) });
    }
    case 'DELETE messages':
      ctx.store.clear();
      return send(200, { count: 0 });
    default:
      return send(404, { error: `unknown inspection endpoint ${route}` });
  }
}
