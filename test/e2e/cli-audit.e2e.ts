import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../../demo/demo-settings.ts';
import { freePort } from '../../tooling/devtools-panel.ts';
import { junitCases, runCli, tempDir, writeJson } from './support/cli.ts';
import { startDemo, type Demo } from './support/fixture.ts';

// `replay-link audit` against the demo world, as a pipeline runs it: real headless Chromium, the
// real tracker, the local SumoLogic server; exit codes, stderr and the JUnit file are what CI reads.

const SUMO_ENV = { SUMO_ACCESS_ID: DEMO_CREDENTIALS.accessId, SUMO_ACCESS_KEY: DEMO_CREDENTIALS.accessKey };
const DEMO_FLOW = 'test/e2e/support/demo-flow.ts';

describe('replay-link audit (CLI) against the demo world', () => {
  let demo: Demo;
  let dir: string;
  let config: string;
  let app: string;

  beforeAll(async () => {
    demo = await startDemo();
    app = demo.world.appUrl.replace(/\/$/, '');
    dir = tempDir();
    config = writeJson(dir, 'replay-link.config.json', {
      sumo: { apiBase: `${demo.sumo.url}/api`, scopeQuery: '_sourceCategory=demo/*', waitSeconds: 1 },
    });
  });
  afterAll(async () => {
    await demo?.close();
  });

  it('exits 1 on the demo shop, and its JUnit names the known problems with reason and fix', async () => {
    const junit = join(dir, 'shop.xml');
    const md = join(dir, 'shop.md');
    const json = join(dir, 'shop.json');
    const run = await runCli(
      ['audit', `${app}/`, '--flow', DEMO_FLOW, '--config', config, '--junit', junit, '--md', md, '--json', json],
      SUMO_ENV,
    );
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('replay-link: page loaded: ');
    expect(run.stderr).toContain('replay-link: flow: run all flows');
    expect(run.stderr).toMatch(/replay-link: \d+ requests judged/);
    expect(run.stderr).toMatch(/replay-link: search: done, \d+ messages in \d+ requests; job deleted/);
    expect(run.stderr.trim().split('\n').at(-1)).toBe(
      'replay-link: 3 propagation problems on 3 endpoints (missing, blocked, not-tagging)',
    );

    const xml = readFileSync(junit, 'utf8');
    const cases = junitCases(xml);
    const failing = [...cases]
      .filter(([, c]) => c.failures.length > 0)
      .map(([name, c]) => [name, c.failures.join(',')]);
    expect(failing.sort()).toEqual(
      [
        [`GET ${app}/api/health`, 'missing'],
        [`GET ${demo.world.strictOrigin}/partner/quote`, 'blocked'],
        [`GET ${app}/api/legacy/report`, 'not-tagging'],
      ].sort(),
    );
    expect(cases.get(`GET ${app}/api/users/:id`)?.failures).toEqual([]);
    expect(cases.get(`POST ${app}/api/orders`)?.failures).toEqual([]);
    expect(xml).toContain(
      `message="missing: your tokenUrlMatcher accepts this URL, yet it went without the header: the request bypassed the tracker (a fetch saved before the tracker started, a Web Worker, a client such as ky) — call window.fetch when the request is made (not a copy saved before tracker.start()), or add the header yourself from tracker.getSessionToken()"`,
    );
    expect(xml).toContain(
      `blocked (1 request): the preflight to ${demo.world.strictOrigin} answered Access-Control-Allow-Headers: content-type\nfix: add x-openreplay-sessiontoken to its Access-Control-Allow-Headers`,
    );
    expect(xml).toContain('not-tagging (1 request): header sent ✓ — backend tagged ✗: no backend line with this token');

    // The panel's report and export, backend side included.
    const report = readFileSync(md, 'utf8');
    expect(report).toContain('# OpenReplay session token propagation report');
    expect(report).toMatch(
      /\| GET http:\/\/127\.0\.0\.1:\d+\/api\/legacy\/report \| 1 \| ✓ 1\/1 \| ✗ backend not tagging \|/,
    );
    const doc = JSON.parse(readFileSync(json, 'utf8')) as {
      schema: string;
      backend: { schema: string; tagging: Array<{ endpoint: string; status: string }> };
    };
    expect(doc.schema).toBe('replay-link/audit@1');
    expect(doc.backend.schema).toBe('replay-link/backend@1');
    expect(doc.backend.tagging.find((t) => t.endpoint === `GET ${app}/api/legacy/report`)?.status).toBe('not-tagged');
    // Only the search's own job was made, and it is gone.
    expect(demo.sumo.stats().jobsCreated).toBe(1);
    expect(demo.sumo.stats().liveJobs).toBe(0);
  });

  it('exits 0 on the demo page where everything propagates', async () => {
    const junit = join(dir, 'good.xml');
    const run = await runCli(
      ['audit', `${app}/all-good.html`, '--flow', DEMO_FLOW, '--config', config, '--junit', junit],
      SUMO_ENV,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      'replay-link: no missing/blocked/stale/foreign/outside-scope/not-tagging problem (0 problems found in all)',
    );
    const cases = junitCases(readFileSync(junit, 'utf8'));
    expect([...cases.keys()].sort()).toEqual(
      [
        `GET ${app}/api/users/:id`,
        `POST ${app}/api/orders`,
        `POST ${app}/api/checkout`,
        `GET ${app}/api/manual`,
        `GET ${demo.world.openOrigin}/partner/rates`,
      ].sort(),
    );
    expect([...cases.values()].every((c) => c.failures.length === 0)).toBe(true);
  });

  it('exits 2 with a one-line reason when the page cannot be reached, or the config is wrong', async () => {
    const port = await freePort();
    const run = await runCli(['audit', `http://127.0.0.1:${port}/`, '--quiet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `replay-link: the page http://127.0.0.1:${port}/ did not load: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:${port}/\n`,
    );

    const bad = writeJson(dir, 'bad.json', {
      failOn: ['missing', 'late'],
      sumo: { deployment: 'US2', accessKey: 'x' },
    });
    const refused = await runCli(['audit', `${app}/`, '--config', bad, '--quiet']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `replay-link: invalid config file ${bad}: failOn[1]: "late" is not a problem kind (use missing, blocked, stale, foreign, outside-scope, not-tagging); ` +
        'sumo.accessKey: credentials never go in the config file — set SUMO_ACCESS_ID and SUMO_ACCESS_KEY in the environment (CI secrets)\n',
    );
  });

  it('exits 2 with a one-line reason when SumoLogic refuses the search', async () => {
    const run = await runCli(['audit', `${app}/all-good.html`, '--config', config, '--quiet'], {
      ...SUMO_ENV,
      SUMO_ACCESS_KEY: 'not-the-key',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^replay-link: SumoLogic refused the search: [^\n]*key[^\n]*\n$/i);
    expect(demo.sumo.stats().liveJobs).toBe(0);
  });

  it('with --fail-on blocked, ignores the missing header and fails only on the blocked partner', async () => {
    const health = join(dir, 'health.xml');
    const onlyHealth = await runCli([
      'audit',
      `${app}/`,
      '--flow',
      'test/e2e/support/health-flow.ts',
      '--fail-on',
      'blocked',
      '--junit',
      health,
    ]);
    expect(onlyHealth.code, onlyHealth.stderr).toBe(0);
    const healthCase = junitCases(readFileSync(health, 'utf8')).get(`GET ${app}/api/health`);
    expect(healthCase?.failures).toEqual([]);
    expect(healthCase?.out).toContain('ignored — missing is not in fail-on (blocked)');

    const all = join(dir, 'blocked.xml');
    const run = await runCli(['audit', `${app}/`, '--flow', DEMO_FLOW, '--fail-on', 'blocked', '--junit', all]);
    expect(run.code, run.stderr).toBe(1);
    const failing = [...junitCases(readFileSync(all, 'utf8'))]
      .filter(([, c]) => c.failures.length > 0)
      .map(([name]) => name);
    expect(failing).toEqual([`GET ${demo.world.strictOrigin}/partner/quote`]);
    expect(run.stderr).toContain('replay-link: backend tagging not checked: no "sumo" section in the config');
  });
});
