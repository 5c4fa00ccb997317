import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFirefox, launchFirefox, type FirefoxSession } from '../../tooling/firefox.ts';
import { FIREFOX_DIST, assertBuilt, startPage } from './support.ts';

/**
 * The load check is only worth something if a broken page makes it fail: the same build with one
 * line of throwing code added to the panel must show up in what loads.test.ts reads.
 */
const firefoxPath = findFirefox();

describe.skipIf(!firefoxPath)('the Firefox error check itself', () => {
  let ff: FirefoxSession;
  let page: Awaited<ReturnType<typeof startPage>>;
  let dir: string;

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'replay-link-broken-'));
    cpSync(FIREFOX_DIST, dir, { recursive: true });
    const panelChunk = readdirSync(join(dir, 'assets')).find((f) => /^panel-.*\.js$/.test(f));
    if (!panelChunk) throw new Error('no panel chunk in the Firefox build');
    appendFileSync(
      join(dir, 'assets', panelChunk),
      '\nsetTimeout(() => { throw new Error("deliberately broken panel"); }, 0);\n',
    );
    page = await startPage();
    ff = await launchFirefox({ extensionDir: dir, executablePath: firefoxPath! });
    await ff.page.goto(page.url);
    await ff.openPanel();
  });

  afterAll(async () => {
    await ff?.close();
    await page?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reports an uncaught error thrown by the panel page', async () => {
    await expect
      .poll(async () => (await ff.extensionConsole()).filter((m) => m.error).map((m) => m.message), { timeout: 10_000 })
      .toContain('Error: deliberately broken panel');
  });
});
