import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from './context.ts';
import { BodyTooLargeError, header, readBody, sendText } from './http-util.ts';
import { buildMessage, parseMultilineHeader, splitMessages, type IngestMessage, type SourceHeaders } from './ingest.ts';
import type { StoredMessage } from './store.ts';

export const RECEIVER_PREFIX = '/receiver/v1/http/';
const MAX_RECEIVER_BODY = 10 * 1024 * 1024;

/** The receiver is called from pages and tools alike, so it allows any origin. */
export const OPEN_CORS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Max-Age': '600',
};

function cleanHeader(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/** Stores messages given in code (strings are whole messages, newlines included). */
export function ingestMessages(
  ctx: ServerContext,
  inputs: ReadonlyArray<string | IngestMessage>,
  meta: SourceHeaders = {},
): StoredMessage[] {
  const now = ctx.now();
  const built = inputs.map((input) =>
    buildMessage(typeof input === 'string' ? { raw: input } : input, meta, now, ctx.source),
  );
  return ctx.store.addBatch(built);
}

export async function handleReceiver(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, OPEN_CORS);
    res.end();
    return;
  }
  const code = decodeURIComponent(url.pathname.slice(RECEIVER_PREFIX.length));
  if (code !== ctx.options.httpSourceCode) return sendText(res, 401, 'Unauthorized: unknown HTTP source.\n', OPEN_CORS);
  if (req.method !== 'POST') return sendText(res, 405, 'Use POST.\n', { ...OPEN_CORS, Allow: 'POST, OPTIONS' });
  const mode = parseMultilineHeader(header(req, 'x-sumo-multiline'));
  if (mode === undefined) return sendText(res, 400, 'X-Sumo-Multiline must be message, line or auto.\n', OPEN_CORS);
  let body: string;
  try {
    body = (await readBody(req, MAX_RECEIVER_BODY)).toString('utf8');
  } catch (err) {
    if (err instanceof BodyTooLargeError) return sendText(res, 413, 'Body too large.\n', OPEN_CORS);
    return sendText(res, 400, 'Could not read the body.\n', OPEN_CORS);
  }
  ctx.receiverRequests++;
  const remote = req.socket.remoteAddress?.replace(/^::ffff:/, '');
  const meta: SourceHeaders = {
    category: cleanHeader(header(req, 'x-sumo-category')),
    host: cleanHeader(header(req, 'x-sumo-host')) ?? remote,
    name: cleanHeader(header(req, 'x-sumo-name')),
  };
  ingestMessages(ctx, splitMessages(body, mode), meta);
  res.writeHead(200, { ...OPEN_CORS, 'Content-Length': '0' });
  res.end();
}
