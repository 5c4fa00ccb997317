import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { openDemoPanel, startDemo, type Demo } from './support/fixture.ts';
import { screenshotDevtools, type PanelSession } from '../../tooling/devtools-panel.ts';
import { DEMO_CREDENTIALS, demoExtensionStorage } from '../../demo/demo-settings.ts';
import { STORAGE_KEYS } from '../../src/shared/storage-keys.ts';
import { PANEL_PORT } from '../../src/shared/protocol.ts';

// One dark-theme Chromium: wrong credentials, then fixed in Settings, then hostile input that
// must be refused before any request reaches the server.

const WRONG = { accessId: 'wrong-access-id', accessKey: 'wrong-secret-key-7f3a' };

async function searchAndWait(panel: Frame, status: 'done' | 'failed'): Promise<void> {
  await panel.getByTestId('search-button').click();
  await expect
    .poll(() => panel.getByTestId('search-progress').getAttribute('data-status'), { timeout: 30_000 })
    .toBe(status);
}

describe('Backend errors: bad credentials and hostile tokens', () => {
  let demo: Demo;
  let s: PanelSession;

  beforeAll(async () => {
    demo = await startDemo();
    s = await openDemoPanel(demo, '/', {
      theme: 'dark',
      seedStorage: { ...demoExtensionStorage(demo.sumo.url), [STORAGE_KEYS.sumoCredentials]: WRONG },
    });
    await s.page.getByTestId('token').filter({ hasText: /\S/ }).waitFor();
    await s.panel.getByTestId('current-token').filter({ hasText: /\S/ }).waitFor({ timeout: 15_000 });
  });
  afterAll(async () => {
    await s?.close();
    await demo?.close();
  });

  it('says the credentials were refused, without showing them, and works once they are fixed', async () => {
    const { panel, page } = s;
    await panel.getByRole('tab', { name: 'Backend errors' }).click();
    await searchAndWait(panel, 'failed');
    const error = (await panel.getByTestId('search-error').textContent()) ?? '';
    expect(error).toMatch(/^Credentials refused: /);
    expect(error).toMatch(/Access ID|Access Key|credentials/i);
    expect(await panel.getByTestId('search-error').getAttribute('data-kind')).toBe('unauthorized');
    const html = await panel.evaluate(() => document.documentElement.outerHTML);
    expect(html).not.toContain(WRONG.accessKey);
    expect(demo.sumo.stats().liveJobs).toBe(0);

    // Fix them in Settings, as a user would.
    await panel.getByRole('tab', { name: 'Settings' }).click();
    await panel.getByTestId('sumo-access-id').fill(DEMO_CREDENTIALS.accessId);
    await panel.getByTestId('sumo-access-key').fill(DEMO_CREDENTIALS.accessKey);
    await panel.getByTestId('sumo-save-credentials').click();
    await expect
      .poll(() => panel.getByTestId('sumo-saved-credentials').textContent())
      .toContain(DEMO_CREDENTIALS.accessId);

    await page.getByTestId('checkout').click();
    await expect.poll(() => page.getByTestId('result-checkout').getAttribute('data-status')).toBe('500');
    await page.getByTestId('save-order').click();
    await expect.poll(() => demo.sumo.stats().messagesStored, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await panel.getByRole('tab', { name: 'Backend errors' }).click();
    await searchAndWait(panel, 'done');
    const checkout = panel.getByTestId('error-group').filter({ hasText: 'PaymentDeclinedError' });
    expect(await checkout.getByTestId('group-count').textContent()).toBe('1');
    await checkout.locator('details.raw summary').click();
    expect(await panel.evaluate(() => document.documentElement.outerHTML)).not.toContain(DEMO_CREDENTIALS.accessKey);
    await screenshotDevtools(s, '/tmp/backend-dark.png');
    await panel.getByTestId('filter-errors-only').uncheck();
    await screenshotDevtools(s, '/tmp/backend-dark-lines.png');
    await panel.getByTestId('filter-errors-only').check();
  });

  it('refuses a hostile token before any request is made', async () => {
    const { panel, page } = s;
    await page.goto(new URL('/hostile.html', demo.world.appUrl).toString());
    demo.sumo.resetStats();
    // Straight to the background, as a compromised panel would: the background refuses too.
    const refused = await panel.evaluate(
      ([portName, token]) =>
        new Promise<{ kind: string; message: string }>((resolve) => {
          const port = chrome.runtime.connect({ name: portName });
          port.onMessage.addListener(
            (m: { type: string; searchId?: string; error?: { kind: string; message: string } }) => {
              if (m.searchId === 'hostile-1' && m.type === 'search.failed' && m.error) {
                port.disconnect();
                resolve(m.error);
              }
            },
          );
          port.postMessage({
            type: 'search.start',
            searchId: 'hostile-1',
            target: { token, from: Date.now() - 60_000, to: Date.now() },
          });
        }),
      [PANEL_PORT, '"><img src=x onerror=alert(1)>|\nNOT'] as const,
    );
    expect(refused.kind).toBe('refused');
    expect(refused.message).toBe(
      'Refused: the session token contains """ (only letters, digits, ".", "_" and "-" are allowed) — it was not put into a SumoLogic query.',
    );

    // In the panel: the page's markup "token" never becomes the session; only well-formed tokens do.
    await panel.getByRole('tab', { name: 'Backend errors' }).click();
    await panel.getByTestId('results-stale').waitFor({ timeout: 15_000 });
    const shown = (await panel.locator('.backend-view').textContent()) ?? '';
    expect(shown).not.toContain('onerror=alert(1)');
    expect(await panel.locator('.backend-view img').count()).toBe(0);
    const stats = demo.sumo.stats();
    expect(stats.requests).toBe(0);
    expect(stats.jobsCreated).toBe(0);
  });

  it('disables Search with the reason when there is no session, and sends nothing', async () => {
    const { panel, page } = s;
    await page.goto(new URL('/no-tracker.html', demo.world.appUrl).toString());
    demo.sumo.resetStats();
    await panel.getByRole('tab', { name: 'Session' }).click();
    await panel.getByTestId('session-refresh').click();
    await panel.getByRole('tab', { name: 'Backend errors' }).click();
    await expect
      .poll(() => panel.getByTestId('search-refusal').textContent(), { timeout: 15_000 })
      .toBe(
        'No session to search for: open a page that runs the OpenReplay tracker, or enter a token or session id by hand in the Session tab.',
      );
    expect(await panel.getByTestId('search-button').isDisabled()).toBe(true);
    expect(demo.sumo.stats().requests).toBe(0);
  });
});
