import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFirefox, launchFirefox, type FirefoxSession } from '../../tooling/firefox.ts';
import { startDemoWorld, type DemoWorld } from '../../demo/world.ts';
import { FIREFOX_DIST, assertBuilt } from './support.ts';

/**
 * Session discovery and the demo's verdicts once in Firefox ESR's real toolbox: the real tracker
 * (19.0.1) on the demo's audit lab page, with a tokenUrlMatcher that leaves the health check out.
 * Firefox evaluates in the top frame only, which is where this tracker runs.
 */
const firefoxPath = findFirefox();

const rows = `return [...document.querySelectorAll('[data-testid=request-row]')].map((r) => [r.dataset.url, r.dataset.verdict])`;

describe.skipIf(!firefoxPath)('the demo in Firefox\'s real toolbox: session and verdicts', () => {
  let ff: FirefoxSession;
  let world: DemoWorld;
  let app: string;

  beforeAll(async () => {
    assertBuilt();
    world = await startDemoWorld({ log: () => undefined });
    app = world.appUrl.replace(/\/$/, '');
    ff = await launchFirefox({ extensionDir: FIREFOX_DIST, executablePath: firefoxPath! });
    await ff.page.goto(`${app}/audit.html?case=exclude`);
    await ff.openPanel();
    // The toolbox is open now: load again so every request is on record from the start.
    await ff.page.reload();
    await ff.page.waitForFunction(() => document.querySelector('[data-testid=audit-done]')?.textContent === 'done', { timeout: 30_000 });
  });

  afterAll(async () => {
    await ff?.close();
    await world?.close();
  });

  it('discovers the session the tracker started, and reads its options', async () => {
    const token = await ff.page.evaluate(() => document.querySelector('[data-testid=token]')?.textContent ?? '');
    expect(token).toMatch(/^\w+\.-?\w+\.\w+\.\w+$/);
    expect(world.sessions().some((s) => s.token === token)).toBe(true);
    await ff.inView('devtools_panel', `document.getElementById('tab-session').click(); return true`);
    await expect
      .poll(() => ff.inView<string | null>('devtools_panel', `return document.querySelector('[data-testid=current-token]')?.textContent ?? null`), { timeout: 20_000 })
      .toBe(token);
    expect(await ff.inView('devtools_panel', `return document.querySelector('[data-testid=tracker-header-option]')?.textContent`)).toBe(
      'The tracker adds X-OpenReplay-SessionToken to requests its tokenUrlMatcher accepts.',
    );
  });

  it('gives the demo\'s verdicts, the matcher\'s answer included', async () => {
    await ff.inView('devtools_panel', `document.getElementById('tab-requests').click(); return true`);
    await expect
      .poll(async () => (await ff.inView<Array<[string, string]>>('devtools_panel', rows)).filter(([url]) => url.startsWith(`${app}/api/`)), { timeout: 20_000 })
      .toEqual([
        [`${app}/api/users/42`, 'carries'],
        [`${app}/api/health`, 'not-expected'],
      ]);
    const reason = await ff.inView<string | null>(
      'devtools_panel',
      `document.querySelector('[data-testid=request-row][data-url="${app}/api/health"]').click();
       await new Promise((r) => content.setTimeout(r, 200));
       return document.querySelector('[data-testid=detail-reason]')?.textContent ?? null`,
    );
    expect(reason).toBe('Reason: your tokenUrlMatcher leaves this same-origin API out: if its backend logs should link, add it');
  });
});
