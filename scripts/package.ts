/**
 * `npm run package`: the store builds (Chrome → dist/, Firefox → dist-firefox/), checked, then
 * zipped to release/replay-link-<chrome|firefox>-<version>.zip. Any problem fails loudly and no
 * zip is written for that target.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkRelease, type ReleaseFile, type Target } from './release-check.ts';
import { createZip } from './zip.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT: Record<Target, string> = { chrome: 'dist', firefox: 'dist-firefox' };

function build(target: Target): void {
  const env: NodeJS.ProcessEnv = { ...process.env, REPLAY_LINK_TARGET: target };
  // Store builds only: never the demo flavour, never a side directory.
  delete env.REPLAY_LINK_DEMO;
  delete env.REPLAY_LINK_OUT_DIR;
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
}

export function readTree(dir: string): ReleaseFile[] {
  const files: ReleaseFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push({ path: relative(dir, full).split(sep).join('/'), data: readFileSync(full) });
    }
  };
  walk(dir);
  return files;
}

function main(): void {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const releaseDir = join(ROOT, 'release');
  mkdirSync(releaseDir, { recursive: true });
  let failed = false;
  for (const target of ['chrome', 'firefox'] as const) {
    build(target);
    const files = readTree(join(ROOT, OUT[target]));
    const zipPath = join(releaseDir, `replay-link-${target}-${version}.zip`);
    rmSync(zipPath, { force: true });
    const problems = checkRelease(target, files, version);
    if (problems.length) {
      failed = true;
      console.error(`✗ ${target}: not packaged, ${problems.length} problem(s):`);
      for (const p of problems) console.error(`  - ${p}`);
      continue;
    }
    const zip = createZip(files);
    writeFileSync(zipPath, zip);
    console.log(`✓ ${relative(ROOT, zipPath)}  ${files.length} files, ${(zip.length / 1024).toFixed(1)} KiB`);
  }
  if (failed) process.exit(1);
}

main();
