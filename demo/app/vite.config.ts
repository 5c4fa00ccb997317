import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The demo app's own build (the repo root's vite.config.ts builds the extension).
const root = fileURLToPath(new URL('.', import.meta.url));
const PAGES = [
  'index',
  'snippet',
  'storage-only',
  'iframe',
  'iframe-inner',
  'network-only',
  'no-tracker',
  'hostile',
  'all-good',
  'audit',
];

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  logLevel: 'warn',
  clearScreen: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: Object.fromEntries(PAGES.map((page) => [page, fileURLToPath(new URL(`./${page}.html`, import.meta.url))])),
    },
  },
});
