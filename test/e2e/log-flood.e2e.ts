import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoPanel, startDemo, type Demo } from './support/fixture.ts';
import { FLOOD_LINES, logFlood, type Flood } from './support/log-flood.ts';
import { longTasks, watchLongTasks } from './support/long-tasks.ts';
import type { PanelSession } from '../../tooling/devtools-panel.ts';

// 10,000 log lines of up to 64 KB (~48 million characters: most short, 1,000 of 16–64 KB, long
// URLs, 50 hostile lines) from the local SumoLogic server for the demo session, through the real
// panel: the grouped results and the rows are what the user must see. The panel's longest
// main-thread task while they arrive is printed, never asserted (bench/panel-flood.ts times it).

describe('10,000 lines of up to 64 KB in the real panel', () => {
  let demo: Demo;
  let s: PanelSession;
  let flood: Flood;
  let tag: string;

  beforeAll(async () => {
    demo = await startDemo();
    s = await openDemoPanel(demo);
    await s.page.getByTestId('token').filter({ hasText: /\S/ }).waitFor();
    const token = await s.page.evaluate(() =>
      (window as unknown as { __OPENREPLAY__: { getSessionToken(): string } }).__OPENREPLAY__.getSessionToken(),
    );
    await s.panel.getByTestId('current-token').filter({ hasText: token }).waitFor({ timeout: 15_000 });
    tag = `[openReplaySessionToken=${token}]`;
    flood = logFlood(tag, Date.now());
    demo.sumo.ingest(flood.messages);
  });
  afterAll(async () => {
    await s?.close();
    await demo?.close();
  });

  it('groups the errors among them, keeps every line, and shows each row cut to a bounded prefix', async () => {
    const { panel } = s;
    expect(flood.messages).toHaveLength(FLOOD_LINES);
    await panel.getByRole('tab', { name: 'Backend errors' }).click();
    await watchLongTasks(panel);
    await panel.getByTestId('search-button').click();
    await expect
      .poll(() => panel.getByTestId('search-progress').getAttribute('data-status'), { timeout: 90_000 })
      .toBe('done');
    await panel.getByTestId('analysing').waitFor({ state: 'detached', timeout: 60_000 });

    const errors =
      flood.counts.checkout + flood.counts.java + flood.counts.hostile.panic + flood.counts.hostile['deep-json'];
    expect(await panel.locator('#results-heading').textContent()).toBe(
      `4 error groups (${errors} errors) · ${FLOOD_LINES} linked lines`,
    );
    expect(await panel.getByTestId('search-progress').textContent()).toContain(`${FLOOD_LINES} received`);
    expect(await panel.getByTestId('dropped-count').count()).toBe(0);
    expect(await panel.getByTestId('search-capped').count()).toBe(0);

    const groups = panel.getByTestId('error-group');
    const rows = await groups.evaluateAll((cards) =>
      cards.map((c) => [
        c.querySelector('[data-testid=group-headline]')?.textContent ?? '',
        Number(c.querySelector('[data-testid=group-count]')?.textContent),
      ]),
    );
    const countOf = (re: RegExp) => rows.filter(([h]) => re.test(String(h))).map(([, n]) => n);
    // The newest occurrence names each group.
    expect(countOf(/^checkout failed: payment declined for order 9982$/)).toEqual([flood.counts.checkout]);
    expect(countOf(/^java\.lang\.IllegalStateException: Inventory reservation failed for order 9983$/)).toEqual([
      flood.counts.java,
    ]);
    expect(countOf(/^panic:/)).toEqual([flood.counts.hostile.panic]);
    expect(countOf(/^\{"a":\{"a":/)).toEqual([flood.counts.hostile['deep-json']]);
    expect(flood.counts).toMatchObject({ checkout: 500, java: 500, big: 1000, longUrl: 500, short: 7450 });

    const arrival = await longTasks(panel);
    console.log(
      `10,000 lines (${(flood.chars / 1e6).toFixed(1)} M characters): while they arrived and were analysed, the panel's longest main-thread task was ${arrival.longestMs} ms (${arrival.over50} over 50 ms)`,
    );

    // Every linked line, newest first, each row a bounded prefix with the rest one "Expand" away.
    await panel.getByTestId('filter-errors-only').uncheck();
    const lines = panel.getByTestId('log-line');
    await expect.poll(() => lines.count()).toBe(100);
    expect(await panel.getByTestId('show-more').textContent()).toBe(`Show more (${FLOOD_LINES - 100} not shown)`);
    expect(await lines.nth(0).getByTestId('log-text').textContent()).toBe(`${tag} INFO GET /api/items/9999 200 8 ms`);
    const big = lines.nth(FLOOD_LINES - 1 - 9980);
    const bigRaw = flood.messages[9980]?.raw ?? '';
    expect(bigRaw.length).toBeGreaterThan(16 * 1024);
    expect(await big.getByTestId('log-text').textContent()).toBe(bigRaw.slice(0, 1000));
    expect(await big.getByTestId('log-expand').textContent()).toBe(
      `Expand (${(bigRaw.length - 1000).toLocaleString('en')} more characters)`,
    );

    await panel.getByTestId('show-more').click();
    await expect.poll(() => lines.count()).toBe(600);
    // The hostile lines among the newest: markup stays text, invisible characters show, and a
    // 64 KB URL of dots shows its first 1,000 characters.
    const markup = lines.nth(FLOOD_LINES - 1 - 9807);
    expect(await markup.getByTestId('log-text').textContent()).toMatch(
      /^\[openReplaySessionToken=[^\]]+\] INFO <img src=x onerror=alert\(9807\)>\\u200b\\u202e(<b>){200}/,
    );
    expect(await panel.locator('.log-text img, .log-text b').count()).toBe(0);
    const dotted = lines.nth(FLOOD_LINES - 1 - 9407);
    expect(await dotted.getByTestId('log-text').textContent()).toBe((flood.messages[9407]?.raw ?? '').slice(0, 1000));
    expect(await dotted.getByTestId('log-text').textContent()).toContain('WARN fetch https://shop.example/a@...');
  });
});
