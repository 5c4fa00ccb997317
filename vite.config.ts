import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The demo/test build differs from the store build in exactly one way: it may call a SumoLogic-
 * compatible server on loopback without a runtime permission prompt (headless e2e cannot click one).
 */
const demo = process.env.REPLAY_LINK_DEMO === '1';

function manifest(): ManifestV3Export {
  const base = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8')) as Record<string, unknown> & {
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

export default defineConfig({
  plugins: [preact(), crx({ manifest: manifest() })],
  define: {
    __REPLAY_LINK_VERSION__: JSON.stringify(pkg.version),
    __REPLAY_LINK_DEMO__: JSON.stringify(demo),
  },
  build: {
    // REPLAY_LINK_OUT_DIR lets parallel work build side by side (e.g. dist-demo-x).
    outDir: process.env.REPLAY_LINK_OUT_DIR ?? (demo ? 'dist-demo' : 'dist'),
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome120',
    rollupOptions: {
      // The panel page is referenced only from devtools.panels.create, so crxjs cannot find it.
      input: { panel: `${root}src/panel/panel.html` },
    },
  },
});
