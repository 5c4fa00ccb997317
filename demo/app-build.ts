import { existsSync, readdirSync, rmSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_DIR = fileURLToPath(new URL('./app/', import.meta.url));
export const APP_DIST = join(APP_DIR, 'dist');
const STAMP = '.built';
const TRACKER_PACKAGE = fileURLToPath(new URL('../node_modules/@openreplay/tracker/package.json', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name.startsWith('dist-') || entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when dist is missing or older than the app's sources (or the shared config type, or the tracker). */
export function appBuildIsStale(): boolean {
  const stamp = join(APP_DIST, STAMP);
  if (!existsSync(stamp)) return true;
  const sources = Math.max(
    newestMtime(APP_DIR),
    statSync(fileURLToPath(new URL('./page-config.ts', import.meta.url))).mtimeMs,
    existsSync(TRACKER_PACKAGE) ? statSync(TRACKER_PACKAGE).mtimeMs : 0,
  );
  return statSync(stamp).mtimeMs < sources;
}

async function buildInto(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(APP_DIR, 'vite.config.ts'), build: { outDir }, logLevel: 'warn' });
  writeFileSync(join(outDir, STAMP), new Date().toISOString());
}

let pending: Promise<void> | null = null;

/**
 * Builds demo/app into demo/app/dist when it is missing or stale. Builds into a private folder
 * and swaps it in, so another process serving (or building) the old dist never sees half a build.
 */
export function ensureAppBuilt(): Promise<void> {
  if (!appBuildIsStale()) return Promise.resolve();
  pending ??= (async () => {
    const tmp = join(APP_DIR, `dist-tmp-${process.pid}-${Date.now()}`);
    const old = join(APP_DIR, `dist-old-${process.pid}-${Date.now()}`);
    try {
      await buildInto(tmp);
      if (existsSync(APP_DIST)) renameSync(APP_DIST, old);
      renameSync(tmp, APP_DIST);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
      rmSync(old, { recursive: true, force: true });
      pending = null;
    }
  })();
  return pending;
}
