import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoWorld, type DemoWorld } from '../../demo/world.ts';

// The sample suite of `replay-link/playwright` (test/playwright/) run by @playwright/test's own
// runner, as a team's CI would; its JSON report is what is checked: the passing cases pass, and
// the failing-on-purpose one fails with each problem's reason and fix in its message.

interface PwTest {
  expectedStatus: string;
  status: string;
  results: Array<{ status: string; errors: Array<{ message?: string }> }>;
}
interface PwReport {
  stats: { expected: number; unexpected: number; skipped: number; flaky: number };
  suites: Array<{ specs: Array<{ title: string; tests: PwTest[] }> }>;
}

const REPORT = resolve('reports/playwright-fixture.json');

function runPlaywright(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(resolve('node_modules/.bin/playwright'), ['test', '--reporter=json'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code, output }));
  });
}

describe('replay-link/playwright fixture in the Playwright runner', () => {
  let world: DemoWorld;
  beforeAll(async () => {
    world = await startDemoWorld({ log: () => undefined });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('passes the propagating cases and fails the on-purpose case with reason and fix', async () => {
    rmSync(REPORT, { force: true });
    const run = await runPlaywright({ REPLAY_LINK_DEMO_URL: world.appUrl, PLAYWRIGHT_JSON_OUTPUT_NAME: REPORT });
    expect(run.code, run.output.slice(-2000)).toBe(0);
    const report = JSON.parse(readFileSync(REPORT, 'utf8')) as PwReport;
    expect(report.stats).toMatchObject({ expected: 3, unexpected: 0, skipped: 0, flaky: 0 });
    const tests = new Map(report.suites.flatMap((s) => s.specs).map((spec) => [spec.title, spec.tests[0] as PwTest]));
    expect(tests.get('profile and order carry the session token')?.status).toBe('expected');
    expect(tests.get('the health check is allowed to go without the header')?.status).toBe('expected');

    const failing = tests.get('the health check without the header fails the test');
    expect(failing?.expectedStatus).toBe('failed');
    expect(failing?.results[0]?.status).toBe('failed');
    const message = (failing?.results[0]?.errors[0]?.message ?? '').split('\n').slice(0, 4);
    const app = world.appUrl.replace(/\/$/, '');
    expect(message).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Error: expected every request to propagate the OpenReplay session token; 1 problem \\(\\d+ requests judged on ${app.replace(/\./g, '\\.')}/\\):$`,
        ),
      ),
      `1. missing — GET ${app}/api/health (1 request)`,
      '    reason: your tokenUrlMatcher accepts this URL, yet it went without the header: the request bypassed the tracker (a fetch saved before the tracker started, a Web Worker, a client such as ky)',
      '    fix: call window.fetch when the request is made (not a copy saved before tracker.start()), or add the header yourself from tracker.getSessionToken()',
    ]);
  });
});
