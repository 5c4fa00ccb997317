import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { rewriteManifestFile } from './scripts/firefox-manifest.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The demo/test build differs from the store build in exactly one way: it may call a SumoLogic-
 * compatible server on loopback without a runtime permission prompt (headless e2e cannot click one).
 */
const demo = process.env.REPLAY_LINK_DEMO === '1';

/**
 * REPLAY_LINK_TARGET=firefox builds the same sources into dist-firefox/ (dist-firefox-demo/ for the
 * demo flavour); crxjs writes a Chrome manifest, which firefoxManifest() rewrites once it is on disk.
 */
const firefox = process.env.REPLAY_LINK_TARGET === 'firefox';

function defaultOutDir(): string {
  if (firefox) return demo ? 'dist-firefox-demo' : 'dist-firefox';
  return demo ? 'dist-demo' : 'dist';
}

function firefoxManifest(): Plugin {
  let outDir = '';
  return {
    name: 'replay-link:firefox-manifest',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      rewriteManifestFile(outDir);
    },
  };
}

function manifest(): ManifestV3Export {
  const base = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8')) as Record<
    string,
    unknown
  > & {
    host_permissions: string[];
    name: string;
  };
  base.version = pkg.version;
  if (demo) {
    base.host_permissions = [...base.host_permissions, 'http://127.0.0.1/*', 'http://localhost/*'];
    base.name = `${base.name} (demo build)`;
  }
  return base as unknown as ManifestV3Export;
}

function preactChunk(id: string): string | undefined {
  return /[\\/]node_modules[\\/]preact[\\/]/.test(id) ? 'preact' : undefined;
}

export default defineConfig({
  plugins: [preact(), crx({ manifest: manifest() }), ...(firefox ? [firefoxManifest()] : [])],
  define: {
    __REPLAY_LINK_VERSION__: JSON.stringify(pkg.version),
    __REPLAY_LINK_DEMO__: JSON.stringify(demo),
  },
  build: {
    // REPLAY_LINK_OUT_DIR lets parallel work build side by side (e.g. dist-demo-x).
    outDir: process.env.REPLAY_LINK_OUT_DIR ?? defaultOutDir(),
    emptyOutDir: true,
    sourcemap: false,
    // .vite/manifest.json: which chunks each page loads first (bench/bundle-size.ts sums them).
    manifest: true,
    target: firefox ? ['chrome120', 'firefox140'] : 'chrome120',
    rollupOptions: {
      // The panel page is referenced only from devtools.panels.create, so crxjs cannot find it.
      input: { panel: `${root}src/panel/panel.html` },
      // Firefox: Preact in a chunk of its own, so `web-ext lint`'s one innerHTML warning (Preact's
      // dangerouslySetInnerHTML support, which Replay Link never uses) points at a vendor file.
      ...(firefox ? { output: { manualChunks: preactChunk } } : {}),
    },
  },
});
