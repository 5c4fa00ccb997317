import type { Page } from 'playwright-core';

/** Only the demo's health check: a call that goes without the header, and nothing else. */
export default async function healthFlow(page: Page): Promise<void> {
  await page.getByTestId('health').click();
  await page.getByTestId('result-health').and(page.locator('[data-status="200"]')).waitFor({ timeout: 15_000 });
}
