import { afterAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { openDemoPanel, startDemo, type Demo } from './support/fixture.ts';
import { screenshotDevtools, type PanelSession } from '../../tooling/devtools-panel.ts';

// On the demo: click through checkout (the server throws and logs a trace plus a 500 line),
// the legacy report (the backend logs it without the tag) and the profile; search; then the
// Timeline must link the checkout error to exactly its POST /api/checkout request and flag
// /api/legacy/report as "backend not tagging". Run once per DevTools theme, with a screenshot each.

async function click(page: Page, flow: string, status: string): Promise<void> {
  await page.getByTestId(flow).click();
  await expect
    .poll(() => page.getByTestId(`result-${flow}`).getAttribute('data-status'), { timeout: 10_000 })
    .toBe(status);
}

async function journey(demo: Demo, s: PanelSession): Promise<void> {
  const { page, panel } = s;
  await page.getByTestId('token').filter({ hasText: /\S/ }).waitFor();
  const token = await page.evaluate(() =>
    (window as unknown as { __OPENREPLAY__: { getSessionToken(): string } }).__OPENREPLAY__.getSessionToken(),
  );
  await panel.getByTestId('current-token').filter({ hasText: token }).waitFor({ timeout: 15_000 });
  const storedBefore = demo.sumo.stats().messagesStored;
  await click(page, 'checkout', '500');
  await click(page, 'legacy-report', '200');
  await click(page, 'load-profile', '200');
  // checkout: trace + request line; legacy: one untagged line; profile: one request line.
  await expect
    .poll(() => demo.sumo.stats().messagesStored - storedBefore, { timeout: 10_000 })
    .toBeGreaterThanOrEqual(4);

  await panel.getByRole('tab', { name: 'Backend errors' }).click();
  await panel.getByTestId('search-button').click();
  await expect
    .poll(() => panel.getByTestId('search-progress').getAttribute('data-status'), { timeout: 30_000 })
    .toBe('done');
  // An error's requests are laid out in Backend errors too, before the Timeline's code was ever
  // loaded (their styles once came only with it: time and method ran together).
  const candidate = panel.getByTestId('error-candidate').first();
  await candidate.waitFor();
  expect(await candidate.evaluate((el) => getComputedStyle(el).display)).toBe('flex');
  await panel.getByRole('tab', { name: 'Timeline' }).click();
  await panel.getByTestId('timeline').waitFor();
}

async function checkLinks(panel: Frame): Promise<void> {
  // Every request the flows made is drawn (the tracker's own traffic is hidden by default).
  const drawn = await panel
    .getByTestId('timeline-request')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-verdict')));
  expect(drawn.length).toBeGreaterThanOrEqual(3);

  // The checkout error(s): the trace and the 500 request line, each linked to one request only.
  const errors = panel.getByTestId('timeline-error');
  await expect.poll(() => errors.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  const candidates = await errors.evaluateAll((els) => els.map((el) => el.getAttribute('data-candidates')));
  expect(candidates.every((c) => c === '1')).toBe(true);

  await errors.first().click();
  const details = panel.getByTestId('selection-details');
  await expect.poll(() => details.getAttribute('data-kind')).toBe('error');
  const rows = panel.getByTestId('error-candidate');
  expect(await rows.count()).toBe(1);
  expect(await rows.first().getAttribute('data-endpoint')).toBe('POST /api/checkout');
  expect(await panel.getByTestId('error-link-summary').textContent()).toBe('linked to its request');
  expect(await panel.getByTestId('selected-error-line').textContent()).toMatch(/POST \/api\/checkout/);
  const requestId = await rows.first().getAttribute('data-request-id');
  expect(await panel.getByTestId('timeline-link').count()).toBe(1);

  // "Jump to" selects that request, which lists the error back.
  await rows.first().getByTestId('jump-to-request').click();
  await expect.poll(() => details.getAttribute('data-request-id')).toBe(requestId);
  expect(Number(await panel.getByTestId('linked-errors').getAttribute('data-count'))).toBe(candidates.length);
  expect(
    await panel.locator(`[data-testid="timeline-request"][data-request-id="${requestId}"]`).getAttribute('class'),
  ).toContain('selected');

  // Header sent ✓ — backend tagged ✗ for the legacy report; ✓ for checkout and the profile.
  const tagging = await panel
    .getByTestId('tagging-row')
    .evaluateAll((els) =>
      els.map((el) => [
        (el.getAttribute('data-endpoint') ?? '').replace(/http:\/\/127\.0\.0\.1:\d+/, ''),
        el.getAttribute('data-status'),
        el.querySelector('[data-testid="tagging-verdict"]')?.textContent ?? '',
      ]),
    );
  expect(tagging).toEqual(
    expect.arrayContaining([
      ['GET /api/legacy/report', 'not-tagged', 'backend not tagging'],
      ['POST /api/checkout', 'tagged', 'tagged'],
      ['GET /api/users/:id', 'tagged', 'tagged'],
    ]),
  );
  expect(tagging.filter(([, status]) => status === 'not-tagged').map(([e]) => e)).toEqual(['GET /api/legacy/report']);
}

async function zoomAndHover(panel: Frame): Promise<void> {
  const range = panel.getByTestId('timeline-range');
  const before = await range.textContent();
  await panel.getByTestId('timeline-zoom-in').click();
  await expect.poll(() => range.textContent()).not.toBe(before);
  await panel.getByTestId('timeline-reset').click();
  await expect.poll(() => range.textContent()).toBe(before);
  // Keyboard: focus the drawing, "+" zooms in.
  await panel.locator('.tl-svg').focus();
  await panel.locator('.tl-svg').press('+');
  await expect.poll(() => range.textContent()).not.toBe(before);
  await panel.locator('.tl-svg').press('0');
  await panel.getByTestId('timeline-error').first().hover();
  await expect.poll(() => panel.getByTestId('timeline-tooltip').textContent()).toMatch(/POST \/api\/checkout/);
}

describe('Timeline: which request caused this error?', () => {
  let demo: Demo | undefined;
  let s: PanelSession | undefined;
  afterAll(async () => {
    await s?.close();
    await demo?.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`links the checkout error to its request and flags the untagged endpoint (${theme} theme)`, async () => {
      await s?.close();
      await demo?.close();
      demo = await startDemo();
      s = await openDemoPanel(demo, '/', { theme, viewport: { width: 2400, height: 1000 } });
      await journey(demo, s);
      await checkLinks(s.panel);
      await zoomAndHover(s.panel);
      // The picture for the README: the checkout error selected, its link drawn.
      await s.panel.getByTestId('timeline-error').first().click();
      // Move the pointer off the drawing so no tooltip covers it.
      await s.panel.getByRole('heading', { name: 'Timeline' }).hover();
      await expect.poll(() => s!.panel.getByTestId('timeline-tooltip').count()).toBe(0);
      await screenshotDevtools(s, `/tmp/timeline-${theme}.png`);
      await s.close();
      await demo.close();
      s = undefined;
      demo = undefined;
    }, 120_000);
  }
});
