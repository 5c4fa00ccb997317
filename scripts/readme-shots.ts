/**
 * Writes the README's pictures (docs/*.png) from the real panel on the demo: the app next to the
 * panel, the Requests area after the demo's request mix, the Backend errors found, and the
 * Timeline in both themes. Run: npm run build:demo && npx tsx scripts/readme-shots.ts
 */
import type { Page } from 'playwright-core';
import { startDemo, openDemoPanel } from '../test/e2e/support/fixture.ts';
import { screenshotDevtools, type PanelSession } from '../tooling/devtools-panel.ts';
import { sideBySide } from '../tooling/composite.ts';

const VIEWPORT = { width: 2000, height: 1000 };

async function flows(page: Page): Promise<void> {
  await page.getByTestId('token').filter({ hasText: /\S/ }).waitFor();
  await page.getByTestId('run-all').click();
  await page.getByTestId('run-all-done').waitFor({ timeout: 30_000 });
  await page.getByTestId('checkout').click();
}

async function search(s: PanelSession): Promise<void> {
  await s.panel.getByRole('tab', { name: 'Backend errors' }).click();
  await s.panel.getByTestId('search-button').click();
  await s.panel.locator('[data-testid=search-progress][data-status=done]').waitFor({ timeout: 30_000 });
}

const demo = await startDemo();
try {
  for (const theme of ['light', 'dark'] as const) {
    const s = await openDemoPanel(demo, '/', { theme, viewport: VIEWPORT });
    try {
      await flows(s.page);
      await s.panel.getByTestId('current-token').filter({ hasText: /\S/ }).waitFor({ timeout: 15_000 });
      if (theme === 'light') {
        await sideBySide(s.context, await s.page.screenshot(), await screenshotDevtools(s), 'docs/panel.png');
        await s.panel.getByRole('tab', { name: 'Requests' }).click();
        await s.panel.locator('[data-verdict=blocked]').first().click();
        await screenshotDevtools(s, 'docs/requests.png');
      }
      await search(s);
      if (theme === 'light') await screenshotDevtools(s, 'docs/backend.png');
      await s.panel.getByRole('tab', { name: 'Timeline' }).click();
      await s.panel.getByTestId('timeline-error').first().click();
      await s.devtools.mouse.move(5, 5); // no hover tooltip over the picture
      await screenshotDevtools(s, `docs/timeline-${theme}.png`);
    } finally {
      await s.close();
    }
  }
  console.log(
    'wrote docs/panel.png, docs/requests.png, docs/backend.png, docs/timeline-light.png, docs/timeline-dark.png',
  );
} finally {
  await demo.close();
}
