import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { DEMO_CREDENTIALS } from '../../demo/demo-settings.ts';
import { auditRecording } from '../../src/cli/audit-recording.ts';
import { startRecording } from '../../src/cli/recorder.ts';
import { DEFAULT_CONFIG, parseConfig } from '../../src/cli/config.ts';
import type { PanelSession } from '../../tooling/devtools-panel.ts';
import { openDemoPanel, startDemo, type Demo } from './support/fixture.ts';

// One demo run, two judges: the real panel in real DevTools, and the CLI's recorder attached to
// the same tab. Same requests, same token: the verdicts, the report's problems and the backend
// tagging per endpoint must be the same.

const POLL = { timeout: 20_000, intervals: [200, 500, 1000] };

/** Rows of the panel's table that are not "not expected" (few enough to be all rendered). */
async function panelRows(panel: Frame): Promise<string[]> {
  await panel.getByTestId('filter-input').fill('-verdict:not-expected');
  const rows = await panel
    .getByTestId('request-row')
    .evaluateAll((els) =>
      els.map((e) => `${(e as HTMLElement).dataset.verdict ?? ''} ${(e as HTMLElement).dataset.url ?? ''}`),
    );
  return rows.sort();
}

/** The report's parts that do not depend on when a request was seen: times and the "not expected" count left out. */
function comparable(markdown: string): { summary: string[]; problems: string[]; tagging: string[] } {
  const section = (title: string): string[] => {
    const start = markdown.indexOf(title);
    if (start < 0) return [];
    const rest = markdown.slice(start + title.length);
    const end = rest.search(/\n#{2,3} /);
    return (end < 0 ? rest : rest.slice(0, end)).split('\n').filter((l) => l.trim() !== '');
  };
  return {
    summary: section('## Summary').filter((l) => !l.startsWith('| not expected') && !l.startsWith('Coverage:')),
    problems: section('## Problems').map((l) => l.replace(/ — \d+ requests?, (at )?\S+( to \S+)?$/, '')),
    // Endpoint, requests, header sent, backend verdict (the detail says how far the search reached).
    tagging: section('### Header sent and backend tagging by endpoint').map((l) =>
      l.split(' | ').slice(0, 4).join(' | '),
    ),
  };
}

describe('the CLI and the panel judge one demo run alike', () => {
  let demo: Demo;
  let s: PanelSession;
  beforeAll(async () => {
    demo = await startDemo();
    s = await openDemoPanel(demo);
  });
  afterAll(async () => {
    await s?.close();
    await demo?.close();
  });

  it('gives the same verdicts, problems (reason and fix) and backend tagging', async () => {
    const { page, panel } = s;
    const recording = await startRecording(page);
    // From here both capture the same page load (the panel clears on the reload).
    await page.reload();
    await page.getByTestId('token').filter({ hasText: /\./ }).waitFor();
    const token = await page.evaluate(() =>
      (window as unknown as { __OPENREPLAY__: { getSessionToken(): string } }).__OPENREPLAY__.getSessionToken(),
    );
    await panel.getByTestId('current-token').filter({ hasText: token }).waitFor({ timeout: 15_000 });
    await page.getByTestId('run-all').click();
    await page.getByTestId('run-all-done').filter({ hasText: 'done' }).waitFor({ timeout: 30_000 });

    await panel.getByRole('tab', { name: 'Backend errors' }).click();
    await panel.getByTestId('search-button').click();
    await expect
      .poll(() => panel.getByTestId('search-progress').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('done');

    const parsed = parseConfig({
      sumo: { apiBase: `${demo.sumo.url}/api`, scopeQuery: '_sourceCategory=demo/*', waitSeconds: 0 },
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const cli = await auditRecording(recording, {
      config: { ...parsed.config, failOn: [...DEFAULT_CONFIG.failOn] },
      env: { SUMO_ACCESS_ID: DEMO_CREDENTIALS.accessId, SUMO_ACCESS_KEY: DEMO_CREDENTIALS.accessKey },
    });
    await recording.stop();
    expect(cli.report.token).toBe(token);
    expect(cli.backend).not.toBeNull();

    const cliRows = cli.entries
      .filter((e) => e.result.verdict !== 'not-expected')
      .map((e) => `${e.result.verdict} ${e.req.url}`)
      .sort();
    expect(cliRows.length).toBeGreaterThanOrEqual(9);
    await panel.getByRole('tab', { name: 'Requests' }).click();
    await expect.poll(() => panelRows(panel), POLL).toEqual(cliRows);

    await panel.getByTestId('filter-input').fill('');
    await panel.getByTestId('show-report').click();
    const panelReport = comparable(await panel.getByTestId('report-text').inputValue());
    await panel.getByTestId('report-close').click();
    const cliReport = comparable(cli.markdown());
    expect(cliReport.problems.length).toBeGreaterThanOrEqual(8);
    expect(cliReport.tagging.length).toBeGreaterThanOrEqual(8);
    expect(cliReport).toEqual(panelReport);
    expect(cliReport.tagging).toContain(
      `| GET ${demo.world.appUrl}api/legacy/report | 1 | ✓ 1/1 | ✗ backend not tagging`,
    );
  });
});
