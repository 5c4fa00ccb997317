import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { openDemoPanel, startDemo, type Demo } from './support/fixture.ts';
import type { PanelSession } from '../../tooling/devtools-panel.ts';

// In the real panel: the demo's request mix, judged by the real audit, in real DevTools.

const POLL = { timeout: 15_000, intervals: [100, 250, 500] };

async function runAll(page: Page): Promise<void> {
  // Empty until "run all" finishes; a click clears it first.
  await page.getByTestId('run-all').click();
  await page.getByTestId('run-all-done').filter({ hasText: 'done' }).waitFor({ timeout: 20_000 });
}

/**
 * Resolves once the devtools page has started: its first session probe, which runs right after
 * its HAR backfill, reads window.__OPENREPLAY__. DevTools may finish starting seconds after the
 * page loaded; requests before that are lost to every extension (the panel's reload hint says so).
 * The demo's own code never reads the global after constructing the tracker, so only a probe trips it.
 */
async function waitForDevtoolsPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const tracker = w['__OPENREPLAY__'];
    Object.defineProperty(window, '__OPENREPLAY__', {
      configurable: true,
      get() {
        w['__probedByDevtools'] = true;
        return tracker;
      },
    });
  });
  // A probe every 10 s while the panel is hidden: at most one period.
  await page.waitForFunction(
    () => (window as unknown as Record<string, unknown>)['__probedByDevtools'] === true,
    null,
    { timeout: 30_000 },
  );
}

async function setFilter(panel: Frame, text: string): Promise<void> {
  await panel.getByTestId('filter-input').fill(text);
}

/** Verdicts of every row whose URL is exactly `url` (the filter narrows the virtual list first). */
async function verdictsOf(panel: Frame, url: string, narrower = ''): Promise<string[]> {
  await setFilter(panel, `url:"${url}" ${narrower}`.trim());
  return panel
    .getByTestId('request-row')
    .evaluateAll(
      (els, u) =>
        els.filter((e) => (e as HTMLElement).dataset.url === u).map((e) => (e as HTMLElement).dataset.verdict ?? ''),
      url,
    );
}

/** Every row's URL and verdict; only for short lists (the table renders the rows in view). */
async function allRows(panel: Frame): Promise<Array<[string, string]>> {
  await setFilter(panel, '');
  return panel
    .getByTestId('request-row')
    .evaluateAll((els) =>
      els.map(
        (e) => [(e as HTMLElement).dataset.url ?? '', (e as HTMLElement).dataset.verdict ?? ''] as [string, string],
      ),
    );
}

describe('Requests area: propagation audit in the real panel', () => {
  let demo: Demo;
  let s: PanelSession;
  let app: string;
  let firstToken: string;

  beforeAll(async () => {
    demo = await startDemo();
    app = demo.world.appUrl.replace(/\/$/, '');
    // The request mix runs while the panel has never been shown: the devtools page must have it.
    s = await openDemoPanel(demo, '/', {
      beforeShow: async (page) => {
        await page.getByTestId('token').filter({ hasText: /\./ }).waitFor({ timeout: 20_000 });
        await waitForDevtoolsPage(page);
        await runAll(page);
      },
    });
    firstToken = (await s.page.getByTestId('token').textContent()) ?? '';
    await s.panel.getByRole('tab', { name: 'Requests' }).click();
  });
  afterAll(async () => {
    await s?.close();
    await demo?.close();
  });

  it('shows requests made before the panel was first shown, each with the verdict the rules give', async () => {
    expect(firstToken).toMatch(/^\w+\.[-\w]+\.\w+\.\w+$/);
    const expected: Array<[string, string]> = [
      [`${app}/api/users/42`, 'carries'],
      [`${app}/api/orders`, 'carries'],
      [`${app}/api/checkout`, 'carries'],
      [`${app}/api/health`, 'missing'],
      [`${app}/api/manual`, 'carries'],
      [`${demo.world.strictOrigin}/partner/quote`, 'blocked'],
      // Cross-origin, so outside the default scope, but it sent the header: judged by its value.
      [`${demo.world.openOrigin}/partner/rates`, 'carries'],
      [`${app}/api/legacy/report`, 'carries'],
      // Before force-new the "first token" is the current one.
      [`${app}/api/users/42/preferences`, 'carries'],
    ];
    for (const [url, verdict] of expected) {
      // A request judged while no token was known yet is re-judged when the session arrives: poll.
      await expect
        .poll(async () => (await verdictsOf(s.panel, url)).filter((v) => v !== 'not-expected'), POLL)
        .toEqual([verdict]);
    }
    // The partners' preflights are rows of their own, never expected to carry a header. Which of
    // the two the browser timestamps first varies (the request is stamped when fetch() is called,
    // the preflight when it starts), so their order is not asserted.
    expect((await verdictsOf(s.panel, `${demo.world.strictOrigin}/partner/quote`)).sort()).toEqual([
      'blocked',
      'not-expected',
    ]);
    expect(Number(await s.panel.getByTestId('count-blocked').getAttribute('data-count'))).toBe(1);
    expect(Number(await s.panel.getByTestId('count-missing').getAttribute('data-count'))).toBe(1);
    expect(Number(await s.panel.getByTestId('count-carries').getAttribute('data-count'))).toBeGreaterThanOrEqual(7);
    await expect.poll(() => s.panel.getByTestId('coverage-summary').textContent()).toBe(' 77.8%');
  });

  it('opens a detail with the reason and fix, masks the token until revealed, and is keyboard-driven', async () => {
    const quote = `${demo.world.strictOrigin}/partner/quote`;
    await setFilter(s.panel, `url:"${quote}"`);
    await s.panel.locator('[data-testid=request-row][data-verdict=blocked]').click();
    const detail = s.panel.getByTestId('request-detail');
    await expect
      .poll(() => detail.getByTestId('detail-reason').textContent())
      .toBe(`Reason: the preflight to ${demo.world.strictOrigin} answered Access-Control-Allow-Headers: content-type`);
    expect(await detail.getByTestId('detail-fix').textContent()).toBe(
      'Fix: add x-openreplay-sessiontoken to its Access-Control-Allow-Headers',
    );

    await setFilter(s.panel, 'path:/api/users/42');
    const profile = s.panel.locator(`[data-testid=request-row][data-url="${app}/api/users/42"]`);
    await profile.click();
    await expect
      .poll(() => detail.getByTestId('detail-reason').textContent())
      .toBe('Reason: X-OpenReplay-SessionToken carries the current token');
    expect(await detail.getByTestId('detail-fix').count()).toBe(0);
    const tokenLine = detail
      .getByTestId('request-headers')
      .getByTestId('header-line')
      .filter({ hasText: 'X-OpenReplay-SessionToken' });
    const masked = `${firstToken.slice(0, 6)}…${firstToken.slice(-4)}`;
    expect(await tokenLine.locator('dd').textContent()).toBe(masked);
    expect(await detail.textContent()).not.toContain(firstToken);
    await detail.getByTestId('reveal-toggle').check();
    expect(await tokenLine.locator('dd').textContent()).toBe(firstToken);
    await detail.getByTestId('reveal-toggle').uncheck();
    expect(await tokenLine.locator('dd').textContent()).toBe(masked);

    // Keyboard: the table takes focus, ↓ moves the selection (the detail follows), Esc closes it.
    const grid = s.panel.getByTestId('request-table');
    await grid.focus();
    await grid.press('ArrowDown');
    await expect
      .poll(() => s.panel.getByTestId('detail-url').textContent())
      .toBe(`GET ${app}/api/users/42/preferences`);
    await grid.press('k');
    await expect.poll(() => s.panel.getByTestId('detail-url').textContent()).toBe(`GET ${app}/api/users/42`);
    expect(await s.panel.locator('[data-testid=request-row][aria-selected=true]').getAttribute('data-url')).toBe(
      `${app}/api/users/42`,
    );
    await grid.press('Escape');
    await expect.poll(() => s.panel.getByTestId('request-detail').count()).toBe(0);
    await grid.press('Enter');
    await expect.poll(() => s.panel.getByTestId('request-detail').count()).toBe(1);
    await grid.press('Escape');
  });

  it('filters by key:value, free text and count buttons, shows filter errors, and sorts by column', async () => {
    await setFilter(s.panel, 'status:500');
    await expect
      .poll(() =>
        s.panel.getByTestId('request-row').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.url)),
      )
      .toEqual([`${app}/api/checkout`]);

    await setFilter(s.panel, `origin:${demo.world.openOrigin}`);
    await expect.poll(() => s.panel.getByTestId('request-row').count()).toBe(2);

    await setFilter(s.panel, 'legacy');
    await expect
      .poll(() =>
        s.panel.getByTestId('request-row').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.url)),
      )
      .toEqual([`${app}/api/legacy/report`]);

    await setFilter(s.panel, 'colour:red');
    await expect
      .poll(() => s.panel.getByTestId('filter-error').textContent())
      .toBe('unknown filter "colour:" — use verdict:, origin:, status:, method:, type:, path:, url: (at character 1)');
    // The last readable filter keeps the rows while the query cannot be read.
    expect(await s.panel.getByTestId('request-row').count()).toBe(1);

    await setFilter(s.panel, '');
    await s.panel.getByTestId('count-missing').click();
    expect(await s.panel.getByTestId('filter-input').inputValue()).toBe('verdict:missing');
    await expect
      .poll(() =>
        s.panel.getByTestId('request-row').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.url)),
      )
      .toEqual([`${app}/api/health`]);
    await s.panel.getByTestId('count-missing').click();
    expect(await s.panel.getByTestId('filter-input').inputValue()).toBe('');

    await setFilter(s.panel, '-verdict:not-expected');
    await s.panel.getByTestId('sort-status').click();
    await s.panel.getByTestId('sort-status').click();
    const statuses = await s.panel.locator('[data-testid=request-row] .c-status').allTextContents();
    expect(statuses[0]).toBe('500');
    expect(statuses.at(-1)).toBe('(failed)');
    await s.panel.getByTestId('sort-verdict').click();
    expect(await s.panel.getByTestId('request-row').first().getAttribute('data-verdict')).toBe('blocked');
    await s.panel.getByTestId('sort-verdict').click();
    await s.panel.getByTestId('sort-verdict').click(); // back to capture order
    expect(await s.panel.getByTestId('request-row').first().getAttribute('data-url')).toBe(`${app}/api/users/42`);
    await setFilter(s.panel, '');
  });

  it('shows coverage per endpoint and origin, and a Markdown report with every problem', async () => {
    await s.panel.getByTestId('subtab-coverage').click();
    const endpoints = s.panel.getByTestId('coverage-endpoints');
    const row = (key: string) =>
      endpoints.locator(`[data-testid=coverage-endpoint][data-key="${key}"] td`).allTextContents();
    // Coverage, requests, carrying, missing, blocked, stale/foreign, outside scope, not expected.
    expect(await row(`GET ${app}/api/health`)).toEqual(['0%', '1', '0', '1', '0', '0', '0', '0']);
    expect(await row(`GET ${app}/api/users/:id`)).toEqual(['100%', '1', '1', '0', '0', '0', '0', '0']);
    expect(await row(`GET ${demo.world.strictOrigin}/partner/quote`)).toEqual([
      '0%',
      '1',
      '0',
      '0',
      '1',
      '0',
      '0',
      '0',
    ]);
    const strict = await s.panel
      .getByTestId('coverage-origins')
      .locator(`[data-key="${demo.world.strictOrigin}"] td`)
      .allTextContents();
    expect(strict).toEqual(['0%', '2', '0', '0', '1', '0', '0', '1']);
    // A row shows its requests.
    await s.panel.getByTestId('coverage-origins').locator(`[data-key="${demo.world.strictOrigin}"] button`).click();
    expect(await s.panel.getByTestId('filter-input').inputValue()).toBe(`origin:${demo.world.strictOrigin}`);
    await expect.poll(() => s.panel.getByTestId('request-row').count()).toBe(2);
    await setFilter(s.panel, '');

    await s.panel.getByTestId('show-report').click();
    const text = await s.panel.getByTestId('report-text').inputValue();
    const lines = text.split('\n');
    expect(lines[0]).toBe('# OpenReplay session token propagation report');
    expect(lines).toContain(`- **Page:** ${app}/`);
    expect(lines).toContain(`- **Session token:** ${firstToken.slice(0, 6)}…${firstToken.slice(-4)} (masked)`);
    expect(text).not.toContain(firstToken);
    expect(lines).toContain('| missing | 1 |');
    expect(lines).toContain('| blocked | 1 |');
    expect(lines).toContain('Coverage: **77.8%** of 9 in-scope requests carry the current token.');
    expect(lines).toContain(`| GET ${app}/api/health | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0% |`);
    expect(lines).toContain('## Problems (2)');
    expect(lines).toContain(
      `   - Reason: the preflight to ${demo.world.strictOrigin} answered Access-Control-Allow-Headers: content-type`,
    );
    expect(lines).toContain('   - Fix: add x-openreplay-sessiontoken to its Access-Control-Allow-Headers');
    expect(lines).toContain(
      '   - Reason: your tokenUrlMatcher accepts this URL, yet it went without the header: the request bypassed the tracker (a fetch saved before the tracker started, a Web Worker, a client such as ky)',
    );
    await s.panel.getByTestId('report-reveal').check();
    expect(await s.panel.getByTestId('report-text').inputValue()).toContain(`- **Session token:** ${firstToken}`);
    await s.panel.getByTestId('report-close').click();
    await expect.poll(() => s.panel.getByTestId('report-dialog').count()).toBe(0);

    await s.panel.getByTestId('copy-report').click();
    await expect
      .poll(() => s.panel.getByTestId('export-status').textContent())
      .toMatch(/^Report copied: \d+ requests, token masked\.$|^The browser refused the clipboard/);
    // Refused: the report opens to be copied by hand.
    if ((await s.panel.getByTestId('report-dialog').count()) > 0) await s.panel.getByTestId('report-close').click();
    await s.panel.getByTestId('save-json').click();
    await expect
      .poll(() => s.panel.getByTestId('export-status').textContent())
      .toMatch(/^Saved replay-link-audit-127\.0\.0\.1-\d+-[\dT-]+\.json: \d+ requests, token masked\.$/);
    await s.panel.getByTestId('subtab-table').click();
  });

  it('keeps rows across a reload with "Preserve log" on, and clears them with it off', async () => {
    const manual = `${app}/api/manual`;
    await s.panel.getByTestId('preserve-log').check();
    await expect.poll(() => s.panel.getByTestId('preserve-log').isChecked()).toBe(true);
    await s.page.reload();
    await s.page.getByTestId('token').filter({ hasText: /\./ }).waitFor();
    // The reload's own document arrives, and the earlier rows are still there.
    await expect
      .poll(async () => (await verdictsOf(s.panel, `${app}/`, 'type:document')).length, POLL)
      .toBeGreaterThanOrEqual(1);
    expect(await verdictsOf(s.panel, manual)).toEqual(['carries']);

    await s.panel.getByTestId('preserve-log').uncheck();
    await expect.poll(() => s.panel.getByTestId('preserve-log').isChecked()).toBe(false);
    await s.page.reload();
    await s.page.getByTestId('token').filter({ hasText: /\./ }).waitFor();
    await expect.poll(() => verdictsOf(s.panel, manual), POLL).toEqual([]);
    await expect.poll(() => s.panel.getByTestId('reload-hint').count()).toBe(0);
    // A full page load is on record now: the document, its assets and the tracker's traffic are not expected.
    await expect
      .poll(async () => {
        const rows = await allRows(s.panel);
        return {
          document: rows.filter(([u]) => u === `${app}/`).map(([, v]) => v),
          scripts: [...new Set(rows.filter(([u]) => /\/assets\/.+\.js$/.test(u)).map(([, v]) => v))],
          css: [...new Set(rows.filter(([u]) => /\/assets\/.+\.css$/.test(u)).map(([, v]) => v))],
          logo: rows.filter(([u]) => u === `${app}/logo.svg`).map(([, v]) => v),
          start: [...new Set(rows.filter(([u]) => u.endsWith('/v1/web/start')).map(([, v]) => v))],
          batches: [...new Set(rows.filter(([u]) => u.includes('/v1/web/i')).map(([, v]) => v))],
        };
      }, POLL)
      .toEqual({
        document: ['not-expected'],
        scripts: ['not-expected'],
        css: ['not-expected'],
        logo: ['not-expected'],
        start: ['not-expected'],
        batches: ['not-expected'],
      });
  });

  it('calls the first token "stale" after the page forced a new session', async () => {
    await s.page.getByTestId('force-new').click();
    await expect.poll(() => s.page.getByTestId('result-force-new').getAttribute('data-status'), POLL).toBe('ok');
    await expect.poll(() => s.page.getByTestId('token').textContent()).not.toBe(firstToken);
    const newToken = (await s.page.getByTestId('token').textContent()) ?? '';
    // The panel must know the new token before the stale request is judged against it.
    await s.panel.getByRole('tab', { name: 'Session' }).click();
    await expect.poll(() => s.panel.getByTestId('current-token').textContent(), POLL).toBe(newToken);
    await s.panel.getByRole('tab', { name: 'Requests' }).click();

    await s.page.getByTestId('stale-token').click();
    await expect.poll(() => s.page.getByTestId('result-stale-token').getAttribute('data-status')).toBe('200');
    const prefs = `${app}/api/users/42/preferences`;
    await expect.poll(() => verdictsOf(s.panel, prefs), POLL).toEqual(['stale']);
    await s.panel.locator(`[data-testid=request-row][data-url="${prefs}"]`).click();
    expect(await s.panel.getByTestId('detail-reason').textContent()).toMatch(
      /^Reason: X-OpenReplay-SessionToken holds an earlier token of this tab \(session \d+, current from /i,
    );
    expect(await s.panel.getByTestId('detail-fix').textContent()).toBe(
      'Fix: read the token when the request is made (tracker.getSessionToken()) instead of keeping an old value',
    );
    await s.panel.getByTestId('detail-close').click();
    expect(await s.panel.getByTestId('count-stale').getAttribute('data-count')).toBe('1');
  });

  it('clears every row with the clear button', async () => {
    await setFilter(s.panel, '');
    await s.panel.getByTestId('clear-button').click();
    await expect.poll(() => s.panel.getByTestId('shown-count').textContent()).toBe('0 requests');
    expect(await s.panel.getByTestId('requests-empty').textContent()).toContain('No requests yet.');
    expect(await s.panel.getByTestId('count-carries').getAttribute('data-count')).toBe('0');
  });
});
