import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/**
 * Real Firefox with the real DevTools toolbox, headless, over WebDriver BiDi (puppeteer-core).
 *
 * Plain BiDi only reaches web content: it refuses to navigate to moz-extension:// and cannot see the
 * toolbox. MOZ_REMOTE_ALLOW_SYSTEM_ACCESS=1 lets BiDi evaluate in the browser window itself
 * (`moz:scope: "chrome"`), from where this helper opens the toolbox (gDevTools), selects the
 * extension's panel, and reads extension pages through a frame script (they run in the extension
 * process, out of BiDi's reach). All of that is Firefox-internal: it is pinned here, in one place.
 */

export const GECKO_ID = 'replay-link@replay-link.dev';
/** Fixed through `extensions.webextensions.uuids`, so moz-extension:// URLs are known in advance. */
export const EXTENSION_UUID = '6f1c2a7e-5b3d-4c8e-9a10-3e2d7c4b5a61';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export type ViewType = 'background' | 'devtools_page' | 'devtools_panel';

export interface ExtensionView {
  viewType: string;
  url: string;
}

export interface ConsoleEntry {
  message: string;
  source: string;
  error: boolean;
}

export interface FirefoxSession {
  browser: Browser;
  page: Page;
  addonId: string;
  /** Evaluates `expression` (may return a promise) in the browser window's privileged scope. */
  chromeEval<T>(expression: string): Promise<T>;
  /** Opens the toolbox on the current tab and shows the Replay Link panel; returns its tool id. */
  openPanel(): Promise<string>;
  /** The extension's live pages, as Firefox's WebExtension framework lists them. */
  views(): Promise<ExtensionView[]>;
  /**
   * Runs `body` in a frame script of an extension page (`content` is its window, `document` its
   * document) and returns what it returns (JSON-able). Promises are awaited.
   */
  inView<T>(viewType: ViewType, body: string): Promise<T>;
  /** Console messages whose source or text mention the extension's origin. */
  extensionConsole(): Promise<ConsoleEntry[]>;
  setDevtoolsTheme(theme: 'light' | 'dark'): Promise<void>;
  /** A PNG of an extension page as the toolbox draws it. */
  screenshot(viewType: ViewType): Promise<Buffer>;
  close(): Promise<void>;
}

export function findFirefox(): string | undefined {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

export interface LaunchOptions {
  extensionDir: string;
  theme?: 'light' | 'dark';
  executablePath?: string;
}

export async function launchFirefox(options: LaunchOptions): Promise<FirefoxSession> {
  const executablePath = options.executablePath ?? findFirefox();
  if (!executablePath) {
    throw new Error('No Firefox found: install one (Debian: apt-get install -y firefox-esr) or set FIREFOX_PATH.');
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    protocol: 'webDriverBiDi',
    env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'devtools.theme': options.theme ?? 'light',
      // Offline machine: no update, telemetry or remote-settings traffic.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'extensions.getAddons.cache.enabled': false,
    },
  });
  try {
    const addonId = await browser.installExtension(resolve(options.extensionDir));
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    return session(browser, page, addonId);
  } catch (err) {
    await browser.close();
    throw err;
  }
}

// puppeteer-core's BiDi connection is not part of its typed public surface.
interface BidiConnection {
  send(method: string, params: unknown): Promise<{ result: unknown }>;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

async function session(browser: Browser, page: Page, addonId: string): Promise<FirefoxSession> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: Array<{ context: string; url: string }>;
  };
  const window = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window)
    throw new Error('The browser window is not reachable over BiDi (is MOZ_REMOTE_ALLOW_SYSTEM_ACCESS honoured?)');

  // Results travel as JSON strings: BiDi's remote-value serialization of chrome objects is lossy.
  async function chromeEval<T>(expression: string): Promise<T> {
    const wrapped = `(async () => JSON.stringify(await (${expression})))()`;
    const r = (
      await connection.send('script.evaluate', {
        expression: wrapped,
        target: { context: window!.context },
        awaitPromise: true,
        resultOwnership: 'none',
      })
    ).result as EvaluateResult;
    if (r.type === 'exception') throw new Error(`chrome eval failed: ${r.exceptionDetails?.text ?? 'unknown error'}`);
    const value = r.result?.value;
    return (typeof value === 'string' ? JSON.parse(value) : undefined) as T;
  }

  const extension = `ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs').ExtensionParent.GlobalManager.getExtension(${JSON.stringify(addonId)})`;

  return {
    browser,
    page,
    addonId,
    chromeEval,
    openPanel: () =>
      chromeEval<string>(`(async () => {
        const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
        const { gDevTools } = require('devtools/client/framework/devtools');
        const toolbox = await gDevTools.showToolboxForTab(gBrowser.selectedTab, { toolId: 'webconsole' });
        for (let i = 0; i < 200; i++) {
          const tool = toolbox.getAdditionalTools().find((t) => t.label === 'Replay Link');
          if (tool) {
            await toolbox.selectTool(tool.id);
            // The panel's page becomes an extension view a moment after the tool is selected.
            for (let j = 0; j < 200; j++) {
              if ([...${extension}.views].some((v) => v.viewType === 'devtools_panel')) return tool.id;
              await new Promise((r) => setTimeout(r, 50));
            }
            throw new Error('the Replay Link panel was selected but its page never started');
          }
          await new Promise((r) => setTimeout(r, 50));
        }
        throw new Error('the Replay Link panel was never registered in the toolbox');
      })()`),
    views: () =>
      chromeEval<ExtensionView[]>(
        `[...${extension}.views].map((v) => ({ viewType: v.viewType, url: v.uri ? v.uri.spec : '' }))`,
      ),
    inView: <T>(viewType: ViewType, body: string) =>
      chromeEval<T>(`(async () => {
        const view = [...${extension}.views].find((v) => v.viewType === ${JSON.stringify(viewType)});
        if (!view || !view.xulBrowser) throw new Error('no ${viewType} view');
        const mm = view.xulBrowser.messageManager;
        const topic = 'replay-link:probe:' + Math.random().toString(36).slice(2);
        const script = 'const document = content.document; Promise.resolve().then(async () => {' + ${JSON.stringify(body)} +
          '}).then((value) => sendAsyncMessage(' + JSON.stringify(topic) + ', { value: JSON.stringify(value ?? null) }),' +
          ' (e) => sendAsyncMessage(' + JSON.stringify(topic) + ', { error: String(e) }));';
        const reply = await new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('frame script in ${viewType} did not answer')), 10000);
          mm.addMessageListener(topic, function listener(m) {
            mm.removeMessageListener(topic, listener);
            clearTimeout(timer);
            resolve(m.data);
          });
          mm.loadFrameScript('data:,' + encodeURIComponent(script), false);
        });
        if (reply.error) throw new Error(reply.error);
        return JSON.parse(reply.value);
      })()`),
    extensionConsole: () =>
      chromeEval<ConsoleEntry[]>(`Services.console.getMessageArray()
        .map((m) => {
          let script = null;
          try { script = m.QueryInterface(Ci.nsIScriptError); } catch {}
          const text = String(script ? script.errorMessage : m.message);
          const source = String(script?.sourceName ?? '');
          const flagged = script ? !(script.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)) : false;
          // A module that fails to load is only a warning to Firefox, but it leaves the page dead.
          return { message: text.slice(0, 500), source, error: flagged || /Loading failed for the module/.test(text), all: String(m.message) };
        })
        .filter((m) => (m.source + ' ' + m.all).includes(${JSON.stringify(EXTENSION_ORIGIN)}))
        .map(({ all, ...entry }) => entry)`),
    setDevtoolsTheme: (theme) =>
      chromeEval<void>(`Services.prefs.setCharPref('devtools.theme', ${JSON.stringify(theme)})`),
    screenshot: async (viewType) => {
      const dataUrl = await chromeEval<string>(`(async () => {
        const view = [...${extension}.views].find((v) => v.viewType === ${JSON.stringify(viewType)});
        const wg = view?.xulBrowser?.browsingContext?.currentWindowGlobal;
        if (!wg) throw new Error('no ${viewType} view to draw');
        const bitmap = await wg.drawSnapshot(null, 1, 'white');
        const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
        canvas.getContext('2d').drawImage(bitmap, 0, 0);
        return canvas.toDataURL('image/png');
      })()`);
      return Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
    },
    close: () => browser.close(),
  };
}
