import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `replay-link` as CI would (`npm run audit` runs the same entry through tsx). Asynchronous:
 * the demo world it audits lives in this process and must keep answering.
 */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(resolve('node_modules/.bin/tsx'), ['src/cli/main.ts', ...args], {
      env: { ...process.env, SUMO_ACCESS_ID: '', SUMO_ACCESS_KEY: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'replay-link-cli-'));
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
}

/** Test cases of a JUnit file: name → failure types (empty when it passed) and its system-out. */
export function junitCases(xml: string): Map<string, { failures: string[]; out: string }> {
  const cases = new Map<string, { failures: string[]; out: string }>();
  for (const m of xml.matchAll(/<testcase [^>]*name="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const body = m[3] ?? '';
    const failures = [...body.matchAll(/<failure type="([^"]*)"/g)].flatMap((f) => (f[1] ?? '').split(','));
    const out = /<system-out>([\s\S]*?)<\/system-out>/.exec(body)?.[1] ?? '';
    cases.set((m[1] ?? '').replace(/&amp;/g, '&'), { failures, out });
  }
  return cases;
}
