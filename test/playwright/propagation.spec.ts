import type { Page } from '@playwright/test';
import { startDemoWorld } from '../../demo/world.ts';
import { expect, test as replayTest } from 'replay-link/playwright';

// A sample suite as a team would write it: click through the app, then ask the fixture whether
// every request carried the session token. The demo world is started once per worker unless
// REPLAY_LINK_DEMO_URL points at a running one.
const test = replayTest.extend<object, { demoUrl: string }>({
  demoUrl: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none
    async ({}, use) => {
      const given = process.env['REPLAY_LINK_DEMO_URL'];
      if (given) return use(given);
      const world = await startDemoWorld({ log: () => undefined });
      await use(world.appUrl);
      await world.close();
    },
    { scope: 'worker' },
  ],
});

async function click(page: Page, flow: string): Promise<void> {
  await page.getByTestId(flow).click();
  await expect(page.getByTestId(`result-${flow}`)).not.toHaveAttribute('data-status', /^(running)?$/);
}

test.beforeEach(async ({ page, demoUrl }) => {
  await page.goto(demoUrl);
  await expect(page.getByTestId('token')).toHaveText(/\./);
});

test('profile and order carry the session token', async ({ page, replayLink }) => {
  await click(page, 'load-profile');
  await click(page, 'save-order');
  const audit = await replayLink.audit();
  expect(audit).toPropagate();
});

test('the health check is allowed to go without the header', async ({ page, replayLink }) => {
  await click(page, 'health');
  expect(await replayLink.audit()).toPropagate({ allow: ['GET /api/health'] });
});

test('the health check without the header fails the test', async ({ page, replayLink }) => {
  test.fail(
    true,
    'on purpose: the demo leaves /api/health out of tokenUrlMatcher, so toPropagate fails with reason and fix',
  );
  await click(page, 'health');
  expect(await replayLink.audit()).toPropagate();
});
