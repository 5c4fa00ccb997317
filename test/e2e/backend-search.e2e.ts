import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { openDemoPanel, startDemo, type Demo } from './support/fixture.ts';
import { screenshotDevtools, type PanelSession } from '../../tooling/devtools-panel.ts';
import { DEMO_CREDENTIALS } from '../../demo/demo-settings.ts';

// One Chromium for the whole journey: search, read the results, then the slow, truncated,
// cancelled, token-changed and DevTools-closed searches, each checked on the server's own counters.

const HTML_LINE = '<img src=x onerror="document.title=\'pwned\'"><b>bold</b>';
const HUGE = 'x'.repeat(60_000);

async function pageToken(s: PanelSession): Promise<string> {
  return s.page.evaluate(() =>
    (window as unknown as { __OPENREPLAY__: { getSessionToken(): string } }).__OPENREPLAY__.getSessionToken(),
  );
}

async function liveJobs(demo: Demo): Promise<number> {
  return demo.sumo.stats().liveJobs;
}

async function searchAndWait(panel: Frame, status: 'done' | 'failed' | 'cancelled' = 'done'): Promise<void> {
  await panel.getByTestId('search-button').click();
  await expect
    .poll(() => panel.getByTestId('search-progress').getAttribute('data-status'), { timeout: 30_000 })
    .toBe(status);
  // The results shown are complete once the analysis caught up with what arrived.
  await panel.getByTestId('analysing').waitFor({ state: 'detached', timeout: 30_000 });
}

describe('Backend errors: searching the local SumoLogic from the real panel', () => {
  let demo: Demo;
  let s: PanelSession;
  let token: string;

  beforeAll(async () => {
    demo = await startDemo();
    s = await openDemoPanel(demo);
    await s.page.getByTestId('token').filter({ hasText: /\S/ }).waitFor();
    token = await pageToken(s);
    await s.panel.getByTestId('current-token').filter({ hasText: token }).waitFor({ timeout: 15_000 });
    await s.panel.getByRole('tab', { name: 'Backend errors' }).click();
  });
  afterAll(async () => {
    await s?.close();
    await demo?.close();
  });

  it('finds the demo backend errors grouped, with exact re-check, inert text and out-links', async () => {
    const { panel, page } = s;
    // What the search will be, before anything is sent: scope and tag clause apart.
    await expect.poll(() => panel.getByTestId('query-scope').textContent()).toBe('_sourceCategory=demo/*');
    expect(await panel.getByTestId('query-tag').textContent()).toContain(`"openReplaySessionToken=${token}"`);
    expect(await panel.getByTestId('search-button').isEnabled()).toBe(true);

    await page.getByTestId('checkout').click();
    await expect.poll(() => page.getByTestId('result-checkout').getAttribute('data-status')).toBe('500');
    await page.getByTestId('checkout').click();
    await expect.poll(() => page.getByTestId('result-checkout').getAttribute('data-status')).toBe('500');
    for (const kind of ['py', 'java', 'java']) {
      const status = await page.evaluate(
        async ([k, t]) =>
          (
            await fetch(`/api/orders?fail=${k}`, {
              method: 'POST',
              headers: { 'X-OpenReplay-SessionToken': t ?? '' },
              body: '{}',
            })
          ).status,
        [kind, token] as const,
      );
      expect(status).toBe(500);
    }
    // Lines a backend could write: wrong case (dropped), markup, control characters, a huge line.
    const meta = { category: 'demo/backend', host: 'demo-backend', name: 'backend.log' };
    demo.sumo.ingest([
      { raw: `[openreplaysessiontoken=${token}] ERROR wrong case tag`, ...meta },
      { raw: `[openReplaySessionToken=${token}] ERROR rendered ${HTML_LINE}`, ...meta },
      { raw: `[openReplaySessionToken=${token}] INFO bell\u0007 and escape\u001b[31m here`, ...meta },
      { raw: `[openReplaySessionToken=${token}] INFO huge ${HUGE}`, ...meta },
    ]);
    // 2 checkouts (trace + access line each) + 3 traces with their access lines + 4 ingested.
    await expect.poll(() => demo.sumo.stats().messagesStored, { timeout: 10_000 }).toBeGreaterThanOrEqual(14);
    demo.sumo.resetStats();

    await searchAndWait(panel);
    const groups = panel.getByTestId('error-group');
    const rows = await groups.evaluateAll((els) =>
      els.map((el) => [
        el.querySelector('[data-testid="group-count"]')?.textContent ?? '',
        el.querySelector('[data-testid="group-headline"]')?.textContent ?? '',
        el.querySelector('[data-testid="group-last-seen"]')?.textContent ?? '',
      ]),
    );
    const count = (re: RegExp) => rows.filter(([, h]) => re.test(h ?? '')).map(([c]) => Number(c));
    expect(count(/PaymentDeclinedError: Payment gateway declined card ending 4242/)).toEqual([2]);
    expect(count(/POST \/api\/checkout 500/)).toEqual([2]);
    expect(count(/^ValueError: quantity must be positive, got -3/)).toEqual([1]);
    expect(count(/^java\.lang\.IllegalStateException: Inventory reservation failed/)).toEqual([2]);
    expect(count(/wrong case/)).toEqual([]);
    expect(await panel.getByTestId('dropped-count').textContent()).toContain(
      '1 line dropped: 1 matched the tag only when case is ignored.',
    );
    const checkout = groups.filter({ hasText: 'PaymentDeclinedError' });
    expect(await checkout.getByTestId('group-first-seen').textContent()).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/,
    );
    expect(await checkout.getByTestId('group-source').textContent()).toBe('demo/backend · demo-backend · backend.log');
    expect(await checkout.locator('.group-head .badge').textContent()).toBe('Node.js stack trace');
    // Newest first (by last seen); the markup line was written last.
    const lastSeen = rows.map(([, , t]) => t ?? '');
    expect(lastSeen).toEqual([...lastSeen].sort().reverse());
    expect(rows[0]?.[1]).toBe(`rendered ${HTML_LINE}`);

    // All linked lines: markup is text, control characters visible, the huge line cut with expand.
    await panel.getByTestId('filter-errors-only').uncheck();
    const lines = panel.getByTestId('log-line');
    await expect.poll(() => lines.count()).toBeGreaterThan(rows.length);
    const htmlLine = lines.filter({ hasText: 'rendered' });
    expect(await htmlLine.getByTestId('log-text').textContent()).toContain(HTML_LINE);
    expect(await panel.locator('.backend-view img').count()).toBe(0);
    expect(await lines.filter({ hasText: 'bell' }).getByTestId('log-text').textContent()).toContain(
      'bell␇ and escape␛[31m',
    );
    const huge = lines.filter({ hasText: 'INFO huge' });
    const shownBefore = (await huge.getByTestId('log-text').textContent())?.length ?? 0;
    expect(shownBefore).toBe(1000);
    await huge.getByTestId('log-expand').click();
    expect((await huge.getByTestId('log-text').textContent())?.length).toBe(10_000);
    await huge.getByTestId('log-expand').click();
    expect((await huge.getByTestId('log-text').textContent())?.length).toBe(
      HUGE.length + `[openReplaySessionToken=${token}] INFO huge `.length,
    );
    expect(await huge.getByTestId('log-expand').count()).toBe(0);
    await panel.getByTestId('filter-errors-only').check();

    // Out-links: the same query and time range in the SumoLogic UI; the query can be copied.
    const href = (await panel.getByTestId('open-in-sumo').getAttribute('href')) ?? '';
    const link = new URL(href.replace('/#/', '/'));
    expect(link.origin).toBe(demo.sumo.url);
    expect(link.searchParams.get('query')).toBe(
      `(_sourceCategory=demo/*) AND (${await panel.getByTestId('query-tag').textContent()})`,
    );
    expect(Number(link.searchParams.get('endTime')) - Number(link.searchParams.get('startTime'))).toBeGreaterThan(
      60_000,
    );
    await panel.getByTestId('copy-query').click();
    await expect.poll(() => panel.getByTestId('copy-query').textContent()).toBe('Copied');

    // The job was deleted, and the credentials never reached the panel's DOM.
    const stats = demo.sumo.stats();
    expect(stats.liveJobs).toBe(0);
    expect(stats.jobsCreated).toBe(1);
    expect(stats.jobsDeleted).toBe(1);
    const html = await panel.evaluate(() => document.documentElement.outerHTML);
    expect(html).not.toContain(DEMO_CREDENTIALS.accessKey);
    expect(await page.title()).not.toBe('pwned');
    await screenshotDevtools(s, '/tmp/backend-light.png');
  });

  it('shows a query error, a job SumoLogic cancelled, and FORCE PAUSED as "results truncated"', async () => {
    const { panel } = s;
    demo.sumo.setFaults({ type: 'pendingErrors', errors: ['Unexpected token "|" at position 12'], times: 1 });
    await searchAndWait(panel, 'failed');
    expect(await panel.getByTestId('search-error').textContent()).toBe(
      'Query error: SumoLogic reported a query error: Unexpected token "|" at position 12',
    );

    demo.sumo.setFaults({ type: 'cancelled', afterMessages: 0, times: 1 });
    await searchAndWait(panel, 'failed');
    expect(await panel.getByTestId('search-error').textContent()).toBe(
      'Search job cancelled by SumoLogic: SumoLogic cancelled the search job — run the search again.',
    );

    demo.sumo.setFaults({ type: 'forcePaused', cap: 3, times: 1 });
    await searchAndWait(panel);
    expect(await panel.getByTestId('search-truncated').textContent()).toBe(
      'Results truncated: SumoLogic stopped the search at 3 messages (FORCE PAUSED). Narrow the time window or the scope query in Settings to see everything.',
    );
    expect(await panel.getByTestId('search-progress').textContent()).toContain('3 received');
    await expect.poll(() => liveJobs(demo)).toBe(0);
  });

  it('shows results while a slow job still gathers, and Cancel deletes the job', async () => {
    const { panel } = s;
    demo.sumo.setFaults({ type: 'gatherRate', messagesPerSecond: 1 });
    demo.sumo.resetStats();
    await panel.getByTestId('search-button').click();
    await panel.getByTestId('error-group').first().waitFor();
    // Read in one go, so "results shown" and "still running" are about the same moment.
    const seen = await panel.evaluate(() => ({
      status: document.querySelector('[data-testid="search-progress"]')?.getAttribute('data-status'),
      state: document.querySelector('[data-testid="search-progress"]')?.getAttribute('data-state'),
      groups: document.querySelectorAll('[data-testid="error-group"]').length,
    }));
    expect(seen.status).toBe('running');
    expect(seen.state).toBe('GATHERING RESULTS');
    expect(seen.groups).toBeGreaterThan(0);
    expect(seen.groups).toBeLessThan(7);
    expect(demo.sumo.stats().liveJobs).toBe(1);
    expect(await panel.getByTestId('search-progress').textContent()).toMatch(
      /^Gathering results · \d+ messages? found · \d+ received · \d+\.\d s$/,
    );

    await panel.getByTestId('cancel-button').click();
    await expect.poll(() => panel.getByTestId('search-progress').getAttribute('data-status')).toBe('cancelled');
    expect(await panel.getByTestId('search-cancelled').textContent()).toBe(
      'Search cancelled; its job on SumoLogic was deleted. Results received so far are shown below.',
    );
    await expect.poll(() => liveJobs(demo)).toBe(0);
    expect(demo.sumo.stats().jobsDeleted).toBe(1);
  });

  it('cancels the search when the session token changes mid-search', async () => {
    const { panel, page } = s;
    demo.sumo.resetStats();
    await panel.getByTestId('search-button').click();
    await expect.poll(() => liveJobs(demo)).toBe(1);
    await page.getByTestId('force-new').click();
    await expect
      .poll(() => panel.getByTestId('search-progress').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('cancelled');
    expect(await panel.getByTestId('search-cancelled').textContent()).toBe(
      "The session's token changed while the search ran, so the search was cancelled and its job deleted. Search again for the new session.",
    );
    await expect.poll(() => liveJobs(demo)).toBe(0);
    expect(demo.sumo.stats().jobsDeleted).toBe(1);
    const newToken = await pageToken(s);
    expect(newToken).not.toBe(token);
    await panel.getByTestId('results-stale').waitFor();
    expect(await panel.getByTestId('search-button').isEnabled()).toBe(true);
  });

  it('leaves no live job when DevTools closes mid-search', async () => {
    const { panel } = s;
    demo.sumo.resetStats();
    await panel.getByTestId('search-button').click();
    await expect.poll(() => liveJobs(demo)).toBe(1);
    await s.devtools.close();
    await expect.poll(() => liveJobs(demo), { timeout: 10_000 }).toBe(0);
    const stats = demo.sumo.stats();
    expect(stats.jobsCreated).toBe(1);
    expect(stats.jobsDeleted).toBe(1);
    expect(stats.jobsExpired).toBe(0);
  });
});
