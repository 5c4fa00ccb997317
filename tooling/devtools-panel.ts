import { chromium, type Browser, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { chromiumPath, QUIET_FLAGS } from './chromium.ts';

export interface PanelSession {
  context: BrowserContext;
  /** The inspected tab. */
  page: Page;
  /** The DevTools window, reached over CDP. */
  devtools: Page;
  /** The Replay Link panel's frame inside DevTools. */
  panel: Frame;
  /** The devtools_page's frame (it hosts the per-tab capture). */
  devtoolsPage: Frame;
  extensionId: string;
  /** Chromium's DevTools protocol endpoint, for tools that want to look at this browser too. */
  debuggingUrl: string;
  /** The extension's background service worker. */
  worker: Worker;
  /** Opens another tab on `url` in the same browser (same profile and cookie jar) with its own DevTools panel. */
  openTab(url: string): Promise<TabPanel>;
  close(): Promise<void>;
}

/** A further tab of the same browser with its DevTools window and Replay Link panel. */
export interface TabPanel {
  page: Page;
  devtools: Page;
  panel: Frame;
}

export interface LaunchOptions {
  extensionDir: string;
  url: string;
  theme?: 'light' | 'dark';
  headless?: boolean;
  /** Wait after navigation before showing the panel (requests made while the panel is hidden). */
  beforeShow?: (page: Page) => Promise<void>;
  viewport?: { width: number; height: number };
  /** Written into the extension's storage.local before the page loads (e.g. demo SumoLogic settings). */
  seedStorage?: Record<string, unknown>;
  /**
   * A browser profile to use and keep (the caller removes it): launching again on it is DevTools
   * reopened with everything the extension stored. Without it a fresh profile is made and removed.
   */
  profileDir?: string;
  /**
   * A real display: shrink the window to the screen's free area when `viewport` does not fit, with
   * DevTools docked at the side (the panel selected) so that the panel is on screen.
   */
  fitScreen?: boolean;
}

const PANEL_PATH = 'src/panel/panel.html';
const DEVTOOLS_PAGE_PATH = 'src/devtools/devtools.html';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

/**
 * Launches Chromium with the extension and DevTools open on `url`, shows the Replay Link panel and
 * returns its frame. The only helper every e2e test uses; it pins the DevTools internals
 * (InspectorFrontendAPI.showPanel) in one place. See shared/reference/devtools-panel-e2e.md.
 */
export async function openPanel(opts: LaunchOptions): Promise<PanelSession> {
  const profile = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'replay-link-profile-'));
  // DevTools reads its preferences (JSON strings inside JSON) from the profile at start.
  const devtoolsPrefs: Record<string, string> = {};
  if (opts.theme === 'dark') devtoolsPrefs['ui-theme'] = '"dark"';
  if (opts.fitScreen) devtoolsPrefs['currentDockState'] = '"right"';
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ devtools: { preferences: devtoolsPrefs } }));
  const port = await freePort();
  const viewport = opts.viewport ?? { width: 1280, height: 900 };
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    viewport: null,
    args: [
      `--disable-extensions-except=${opts.extensionDir}`,
      `--load-extension=${opts.extensionDir}`,
      '--auto-open-devtools-for-tabs',
      `--remote-debugging-port=${port}`,
      `--window-size=${viewport.width},${viewport.height}`,
      ...(opts.fitScreen ? ['--window-position=0,0'] : []),
      ...QUIET_FLAGS,
    ],
  });
  let cdp: Browser | undefined;
  const extraConnections: Browser[] = [];
  const close = async () => {
    for (const extra of extraConnections) await extra.close().catch(() => undefined);
    await cdp?.close().catch(() => undefined);
    await context.close().catch(() => undefined);
    if (!opts.profileDir) rmSync(profile, { recursive: true, force: true });
  };
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extensionId = new URL(worker.url()).host;
    if (opts.seedStorage) {
      await worker.evaluate((items) => chrome.storage.local.set(items), opts.seedStorage);
    }
    const page = context.pages()[0] ?? (await context.newPage());
    if (opts.fitScreen) await fitWindowToScreen(page);
    await page.goto(opts.url);
    if (opts.beforeShow) await opts.beforeShow(page);

    await until('the DevTools target to become a page', async () => {
      const res = await fetch(`http://127.0.0.1:${port}/json/list`);
      const targets = (await res.json()) as Array<{ url: string; type: string }>;
      return targets.some((t) => t.url.startsWith('devtools://') && t.type === 'page');
    });
    cdp = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const connected = cdp;
    const panelId = `chrome-extension://${extensionId}ReplayLink`;
    const showPanel = async (given?: Page): Promise<{ devtools: Page; panel: Frame }> => {
      const devtools =
        given ??
        (await until('the DevTools page', async () =>
          connected
            .contexts()
            .flatMap((c) => c.pages())
            .find((p) => p.url().startsWith('devtools://')),
        ));
      const panel = await until('the Replay Link panel frame', async () => {
        await devtools.evaluate((id) => {
          (
            globalThis as unknown as { InspectorFrontendAPI: { showPanel(id: string): void } }
          ).InspectorFrontendAPI.showPanel(id);
        }, panelId);
        return devtools
          .frames()
          .find((f) => f.url().startsWith(`chrome-extension://${extensionId}/`) && f.url().includes(PANEL_PATH));
      });
      await panel.waitForSelector('.app', { timeout: 15_000 });
      return { devtools, panel };
    };
    const { devtools, panel } = await showPanel();
    const devtoolsPage = await until('the devtools_page frame', async () =>
      devtools.frames().find((f) => f.url().includes(DEVTOOLS_PAGE_PATH)),
    );
    const devtoolsTargets = async (): Promise<string[]> => {
      const res = await fetch(`http://127.0.0.1:${port}/json/list`);
      const targets = (await res.json()) as Array<{ id: string; url: string; type: string }>;
      return targets.filter((t) => t.url.startsWith('devtools://') && t.type === 'page').map((t) => t.id);
    };
    const openTab = async (url: string): Promise<TabPanel> => {
      const before = new Set(await devtoolsTargets());
      const tab = await context.newPage();
      await tab.goto(url);
      const targetId = await until("the new tab's DevTools target", async () =>
        (await devtoolsTargets()).find((id) => !before.has(id)),
      );
      // A target that became a page after connecting is not reported: connect again to see it.
      const later = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      extraConnections.push(later);
      const devtoolsPages = later
        .contexts()
        .flatMap((c) => c.pages())
        .filter((p) => p.url().startsWith('devtools://'));
      let found: Page | undefined;
      for (const candidate of devtoolsPages) {
        const session = await candidate.context().newCDPSession(candidate);
        const info = (await session.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } };
        await session.detach();
        if (info.targetInfo.targetId === targetId) found = candidate;
      }
      if (!found) throw new Error("the new tab's DevTools page was not found");
      return { page: tab, ...(await showPanel(found)) };
    };
    return {
      context,
      page,
      devtools,
      panel,
      devtoolsPage,
      extensionId,
      debuggingUrl: `http://127.0.0.1:${port}`,
      worker,
      openTab,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Shrinks the browser window to the screen's free area (the one the window opened on) if it does
 * not fit: the window is sized before Chromium knows the screen, and a window wider than the screen
 * puts docked DevTools off it.
 */
async function fitWindowToScreen(page: Page): Promise<void> {
  const area = await page.evaluate(() => {
    const scr = screen as Screen & { availLeft?: number; availTop?: number };
    return { left: scr.availLeft ?? 0, top: scr.availTop ?? 0, width: scr.availWidth, height: scr.availHeight };
  });
  const cdp = await page.context().newCDPSession(page);
  try {
    const { windowId, bounds } = await cdp.send('Browser.getWindowForTarget');
    const fits =
      (bounds.left ?? 0) >= area.left &&
      (bounds.top ?? 0) >= area.top &&
      (bounds.left ?? 0) + (bounds.width ?? 0) <= area.left + area.width &&
      (bounds.top ?? 0) + (bounds.height ?? 0) <= area.top + area.height;
    if (!fits) {
      const width = Math.min(bounds.width ?? area.width, area.width);
      const height = Math.min(bounds.height ?? area.height, area.height);
      await cdp.send('Browser.setWindowBounds', {
        windowId,
        bounds: { left: area.left, top: area.top, width, height, windowState: 'normal' },
      });
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * A picture of DevTools only: docked DevTools paints nothing where the page is, so the shot is cut
 * at the page's right edge.
 */
export async function screenshotDevtools(s: PanelSession, path?: string): Promise<Buffer> {
  const pageWidth = await s.page.evaluate(() => window.innerWidth);
  const size = await s.devtools.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
  const x = Math.min(Math.max(0, pageWidth), size.width - 100);
  return s.devtools.screenshot({
    ...(path ? { path } : {}),
    clip: { x, y: 0, width: size.width - x, height: size.height },
  });
}
