import { spawnSync } from 'node:child_process';

/** The version line of a toolchain on PATH, or null when it is not installed. */
export function toolchain(cmd: string, args: string[]): string | null {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000 });
  if (r.error || r.status !== 0) return null;
  return `${r.stdout}${r.stderr}`.trim().split('\n')[0] ?? '';
}

export function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): { code: number; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000, ...opts });
  return { code: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** Printed, so CI logs say why a snippet was not compiled. */
export function skipReason(what: string, why: string): void {
  console.log(`[snippets] ${what} skipped: ${why}`);
}
