import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { closeServer, listenLoopback, sendJson, sendText } from '../http.ts';
import type { DemoPageConfig, StorageFormat } from '../page-config.ts';
import { handleApi } from './api.ts';
import { BACKEND_SOURCE } from './log-sink.ts';
import type { LogSink } from './log-sink.ts';
import { logRequest } from './request-log.ts';
import { openReplayContext } from '../../snippets/node/openreplay-context.mjs';
import { injectConfig, readStatic } from './static-files.ts';

export interface BackendOptions {
  sink: LogSink;
  /** Built demo app (Vite output). */
  distDir: string;
  /** Resolves once `distDir` is ready to serve. */
  appReady: () => Promise<void>;
  pageConfig: () => DemoPageConfig;
  /** Storage preset for /storage-only.html, holding a token the ingest really issued. */
  storagePreset: (format: StorageFormat) => NonNullable<DemoPageConfig['storage']>;
}

export interface BackendServer {
  origin: string;
  close(): Promise<void>;
}

function storageFormat(value: string | null): StorageFormat {
  return value === 'bare' || value === 'amp' || value === 'dollar' ? value : 'dollar';
}

/** The demo backend: the built app, with its config injected, and the /api/* routes on the same origin. */
export async function startBackendServer(opts: BackendOptions): Promise<BackendServer> {
  const serveApi = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const reqLog = logRequest(req, res, opts.sink, BACKEND_SOURCE);
    try {
      await handleApi({
        req,
        res,
        url,
        token: reqLog.token,
        log: reqLog.log,
        logRaw: reqLog.logRaw,
        untagged: reqLog.untagged,
      });
      if (!res.writableEnded) sendJson(res, 500, { error: 'no response' });
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      // One message: the first line, then every `    at …` frame, as Node prints it.
      reqLog.log('ERROR', `${req.method ?? 'GET'} ${url.pathname} failed: ${error.stack ?? error.message}`);
      sendJson(res, 500, { error: 'Internal Server Error' });
    }
  };

  const serveStatic = async (res: ServerResponse, url: URL): Promise<void> => {
    await opts.appReady();
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    const file = await readStatic(opts.distDir, path);
    if (!file) {
      sendText(res, 404, 'not found');
      return;
    }
    if (file.type.startsWith('text/html')) {
      const config = opts.pageConfig();
      if (path === '/storage-only.html')
        config.storage = opts.storagePreset(storageFormat(url.searchParams.get('format')));
      const html = injectConfig(file.body.toString('utf8'), config);
      res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-store' });
      res.end(html);
      return;
    }
    res.writeHead(200, {
      'Content-Type': file.type,
      'Content-Length': String(file.body.length),
      'Cache-Control': 'no-cache',
    });
    res.end(file.body);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://backend.local');
    // API requests run inside the Node snippet's context, so their log lines get its tag.
    const work = url.pathname.startsWith('/api/')
      ? openReplayContext(req, res, () => serveApi(req, res, url))
      : serveStatic(res, url);
    work.catch((err: unknown) => sendText(res, 500, `demo backend failed: ${String(err)}`));
  });
  const origin = await listenLoopback(server);
  return { origin, close: () => closeServer(server) };
}
