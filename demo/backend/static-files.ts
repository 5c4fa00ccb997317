import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { DemoPageConfig } from '../page-config.ts';
import { CONFIG_ELEMENT_ID } from '../page-config.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The file under `root` a URL path names, or null when it would leave `root`. */
export function resolveStatic(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const relative = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const full = resolve(root, `.${relative}`);
  return full.startsWith(root + sep) ? full : null;
}

/** Puts the runtime config into the page as inert JSON; `<` is escaped so no value can close the script. */
export function injectConfig(html: string, config: DemoPageConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const block = `<script id="${CONFIG_ELEMENT_ID}" type="application/json">${json}</script>`;
  return html.includes('</head>') ? html.replace('</head>', `${block}\n</head>`) : `${block}\n${html}`;
}

export async function readStatic(root: string, pathname: string): Promise<{ body: Buffer; type: string } | null> {
  const file = resolveStatic(root, pathname);
  if (!file) return null;
  try {
    return { body: await readFile(file), type: contentTypeFor(file) };
  } catch {
    return null;
  }
}
