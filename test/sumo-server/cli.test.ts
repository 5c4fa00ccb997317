import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../sumo-server/cli-args.ts';

describe('CLI arguments', () => {
  it('reads port and one credential pair', () => {
    expect(parseCliArgs(['--port', '9000', '--access-id', 'id1', '--access-key', 'key1'])).toEqual({
      ok: true,
      options: { port: 9000, credentials: [{ accessId: 'id1', accessKey: 'key1', enterprise: true }] },
    });
  });

  it('defaults to port 8787 and the demo credentials', () => {
    expect(parseCliArgs([])).toEqual({ ok: true, options: { port: 8787 } });
  });

  it('reads the tuning flags', () => {
    const parsed = parseCliArgs([
      '--gather-rate',
      '5',
      '--idle-timeout',
      '1000',
      '--start-delay',
      '0',
      '--source-code',
      'abc',
      '--non-enterprise',
    ]);
    expect(parsed).toEqual({
      ok: true,
      options: {
        port: 8787,
        gatherMessagesPerSecond: 5,
        jobIdleTimeoutMs: 1000,
        jobStartDelayMs: 0,
        httpSourceCode: 'abc',
        credentials: [{ accessId: 'demo-access-id', accessKey: 'demo-access-key', enterprise: false }],
      },
    });
  });

  it('reads the deployments and the strict switches', () => {
    expect(parseCliArgs(['--deployments', 'eu,us1,de'])).toEqual({
      ok: true,
      options: { port: 8787, deployments: { home: 'EU', others: ['US1', 'DE'] } },
    });
    expect(parseCliArgs(['--deployments', 'ESC'])).toEqual({
      ok: true,
      options: { port: 8787, deployments: { home: 'ESC' } },
    });
    expect(parseCliArgs(['--deployments', 'eu,zz9'])).toEqual({
      ok: false,
      error: '--deployments: unknown deployment ZZ9',
    });
    expect(parseCliArgs(['--lenient'])).toEqual({ ok: true, options: { port: 8787, strict: 'lenient' } });
    expect(
      parseCliArgs([
        '--cookie-loss',
        '500',
        '--auth-throttle',
        '0',
        '--no-lost-job-400',
        '--no-subqueries-state',
        '--no-extra-fields',
        '--no-mixed-key-case',
        '--max-page-bytes',
        '2048',
        '--no-html-gateway-errors',
        '--raw-only-when-requested',
      ]),
    ).toEqual({
      ok: true,
      options: {
        port: 8787,
        strict: {
          cookieLoss: 500,
          authThrottleFreeCalls: 0,
          lostJobPaging400: false,
          subqueriesState: false,
          extraFields: false,
          mixedKeyCase: false,
          maxPageBytes: 2048,
          htmlGatewayErrors: false,
          rawOnlyWhenRequested: true,
        },
      },
    });
    expect(parseCliArgs(['--cookie-loss', '418'])).toEqual({
      ok: false,
      error: '--cookie-loss takes 404, 500 or alternate',
    });
  });

  it('refuses an unknown flag, a missing value and a lone access id', () => {
    expect(parseCliArgs(['--bogus'])).toEqual({ ok: false, error: 'unknown option --bogus' });
    expect(parseCliArgs(['--port'])).toEqual({ ok: false, error: '--port needs a value' });
    expect(parseCliArgs(['--port', 'abc'])).toEqual({ ok: false, error: '--port needs a non-negative number' });
    expect(parseCliArgs(['--access-id', 'x'])).toEqual({
      ok: false,
      error: '--access-id and --access-key go together',
    });
  });
});

describe('CLI process', () => {
  it('prints its loopback base URL first and serves until stopped', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sumo-server/cli.ts', '--port', '0'], {
      cwd: new URL('../../', import.meta.url),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        const rl = createInterface({ input: child.stdout });
        rl.once('line', resolve);
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${firstLine}/__sumo/stats`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { liveJobs: number }).liveJobs).toBe(0);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
