import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EXTENSION_ORIGIN, GECKO_ID, findFirefox, launchFirefox, type FirefoxSession } from '../../tooling/firefox.ts';
import { CHECK_PATH, FIREFOX_DIST, PAGE_TITLE, assertBuilt, startPage } from './support.ts';

/**
 * The Firefox build in Debian's firefox-esr, headless: installed as a temporary add-on, the real
 * DevTools toolbox opened on a loopback page, the Replay Link panel selected. See docs/firefox.md
 * for what this does and does not prove.
 */
const firefoxPath = findFirefox();
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

if (!firefoxPath) {
  const message = 'Firefox checks skipped: no Firefox found (apt-get install -y firefox-esr, or set FIREFOX_PATH).';
  if (process.env.CI) {
    it('has a Firefox to test the Firefox build in (CI installs firefox-esr)', () => {
      throw new Error(message);
    });
  } else {
    console.warn(message);
  }
}

const panelText = `return document.body.textContent`;

describe.skipIf(!firefoxPath)('the Firefox build in real Firefox', () => {
  let ff: FirefoxSession;
  let page: Awaited<ReturnType<typeof startPage>>;

  beforeAll(async () => {
    assertBuilt();
    page = await startPage();
    ff = await launchFirefox({ extensionDir: FIREFOX_DIST, theme: 'dark', executablePath: firefoxPath! });
    await ff.page.goto(page.url);
    await ff.openPanel();
  });

  afterAll(async () => {
    await ff?.close();
    await page?.close();
  });

  it('installs as a temporary add-on under its gecko id', () => {
    expect(ff.addonId).toBe(GECKO_ID);
  });

  it('runs the background script, the devtools page and the panel', async () => {
    const views = await ff.views();
    expect(views.map((v) => `${v.viewType} ${v.url.replace(EXTENSION_ORIGIN, '')}`).sort()).toEqual([
      'background /_generated_background_page.html',
      'devtools_page /src/devtools/devtools.html',
      'devtools_panel /src/panel/panel.html',
    ]);
  });

  it('renders the panel tab bar inside the Firefox toolbox', async () => {
    await expect
      .poll(
        () =>
          ff.inView<string[]>(
            'devtools_panel',
            `return [...document.querySelectorAll('[role=tab]')].map((t) => t.textContent)`,
          ),
        { timeout: 15_000 },
      )
      .toEqual(['Session', 'Requests', 'Backend errors', 'Timeline', 'Settings']);
  });

  it("takes the toolbox's dark theme, then follows a switch to light (onThemeChanged)", async () => {
    const theme = `return document.documentElement.dataset.theme`;
    expect(await ff.inView<string>('devtools_panel', theme)).toBe('dark');
    await ff.setDevtoolsTheme('light');
    await expect.poll(() => ff.inView<string>('devtools_panel', theme), { timeout: 10_000 }).toBe('light');
  });

  it('evaluates in the inspected page with the callback form of inspectedWindow.eval', async () => {
    const result = await ff.inView<{ value: unknown; exception: unknown; getHAR: string; getResources: string }>(
      'devtools_page',
      `const api = content.wrappedJSObject.chrome.devtools;
       const answer = await new Promise((resolve) => {
         const callback = Components.utils.exportFunction((value, exception) => resolve({ value, exception: exception ?? null }), content);
         api.inspectedWindow.eval('document.title', callback);
       });
       return { ...answer, getHAR: typeof api.network.getHAR, getResources: typeof api.inspectedWindow.getResources };`,
    );
    // Firefox has no inspectedWindow.getResources: src/devtools/inspected.ts reports "top frame only".
    expect(result).toEqual({ value: PAGE_TITLE, exception: null, getHAR: 'function', getResources: 'undefined' });
  });

  it("lists the page's own request in the Requests view (network.onRequestFinished → devtools page → panel)", async () => {
    await ff.page.reload();
    await ff.inView('devtools_panel', `document.getElementById('tab-requests').click(); return true`);
    await expect
      .poll(async () => (await ff.inView<string>('devtools_panel', panelText)).includes(CHECK_PATH), {
        timeout: 15_000,
      })
      .toBe(true);
  });

  it('shows the package.json version in Settings', async () => {
    await ff.inView('devtools_panel', `document.getElementById('tab-settings').click(); return true`);
    await expect
      .poll(
        () =>
          ff.inView<string | null>(
            'devtools_panel',
            `return document.querySelector('[data-testid=version]')?.textContent ?? null`,
          ),
        { timeout: 10_000 },
      )
      .toBe(`Replay Link ${version}`);
  });

  it("opens the keyboard-shortcut help with '?', keeps Tab inside it, closes it with Esc", async () => {
    // Synthetic keydowns on the focused element: the panel's own handlers run, as with real keys.
    const press = (key: string, shift = false) =>
      `(document.activeElement ?? document.body).dispatchEvent(new content.KeyboardEvent('keydown', { key: '${key}', shiftKey: ${shift}, bubbles: true, cancelable: true }));
       await new Promise((r) => content.setTimeout(r, 50));`;
    const state = `return {
      open: document.querySelector('[data-testid=shortcuts-dialog]') !== null,
      focus: document.activeElement?.dataset?.testid ?? document.activeElement?.id ?? '',
      help: [...document.querySelectorAll('[data-testid=shortcut-row]')].some((r) => r.dataset.key === '?'),
    };`;
    const mounted = await ff.inView<boolean>(
      'devtools_panel',
      `return document.querySelector('[data-testid=shortcuts-button]') !== null`,
    );
    expect(
      mounted,
      'the shortcut help button is missing: <ShortcutsHelp /> must be mounted in the top bar of App.tsx',
    ).toBe(true);
    expect(
      await ff.inView('devtools_panel', `document.getElementById('tab-settings').focus(); ${press('?')} ${state}`),
    ).toEqual({
      open: true,
      focus: 'shortcuts-close',
      help: true,
    });
    expect(await ff.inView('devtools_panel', `${press('Tab')} ${press('Tab', true)} ${state}`)).toMatchObject({
      open: true,
      focus: 'shortcuts-close',
    });
    expect(await ff.inView('devtools_panel', `${press('Escape')} ${state}`)).toEqual({
      open: false,
      focus: 'tab-settings',
      help: false,
    });
  });

  it('reports no script errors from any extension page', async () => {
    const errors = (await ff.extensionConsole()).filter((m) => m.error);
    expect(errors).toEqual([]);
  });
});
