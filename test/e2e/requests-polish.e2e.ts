import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Frame } from 'playwright-core';
import { openDemoPanel, startDemo, type Demo } from './support/fixture.ts';
import type { PanelSession } from '../../tooling/devtools-panel.ts';

// Origins told apart in the Requests table, and "Copy as cURL" run for real against the demo backend.

const POLL = { timeout: 15_000, intervals: [100, 250, 500] };
const LONG_HOST = 'a-rather-long-subdomain-for-the-origin-column.localhost';

interface OriginCell {
  text: string;
  title: string;
  own: string;
  /** The port is drawn whole inside the cell. */
  portVisible: boolean;
  /** The start of the host is cut with an ellipsis. */
  headCut: boolean;
  /** The end of the host is cut too. */
  tailCut: boolean;
}

async function originCellOf(panel: Frame, url: string): Promise<OriginCell> {
  await panel.getByTestId('filter-input').fill(`url:"${url}"`);
  const cell = panel.locator(`[data-testid=request-row][data-url="${url}"] [data-testid=origin-cell]`).first();
  await cell.waitFor(POLL);
  return cell.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const port = el.querySelector('.o-port')!.getBoundingClientRect();
    const head = el.querySelector('.o-head') as HTMLElement;
    const tail = el.querySelector('.o-tail') as HTMLElement;
    return {
      // The parts are flex items: innerText would put line breaks between them.
      text: [
        el.querySelector('.o-own')!.textContent,
        ['.o-head', '.o-tail', '.o-port'].map((c) => el.querySelector(c)!.textContent).join(''),
      ]
        .filter(Boolean)
        .join(' '),
      title: el.getAttribute('title') ?? '',
      own: el.querySelector('.o-own')!.textContent ?? '',
      portVisible: port.width > 0 && port.left >= box.left && port.right <= box.right,
      headCut: head.scrollWidth > head.clientWidth,
      tailCut: tail.scrollWidth > tail.clientWidth,
    };
  });
}

/** What Copy put on the clipboard, read back through the inspected page (granted clipboard-read). */
async function clipboard(s: PanelSession): Promise<string> {
  await s.page.bringToFront();
  return s.page.evaluate(() => navigator.clipboard.readText());
}

/**
 * Runs the copied command as a user would paste it into bash; returns what curl printed. Async:
 * the demo backend answering it runs in this process.
 */
async function run(command: string): Promise<string> {
  expect(command.startsWith('curl ')).toBe(true);
  const { stdout } = await promisify(execFile)('bash', ['--noprofile', '--norc', '-c', command], {
    encoding: 'utf8',
    timeout: 15_000,
  });
  return stdout;
}

describe('Requests: origins and Copy as cURL', () => {
  let demo: Demo;
  let s: PanelSession;
  let app: string;
  let token: string;

  beforeAll(async () => {
    demo = await startDemo();
    app = demo.world.appUrl.replace(/\/$/, '');
    s = await openDemoPanel(demo);
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app });
    await s.page.getByTestId('token').filter({ hasText: /\./ }).waitFor({ timeout: 20_000 });
    await s.panel.getByTestId('current-token').filter({ hasText: /\S/ }).waitFor({ timeout: 15_000 });
    token = (await s.page.getByTestId('token').textContent()) ?? '';
    await s.panel.getByRole('tab', { name: 'Requests' }).click();
    await s.page.getByTestId('run-all').click();
    await s.page.getByTestId('run-all-done').filter({ hasText: 'done' }).waitFor({ timeout: 20_000 });
    // *.localhost is loopback in Chromium: a long host name on the demo backend's port.
    const port = new URL(app).port;
    await s.page.evaluate((u) => fetch(u).catch(() => undefined), `http://${LONG_HOST}:${port}/api/health`);
  });
  afterAll(async () => {
    await s?.close();
    await demo?.close();
  });

  it('tells apart the page and the two partners on one loopback host, port always shown, the page marked', async () => {
    const page = await originCellOf(s.panel, `${app}/api/users/42`);
    const strict = await originCellOf(s.panel, `${demo.world.strictOrigin}/partner/quote`);
    const open = await originCellOf(s.panel, `${demo.world.openOrigin}/partner/rates`);
    const host = (o: string) => new URL(o).host;
    expect(page).toEqual({
      text: `page ${host(app)}`,
      title: `${app} (this page's origin)`,
      own: 'page',
      portVisible: true,
      headCut: false,
      tailCut: false,
    });
    expect(strict).toEqual({
      text: host(demo.world.strictOrigin),
      title: demo.world.strictOrigin,
      own: '',
      portVisible: true,
      headCut: false,
      tailCut: false,
    });
    expect(open).toEqual({
      text: host(demo.world.openOrigin),
      title: demo.world.openOrigin,
      own: '',
      portVisible: true,
      headCut: false,
      tailCut: false,
    });
    expect(new Set([page.text, strict.text, open.text]).size).toBe(3);

    // A long host gives up its start, never its end or the port; the tooltip has it all.
    const longOrigin = `http://${LONG_HOST}:${new URL(app).port}`;
    const long = await originCellOf(s.panel, `${longOrigin}/api/health`);
    expect(long.title).toBe(longOrigin);
    expect(long.portVisible).toBe(true);
    expect(long.headCut).toBe(true);
    expect(long.tailCut).toBe(false);
    expect(long.text.endsWith(`.localhost:${new URL(app).port}`)).toBe(true);
  });

  it('copies a POST as a runnable cURL command, token masked until unmasked, and the backend answers it', async () => {
    const { panel } = s;
    const url = `${app}/api/orders`;
    await panel.getByTestId('filter-input').fill(`url:"${url}"`);
    await panel.locator(`[data-testid=request-row][data-url="${url}"][data-verdict=carries]`).click();
    const detail = panel.getByTestId('request-detail');
    await detail.getByTestId('copy-curl').click();
    await expect.poll(() => detail.getByTestId('curl-status').textContent()).toContain('Copied the request as cURL.');
    expect(await detail.getByTestId('curl-status').textContent()).toContain('Token values are masked');
    const masked = await clipboard(s);
    expect(masked).not.toContain(token);
    expect(masked).toContain(`--data-raw '{"items":[{"sku":"SKU-1042","qty":2}]}'`);
    expect(JSON.parse(await run(masked))).toMatchObject({ items: 1 });

    await detail.getByTestId('reveal-toggle').check();
    await detail.getByTestId('copy-curl').click();
    await expect.poll(() => clipboard(s)).toContain(token);
    const answer = JSON.parse(await run(await clipboard(s))) as { orderId: number; items: number };
    expect(answer.items).toBe(1);
    // The backend logged the replayed order with the session's token, as for the original.
    await expect
      .poll(
        () =>
          demo.world
            .logs()
            .some((l) =>
              l.includes(`[openReplaySessionToken=${token}] order ${answer.orderId} created with 1 item(s)`),
            ),
        POLL,
      )
      .toBe(true);
    await detail.getByTestId('reveal-toggle').uncheck();
  });

  it('copies a request that went without the token with the current token put in, and the backend gets it', async () => {
    const { panel } = s;
    const url = `${app}/api/health`;
    await panel.getByTestId('filter-input').fill(`url:"${url}"`);
    await panel.locator(`[data-testid=request-row][data-url="${url}"][data-verdict=missing]`).click();
    const detail = panel.getByTestId('request-detail');
    await detail.getByTestId('copy-curl').click();
    await expect.poll(() => clipboard(s)).toMatch(/^curl .*--url 'http:\/\/127\.0\.0\.1:\d+\/api\/health'$/);
    expect(await clipboard(s)).not.toContain('X-OpenReplay-SessionToken');

    await detail.getByTestId('copy-curl-token').click();
    await expect.poll(() => detail.getByTestId('curl-status').textContent()).toContain('with the current token');
    const command = await clipboard(s);
    expect(command).toContain(`-H 'X-OpenReplay-SessionToken: ${token}'`);
    const before = demo.world.logs().length;
    expect(JSON.parse(await run(command))).toEqual({ status: 'ok' });
    await expect
      .poll(
        () =>
          demo.world
            .logs()
            .slice(before)
            .some((l) => l.includes(`[openReplaySessionToken=${token}] GET /api/health 200`)),
        POLL,
      )
      .toBe(true);
  });
});
