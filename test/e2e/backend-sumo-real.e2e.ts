import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { openDemoPanel, startDemo, type Demo } from './support/fixture.ts';
import type { PanelSession } from '../../tooling/devtools-panel.ts';
import { demoExtensionStorage } from '../../demo/demo-settings.ts';
import { STORAGE_KEYS } from '../../src/shared/storage-keys.ts';

// SumoLogic as it really is, against the strict local server, in the real panel: Detect among
// every deployment name, two DevTools windows searching at once on a fresh profile, a job the
// service loses, and the authentication throttle mid-search.

async function pageToken(page: Page): Promise<string> {
  return page.evaluate(() =>
    (window as unknown as { __OPENREPLAY__: { getSessionToken(): string } }).__OPENREPLAY__.getSessionToken(),
  );
}

async function ready(page: Page, panel: Frame): Promise<void> {
  await page.getByTestId('token').filter({ hasText: /\S/ }).waitFor();
  await panel
    .getByTestId('current-token')
    .filter({ hasText: await pageToken(page) })
    .waitFor({ timeout: 15_000 });
}

async function checkout(page: Page): Promise<void> {
  await page.getByTestId('checkout').click();
  await expect.poll(() => page.getByTestId('result-checkout').getAttribute('data-status')).toBe('500');
}

const status = (panel: Frame) => panel.getByTestId('search-progress').getAttribute('data-status');

describe('Detect picks the deployment among all the local server serves', () => {
  let demo: Demo;
  let s: PanelSession;
  beforeAll(async () => {
    demo = await startDemo({ sumo: { deployments: { home: 'KR' } } });
    const bases = Object.fromEntries(Object.entries(demo.sumo.deploymentUrls).map(([id, url]) => [id, `${url}/api`]));
    const storage = demoExtensionStorage(demo.sumo.url);
    s = await openDemoPanel(demo, '/', {
      seedStorage: {
        ...storage,
        [STORAGE_KEYS.sumoSettings]: {
          ...(storage[STORAGE_KEYS.sumoSettings] as object),
          deployment: 'US1',
          customApiBase: '',
          customUiBase: '',
        },
        [STORAGE_KEYS.demoDeploymentBases]: bases,
      },
    });
    await ready(s.page, s.panel);
  });
  afterAll(async () => {
    await s?.close();
    await demo?.close();
  });

  it('says "wrong deployment" first, then Detect finds KR, selects it, and the search works', async () => {
    const { panel, page } = s;
    expect(Object.keys(demo.sumo.deploymentUrls)).toHaveLength(12);
    await panel.getByRole('tab', { name: 'Settings' }).click();
    await panel.getByTestId('sumo-test-connection').click();
    await expect
      .poll(() => panel.getByTestId('sumo-credentials-result').textContent(), { timeout: 15_000 })
      .toMatch(/^Wrong deployment: /);
    expect(await panel.getByTestId('sumo-credentials-result').textContent()).toBe(
      `Wrong deployment: ${new URL(demo.sumo.deploymentUrls['US1'] ?? '').host} redirected the request to another SumoLogic deployment — press "Detect" in Settings to find yours (or paste the address you log in at).`,
    );

    await panel.getByTestId('sumo-detect').click();
    await expect
      .poll(() => panel.getByTestId('sumo-credentials-result').textContent(), { timeout: 30_000 })
      .toMatch(/^Found/);
    expect(await panel.getByTestId('sumo-credentials-result').textContent()).toBe(
      'Found: this key belongs to KR (api.kr.sumologic.com), now selected and saved.',
    );
    await expect.poll(() => panel.getByTestId('sumo-deployment').inputValue()).toBe('KR');
    expect(await panel.getByTestId('sumo-api-base').textContent()).toContain(`${demo.sumo.url}/api`);
    expect(demo.sumo.stats().jobsCreated).toBe(0);

    await checkout(page);
    await panel.getByRole('tab', { name: 'Backend errors' }).click();
    await panel.getByTestId('search-button').click();
    await expect.poll(() => status(panel), { timeout: 30_000 }).toBe('done');
    expect(
      await panel
        .getByTestId('error-group')
        .filter({ hasText: 'PaymentDeclinedError' })
        .getByTestId('group-count')
        .textContent(),
    ).toBe('1');
    expect(demo.sumo.stats().liveJobs).toBe(0);
  });
});

describe('the strict service in the real panel', () => {
  let demo: Demo;
  let s: PanelSession | undefined;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterEach(async () => {
    demo.sumo.clearFaults();
    await s?.close();
    s = undefined;
  });
  afterAll(async () => {
    await demo?.close();
  });

  it('two DevTools windows on a fresh profile search at the same moment: both finish with all their messages, no job left', async () => {
    s = await openDemoPanel(demo);
    await ready(s.page, s.panel);
    const second = await s.openTab(demo.world.appUrl);
    await ready(second.page, second.panel);
    await checkout(s.page);
    await checkout(second.page);
    await checkout(second.page);
    await expect.poll(() => demo.sumo.stats().messagesStored, { timeout: 10_000 }).toBeGreaterThanOrEqual(6);
    demo.sumo.resetStats();
    const panels = [s.panel, second.panel];
    for (const panel of panels) await panel.getByRole('tab', { name: 'Backend errors' }).click();
    await Promise.all(panels.map((panel) => panel.getByTestId('search-button').click()));
    for (const panel of panels) await expect.poll(() => status(panel), { timeout: 30_000 }).toBe('done');
    const counts = await Promise.all(
      panels.map((panel) =>
        panel
          .getByTestId('error-group')
          .filter({ hasText: 'PaymentDeclinedError' })
          .getByTestId('group-count')
          .textContent(),
      ),
    );
    // The tabs share the tracker's session: each search finds all three checkouts.
    expect(counts).toEqual(['3', '3']);
    const stats = demo.sumo.stats();
    expect(stats).toMatchObject({ jobsCreated: 2, jobsDeleted: 2, liveJobs: 0, jobsExpired: 0 });
    expect(stats.responsesByStatus['404'] ?? 0).toBe(0);
    expect(stats.responsesByStatus['500'] ?? 0).toBe(0);
  });

  it('a job SumoLogic lost shows "search again", and the button searches again', async () => {
    s = await openDemoPanel(demo);
    await ready(s.page, s.panel);
    await checkout(s.page);
    const { panel } = s;
    await panel.getByRole('tab', { name: 'Backend errors' }).click();
    demo.sumo.setFaults({ type: 'expire', afterPolls: 1, times: 1 });
    await panel.getByTestId('search-button').click();
    await expect.poll(() => status(panel), { timeout: 30_000 }).toBe('failed');
    expect(await panel.getByTestId('search-error').textContent()).toBe(
      "Search job expired: The search job expired on SumoLogic's side — search again.",
    );
    expect(await panel.getByTestId('results-empty').textContent()).toBe(
      'No lines were received before the search stopped.',
    );
    await panel.getByTestId('search-again').click();
    await expect.poll(() => status(panel), { timeout: 30_000 }).toBe('done');
    expect(await panel.getByTestId('error-group').filter({ hasText: 'PaymentDeclinedError' }).count()).toBe(1);
    expect(demo.sumo.stats().liveJobs).toBe(0);
  });

  it('an authentication-throttle 401 mid-search does not end in "key refused"', async () => {
    s = await openDemoPanel(demo);
    await ready(s.page, s.panel);
    await checkout(s.page);
    const { panel } = s;
    await panel.getByRole('tab', { name: 'Backend errors' }).click();
    demo.sumo.resetStats();
    demo.sumo.setFaults({ type: 'unauthorized', on: ['status', 'messages'], after: 1, times: 2 });
    await panel.getByTestId('search-button').click();
    await expect.poll(() => status(panel), { timeout: 30_000 }).toBe('done');
    expect(await panel.getByTestId('search-error').count()).toBe(0);
    expect(demo.sumo.stats().responsesByStatus['401']).toBe(2);
    expect(await panel.getByTestId('error-group').filter({ hasText: 'PaymentDeclinedError' }).count()).toBe(1);
    expect(demo.sumo.stats().liveJobs).toBe(0);
  });
});
