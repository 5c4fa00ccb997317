import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The Firefox build under test: `npm run build:firefox` writes dist-firefox/. */
export const FIREFOX_DIST = resolve(process.env.REPLAY_LINK_FIREFOX_DIR ?? 'dist-firefox');

export function assertBuilt(): void {
  if (!existsSync(`${FIREFOX_DIST}/manifest.json`)) {
    throw new Error(
      `${FIREFOX_DIST}/manifest.json is missing: run \`npm run build:firefox\` first (npm run test:firefox does).`,
    );
  }
}

export const CHECK_PATH = '/api/firefox-check';
export const PAGE_TITLE = 'Replay Link Firefox check';

/** A page on loopback that makes one same-origin fetch every time it loads. */
export async function startPage(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url === CHECK_PATH) {
      res.setHeader('content-type', 'application/json');
      res.end('{"ok":true}');
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><title>${PAGE_TITLE}</title><h1>check</h1><script>fetch(${JSON.stringify(CHECK_PATH)})</script>`,
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
