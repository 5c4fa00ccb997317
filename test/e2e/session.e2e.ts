import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoPanel, startDemo, type Demo } from './support/fixture.ts';
import type { PanelSession } from '../../tooling/devtools-panel.ts';
import { parseManualInput } from '../../src/core/session/manual-input.ts';
import { decodeToken, encodeToken } from '../../src/core/session/token.ts';
import { DEMO_PROJECT_KEY } from '../../demo/page-config.ts';

type TrackerWindow = { __OPENREPLAY__: { getSessionToken(): string | null; getSessionID(): string | null } };

/** The token the real tracker in the page holds, once it has started a session. */
async function pageToken(s: PanelSession): Promise<string> {
  await s.page
    .getByTestId('session-id')
    .filter({ hasText: /^[0-9]+$/ })
    .waitFor();
  const token = await s.page.evaluate(() => (window as unknown as TrackerWindow).__OPENREPLAY__.getSessionToken());
  if (!token) throw new Error('the tracker has no token');
  return token;
}

describe('the Session area on the demo shop (real tracker, real DevTools panel)', () => {
  let demo: Demo;
  let s: PanelSession;
  beforeAll(async () => {
    demo = await startDemo();
    s = await openDemoPanel(demo, '/');
  });
  afterAll(async () => {
    await s?.close();
    await demo?.close();
  });

  it('shows the exact token the tracker holds, the id its start response carried, and where it came from', async () => {
    const token = await pageToken(s);
    const panel = s.panel;
    await expect.poll(() => panel.getByTestId('current-token').textContent(), { timeout: 15_000 }).toBe(token);

    const issued = demo.world.sessions().find((x) => x.token === token);
    expect(issued).toBeDefined();
    expect(await panel.getByTestId('session-id').textContent()).toBe(issued?.sessionId);
    expect(await s.page.getByTestId('session-id').textContent()).toBe(issued?.sessionId);
    expect(await panel.getByTestId('session-status').getAttribute('data-status')).toBe('found');
    // The start response may teach the token before the first probe finds it in the page.
    await expect
      .poll(() => panel.getByTestId('token-source').textContent(), { timeout: 10_000 })
      .toBe('window.__OPENREPLAY__');
    expect(await panel.getByTestId('token-frame').textContent()).toBe('top frame');
    expect(await panel.getByTestId('project-key').textContent()).toBe(DEMO_PROJECT_KEY);
    await expect.poll(() => panel.getByTestId('tracker-active').textContent()).toBe('yes, recording');
    expect(await panel.getByTestId('time-left').textContent()).toMatch(/^\(1 h 5[0-9] min left\)$/);
    await expect.poll(() => panel.getByTestId('history-row').count()).toBe(1);
  });

  it('copies the full token with the Copy button and says "Copied"', async () => {
    const panel = s.panel;
    const token = await panel.getByTestId('current-token').textContent();
    await panel.evaluate(() => {
      document.addEventListener('copy', () => {
        document.body.dataset.copied = document.getSelection()?.toString() ?? '';
      });
    });
    await panel.getByTestId('copy-token').click();
    await expect.poll(() => panel.getByTestId('copy-token').textContent()).toBe('Copied');
    expect(await panel.evaluate(() => document.body.dataset.copied)).toBe(token);
  });

  it('follows a forced new session: the new token is current, the old one stays in the history', async () => {
    const panel = s.panel;
    const before = await pageToken(s);
    await s.page.getByTestId('force-new').click();
    await s.page
      .getByTestId('result-force-new')
      .filter({ hasText: /^new session/ })
      .waitFor();
    const after = await pageToken(s);
    expect(after).not.toBe(before);
    await expect.poll(() => panel.getByTestId('current-token').textContent(), { timeout: 15_000 }).toBe(after);
    expect(await panel.getByTestId('session-id').textContent()).toBe(decodeToken(after).sessionId);
    // The start response may teach the new token first; the next probe finds it in the page.
    await expect
      .poll(() => panel.getByTestId('token-source').textContent(), { timeout: 10_000 })
      .toBe('window.__OPENREPLAY__');

    const rows = panel.getByTestId('history-row');
    await expect.poll(() => rows.count()).toBe(2);
    // Newest first; only the page's current token is marked current.
    expect(await rows.nth(0).getByTestId('history-token').textContent()).toBe(after);
    expect(await rows.nth(0).getAttribute('data-current')).toBe('true');
    expect(await rows.nth(1).getByTestId('history-token').textContent()).toBe(before);
    expect(await rows.nth(1).getAttribute('data-current')).toBe('false');
    expect(await rows.nth(1).textContent()).toContain('earlier');
  });

  it('support mode: refuses garbage with the exact reason, takes a token or a session URL by hand, and goes back', async () => {
    const panel = s.panel;
    const detected = await pageToken(s);
    const older = demo.world.sessions().find((x) => x.token !== detected);
    if (!older) throw new Error('the forced new session left no older token');
    const input = panel.getByTestId('manual-input');
    const submit = panel.getByTestId('manual-submit');

    for (const garbage of ['abc.def', '"><img src=x onerror=alert(1)>', older.token.slice(0, -3)]) {
      const expected = parseManualInput(garbage);
      if (expected.kind !== 'error') throw new Error(`"${garbage}" should be refused`);
      await input.fill(garbage);
      await submit.click();
      expect(await panel.getByTestId('manual-error').textContent()).toBe(expected.reason);
      expect(await panel.getByTestId('current-token').textContent()).toBe(detected);
    }
    expect(await panel.getByTestId('manual-error').textContent()).toMatch(
      /^Signature decodes to 3[01] bytes, an OpenReplay signature \(HMAC-SHA256\) has 32: the token looks cut short or altered$/,
    );
    expect(await panel.locator('img').count()).toBe(1); // the brand icon only

    // A real token of this tab, pasted with surrounding spaces.
    await input.fill(`  ${older.token} `);
    await submit.click();
    await expect.poll(() => panel.getByTestId('current-token').textContent()).toBe(older.token);
    expect(await panel.getByTestId('manual-error').count()).toBe(0);
    expect(await panel.getByTestId('entered-by-hand').textContent()).toBe('Entered by hand');
    expect(await panel.getByTestId('token-source').textContent()).toBe('entered by hand');
    expect(await panel.getByTestId('session-id').textContent()).toBe(older.sessionId);
    expect(await panel.getByTestId('manual-banner').textContent()).toContain(decodeToken(detected).sessionId);

    // An OpenReplay session URL: the id is taken from it, and the URL becomes the replay link.
    const url = 'https://app.openreplay.com/12/session/2618307011354435587';
    await input.fill(url);
    await submit.click();
    await expect.poll(() => panel.getByTestId('session-id').textContent()).toBe('2618307011354435587');
    expect(await panel.getByTestId('current-token').count()).toBe(0);
    expect(await panel.getByTestId('no-token').isVisible()).toBe(true);
    expect(await panel.getByTestId('session-url').getAttribute('href')).toBe(url);
    expect(await panel.getByTestId('entered-by-hand').isVisible()).toBe(true);
    await s.devtools.screenshot({ path: '/tmp/session-manual.png' });

    // A token about to expire: its time left counts down while the area is shown.
    const soon = encodeToken({
      sessionId: 2618307011354435587n,
      delayMs: -12,
      expiresAt: Date.now() + 30_000,
      signature: new Uint8Array(32).fill(7),
    });
    await input.fill(soon);
    await submit.click();
    await expect.poll(() => panel.getByTestId('current-token').textContent()).toBe(soon);
    const first = await panel.getByTestId('time-left').textContent();
    expect(first).toMatch(/^\([12][0-9] s left\)$/);
    await expect.poll(() => panel.getByTestId('time-left').textContent(), { timeout: 5_000 }).not.toBe(first);
    expect(await panel.getByTestId('time-left').textContent()).toMatch(/^\([12]?[0-9] s left\)$/);

    await panel.getByTestId('manual-clear').click();
    await expect.poll(() => panel.getByTestId('current-token').textContent()).toBe(detected);
    expect(await panel.getByTestId('manual-banner').count()).toBe(0);
    await expect.poll(() => panel.getByTestId('token-source').textContent()).toBe('window.__OPENREPLAY__');
    await s.devtools.screenshot({ path: '/tmp/session-light.png' });
  });
});

describe('the Session area in the dark DevTools theme', () => {
  let demo: Demo;
  let s: PanelSession;
  beforeAll(async () => {
    demo = await startDemo();
    s = await openDemoPanel(demo, '/', { theme: 'dark' });
  });
  afterAll(async () => {
    await s?.close();
    await demo?.close();
  });

  it('draws the facts, the status and the token with the dark theme colours', async () => {
    const token = await pageToken(s);
    const panel = s.panel;
    await expect.poll(() => panel.getByTestId('current-token').textContent(), { timeout: 15_000 }).toBe(token);
    expect(await panel.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const colours = await panel.evaluate(() => {
      const css = (testId: string, prop: 'color' | 'backgroundColor') =>
        getComputedStyle(document.querySelector(`[data-testid="${testId}"]`) as Element)[prop];
      return {
        facts: css('session-facts', 'backgroundColor'),
        token: css('current-token', 'color'),
        status: css('session-status', 'color'),
      };
    });
    // --bg-alt, --fg and --ok of :root[data-theme='dark'] in panel.css.
    expect(colours).toEqual({ facts: 'rgb(41, 42, 45)', token: 'rgb(232, 234, 237)', status: 'rgb(87, 209, 99)' });
    await s.page.getByTestId('force-new').click();
    await s.page
      .getByTestId('result-force-new')
      .filter({ hasText: /^new session/ })
      .waitFor();
    await expect.poll(() => panel.getByTestId('history-row').count(), { timeout: 15_000 }).toBe(2);
    await expect
      .poll(() => panel.getByTestId('token-source').textContent(), { timeout: 10_000 })
      .toBe('window.__OPENREPLAY__');
    await s.devtools.screenshot({ path: '/tmp/session-dark.png' });
  });
});
