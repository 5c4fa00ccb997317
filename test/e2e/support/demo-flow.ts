import type { Page } from 'playwright-core';

/** The CLI flow for the demo shop: every flow button once ("Run all"), as a QA pass would. */
export default async function demoFlow(page: Page, { step }: { step(label: string): void }): Promise<void> {
  step('run all flows');
  await page.getByTestId('run-all').click();
  await page.getByTestId('run-all-done').filter({ hasText: 'done' }).waitFor({ timeout: 30_000 });
}
