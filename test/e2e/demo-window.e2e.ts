import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';

// `npm start` on a virtual display of 1600×1000 (Xvfb), as a user with a laptop screen would run
// it: the window fits the screen, DevTools is docked, and the Replay Link panel is selected and on
// screen. A picture of the whole display is written to reports/demo-window.png.

const SCREEN = { width: 1600, height: 1000 };
const SHOT = resolve('reports/demo-window.png');
const run = promisify(execFile);

/** Starts Xvfb on a display number it picks itself (-displayfd): no clash with other displays. */
async function startXvfb(): Promise<{ display: string; proc: ChildProcess }> {
  const proc = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', `${SCREEN.width}x${SCREEN.height}x24`, '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    },
  );
  const display = await new Promise<string>((ok, fail) => {
    let text = '';
    proc.once('error', (e) => fail(new Error(`Xvfb did not start (${e.message}); Debian: apt-get install -y xvfb`)));
    proc.stdio[3]?.on('data', (d: Buffer) => {
      text += d.toString();
      if (text.includes('\n')) ok(`:${text.trim()}`);
    });
  });
  return { display, proc };
}

/** Resolves with the first line of `proc`'s output that matches, or fails with all it printed. */
function waitForLine(proc: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(
      () => fail(new Error(`npm start did not print ${pattern} in ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[0]);
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.once('exit', (code) => fail(new Error(`npm start exited (${code}):\n${out}`)));
  });
}

/** Width and height from a PNG's header. */
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('npm start on a 1600×1000 display', () => {
  let xvfb: { display: string; proc: ChildProcess };
  let start: ChildProcess;
  let browser: Browser;
  let devtools: Page;
  let app: Page;

  beforeAll(async () => {
    xvfb = await startXvfb();
    start = spawn('npm', ['start'], {
      env: { ...process.env, DISPLAY: xvfb.display },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const line = await waitForLine(
      start,
      /DevTools protocol of this browser, for tools: (http:\/\/127\.0\.0\.1:\d+)/,
      100_000,
    );
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(line)?.[0] ?? '';
    browser = await chromium.connectOverCDP(url);
    const pages = browser.contexts().flatMap((c) => c.pages());
    devtools = pages.find((p) => p.url().startsWith('devtools://'))!;
    app = pages.find((p) => p.url().startsWith('http://127.0.0.1'))!;
  });
  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    // npm start stops everything it started on SIGINT (Ctrl-C); its process group is ours.
    const signal = (sig: NodeJS.Signals) => {
      try {
        if (start?.pid) process.kill(-start.pid, sig);
      } catch {
        // Already gone.
      }
    };
    signal('SIGINT');
    await new Promise((r) => setTimeout(r, 1500));
    signal('SIGKILL');
    xvfb?.proc.kill();
  });

  it('fits the window to the screen, docks DevTools, and shows the selected Replay Link panel on screen', async () => {
    expect(devtools).toBeDefined();
    expect(app).toBeDefined();
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    const targetOf = (url: string) => targetInfos.find((t) => t.type === 'page' && t.url === url)?.targetId;
    const { bounds } = await cdp.send('Browser.getWindowForTarget', { targetId: targetOf(app.url()) });
    const left = bounds.left ?? -1;
    const top = bounds.top ?? -1;
    expect(left).toBeGreaterThanOrEqual(0);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(left + (bounds.width ?? Infinity)).toBeLessThanOrEqual(SCREEN.width);
    expect(top + (bounds.height ?? Infinity)).toBeLessThanOrEqual(SCREEN.height);

    // Docked: DevTools lives in the app's window (the same outer window), beside the page.
    const outer = () => ({ x: screenX, y: screenY, width: outerWidth, height: outerHeight });
    const appWindow = await app.evaluate(outer);
    expect(await devtools.evaluate(outer)).toEqual(appWindow);
    expect(appWindow).toEqual({ x: left, y: top, width: bounds.width, height: bounds.height });
    const pageWidth = await app.evaluate(() => window.innerWidth);
    const view = await devtools.evaluate(() => ({
      width: innerWidth,
      height: innerHeight,
      x: screenX,
      y: screenY,
      chrome: outerHeight - innerHeight,
    }));
    expect(pageWidth).toBeLessThan(view.width);

    // The Replay Link tab is the selected one, and its frame is drawn inside DevTools.
    await devtools.getByRole('tab', { name: 'Replay Link', selected: true }).waitFor({ timeout: 15_000 });
    const panel = devtools.frames().find((f) => f.url().includes('src/panel/panel.html'));
    expect(panel).toBeDefined();
    await panel!.getByRole('tab', { name: 'Session' }).waitFor();
    const box = (await (await panel!.frameElement()).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(pageWidth);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(view.width + 1);
    expect(box.y + box.height).toBeLessThanOrEqual(view.height + 1);
    expect(box.width).toBeGreaterThanOrEqual(400);
    expect(box.height).toBeGreaterThanOrEqual(400);

    // The display itself: the panel's area is painted (text, badges), not blank.
    mkdirSync(resolve('reports'), { recursive: true });
    await run('import', ['-display', xvfb.display, '-window', 'root', SHOT]);
    console.log(`Screenshot of the whole ${SCREEN.width}×${SCREEN.height} display: ${SHOT}`);
    expect(pngSize(SHOT)).toEqual(SCREEN);
    const crop = `${Math.floor(box.width)}x${Math.floor(box.height)}+${Math.floor(view.x + box.x)}+${Math.floor(view.y + view.chrome + box.y)}`;
    const { stdout } = await run('convert', [SHOT, '-crop', crop, '+repage', '-format', '%k', 'info:']);
    expect(Number(stdout.trim())).toBeGreaterThan(20);
  });
});
