import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDemoPanel, startDemo, type Demo } from './support/fixture.ts';
import type { PanelSession } from '../../tooling/devtools-panel.ts';
import { LOOKED_FOR } from '../../src/core/session/sources.ts';
import { decodeToken } from '../../src/core/session/token.ts';
import { DEMO_PROJECT_KEY } from '../../demo/page-config.ts';
import type { Locator } from 'playwright-core';

const TOKEN_TEXT = /^[0-9a-z]+\.-?[0-9a-z]+\.[0-9a-z]+\.[1-9A-HJ-NP-Za-km-z]+$/;

/** The token a demo page shows once its tracker has started a session. */
async function shownToken(where: Locator): Promise<string> {
  await where.filter({ hasText: TOKEN_TEXT }).waitFor({ timeout: 15_000 });
  return (await where.textContent()) ?? '';
}

describe('the Session area on every kind of page (real DevTools panel)', () => {
  let demo: Demo;
  let s: PanelSession | undefined;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });
  afterAll(async () => {
    await demo?.close();
  });

  it('no tracker → empty state; snippet → "tracker loading", then its token; storage only → each format', async () => {
    s = await openDemoPanel(demo, '/no-tracker.html');
    const panel = s.panel;
    const empty = panel.getByTestId('session-empty');
    await empty.waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId('session-status').getAttribute('data-status')).toBe('none');
    const listed = await empty.locator('li').allTextContents();
    expect(listed).toEqual([...LOOKED_FOR]);
    expect(await panel.getByTestId('setup-hint').textContent()).toContain('@openreplay/tracker');
    expect(await panel.getByTestId('current-token').count()).toBe(0);
    await s.devtools.screenshot({ path: '/tmp/session-empty.png' });

    // The snippet's stub array sits on window.OpenReplay for ~1.5 s before the tracker loads.
    await s.page.goto(new URL('/snippet.html', demo.world.appUrl).toString());
    const loading = panel.getByTestId('session-loading');
    await loading.waitFor({ timeout: 10_000 });
    expect(await panel.getByTestId('session-status').getAttribute('data-status')).toBe('loading');
    await s.devtools.screenshot({ path: '/tmp/session-loading.png' });
    expect(await loading.textContent()).toContain(
      "window.OpenReplay is the snippet's placeholder: the tracker script has not loaded yet",
    );
    const snippetToken = await shownToken(s.page.getByTestId('token'));
    await expect.poll(() => panel.getByTestId('current-token').textContent(), { timeout: 15_000 }).toBe(snippetToken);
    await expect.poll(() => panel.getByTestId('session-facts').textContent()).toContain('window.OpenReplay');
    expect(await panel.getByTestId('session-status').getAttribute('data-status')).toBe('found');
    expect(await panel.getByTestId('session-id').textContent()).toBe(
      await s.page.getByTestId('session-id').textContent(),
    );

    for (const format of ['bare', 'amp', 'dollar'] as const) {
      await s.page.goto(new URL(`/storage-only.html?format=${format}`, demo.world.appUrl).toString());
      const stored = (await s.page.getByTestId('stored-token').textContent()) ?? '';
      const token = stored.split(/_[&$]_/)[0] ?? '';
      expect(stored).toBe(format === 'bare' ? token : `${token}${format === 'amp' ? '_&_' : '_$_'}${DEMO_PROJECT_KEY}`);
      await expect.poll(() => panel.getByTestId('current-token').textContent(), { timeout: 10_000 }).toBe(token);
      expect(await panel.getByTestId('token-source').textContent()).toBe('sessionStorage');
      expect(await panel.getByTestId('storage-format').textContent()).toBe(
        ` (sessionStorage as ${{ bare: 'bare token, tracker before 16.4.2', amp: '<token>_&_<projectKey>, tracker 16.4.2–17.0.0', dollar: '<token>_$_<projectKey>, tracker 17.0.1+' }[format]})`,
      );
      expect(await panel.getByTestId('token-frame').textContent()).toBe('top frame');
      expect(await panel.getByTestId('session-id').textContent()).toBe(decodeToken(token).sessionId);
      if (format === 'bare') expect(await panel.getByTestId('project-key').count()).toBe(0);
      else expect(await panel.getByTestId('project-key').textContent()).toBe(DEMO_PROJECT_KEY);
    }
    // Every token this tab showed is in the history: the snippet's and the three stored ones.
    expect(await panel.getByTestId('history-row').count()).toBe(4);
  });

  let iframeFrameShown = '';
  it('a tracker inside an iframe: its token, from the global in that frame', async () => {
    s = await openDemoPanel(demo, '/iframe.html');
    const panel = s.panel;
    const token = await shownToken(s.page.frameLocator('[data-testid="tracked-frame"]').getByTestId('token'));
    expect(await s.page.evaluate(() => '__OPENREPLAY__' in window)).toBe(false);
    await expect.poll(() => panel.getByTestId('current-token').textContent(), { timeout: 15_000 }).toBe(token);
    await expect.poll(() => panel.getByTestId('token-source').textContent()).toBe('window.__OPENREPLAY__');
    expect(await panel.getByTestId('session-facts').textContent()).toContain('also in: sessionStorage');
    iframeFrameShown = `${await panel.getByTestId('token-frame').textContent()} ${await panel.getByTestId('session-facts').textContent()}`;
  });

  // The top frame also reads the token from the sessionStorage it shares with the iframe; the
  // frame holding the tracker global is the one to name.
  it('names the iframe (and its URL) as where the tracker global was found', () => {
    expect(iframeFrameShown).toMatch(/^iframe .*\/iframe-inner\.html/);
  });

  it('a page whose token only its network traffic reveals', async () => {
    s = await openDemoPanel(demo, '/network-only.html');
    const panel = s.panel;
    const token = await shownToken(s.page.getByTestId('token'));
    // The page removed every trace: no global, no stored token.
    expect(
      await s.page.evaluate(() => '__OPENREPLAY__' in window || sessionStorage.getItem('__openreplay_token') !== null),
    ).toBe(false);
    await expect.poll(() => panel.getByTestId('current-token').textContent(), { timeout: 15_000 }).toBe(token);
    await expect.poll(() => panel.getByTestId('token-source').textContent(), { timeout: 15_000 }).toMatch(/^network: /);
    expect(await panel.getByTestId('token-frame').textContent()).toBe('seen on the network');
    expect(await panel.getByTestId('session-id').textContent()).toBe(
      await s.page.getByTestId('session-id').textContent(),
    );
  });

  it('a hostile page: refusals shown as text, no injected HTML, the panel keeps working', async () => {
    s = await openDemoPanel(demo, '/hostile.html');
    const panel = s.panel;
    const refusals = panel.getByTestId('session-refusal');
    await expect
      .poll(async () => (await refusals.allTextContents()).join('\n'), { timeout: 15_000 })
      .toContain('window.__OPENREPLAY__.getSessionToken(): Token contains U+0022 at position 1');
    const all = (await refusals.allTextContents()).join('\n');
    expect(all).toMatch(
      /sessionStorage __openreplay_token: stored value is too long: [0-9]{7} characters, the limit is 512/,
    );
    expect(await panel.getByTestId('session-warning').allTextContents()).toContain(
      'window.__OPENREPLAY__.getSessionURL() is not an http(s) URL; ignored',
    );
    // Nothing the page returned became markup; the only image is the panel's own icon.
    expect(await panel.locator('img').count()).toBe(1);
    expect(await panel.locator('body').textContent()).not.toContain('<img');
    expect(await panel.locator('a[href^="javascript:"]').count()).toBe(0);

    // window.OpenReplay hands out a different token-shaped value every 10 ms: whatever the panel
    // shows is a valid token, and the panel still answers input.
    await panel.getByTestId('manual-input').fill('not a token');
    await panel.getByTestId('manual-submit').click();
    expect(await panel.getByTestId('manual-error').textContent()).toBe(
      'Token contains whitespace (U+0020) at position 4',
    );
    await s.devtools.screenshot({ path: '/tmp/session-hostile.png' });
    // A poll may catch a value with a bad signature (then nothing is current for 2 s).
    await expect
      .poll(
        () =>
          panel
            .getByTestId('current-token')
            .textContent({ timeout: 500 })
            .catch(() => ''),
        { timeout: 10_000 },
      )
      .toMatch(TOKEN_TEXT);
  });
});
