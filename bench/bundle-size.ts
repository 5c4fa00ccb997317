/**
 * The panel's initial JavaScript: its entry chunk and every chunk it imports statically, gzipped,
 * read from the build's own manifest (dist-demo/.vite/manifest.json). Chunks loaded on first use
 * (the Timeline and Settings areas) are listed apart. Printed, never asserted.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  src?: string;
}

const PANEL = 'src/panel/panel.html';

export function bundleSizes(distDir = 'dist-demo') {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
  const gz = (file: string) => gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
  const initial = new Set<string>();
  const visit = (key: string) => {
    if (initial.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    initial.add(key);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit(PANEL);
  const lazy = new Set<string>();
  for (const key of initial)
    for (const dep of manifest[key]?.dynamicImports ?? []) if (!initial.has(dep)) lazy.add(dep);
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  const files = [...initial].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
  const initialGzipBytes = files.reduce((sum, f) => sum + gz(f), 0);
  return {
    panelInitialJsGzipKB: kb(initialGzipBytes),
    initialChunks: Object.fromEntries(files.map((f) => [f, kb(gz(f))])),
    loadedOnFirstUse: Object.fromEntries([...lazy].map((k) => [manifest[k]?.src ?? k, kb(gz(manifest[k]!.file))])),
  };
}

export async function run() {
  return bundleSizes();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(bundleSizes(process.argv[2]), null, 2));
}
