import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditStore } from '../../src/core/audit/audit-store.ts';
import { VERDICTS } from '../../src/core/audit/types.ts';
import { tokenContextOf } from '../../src/panel/state/token-context.ts';
import { openPanel, type PanelSession } from '../../tooling/devtools-panel.ts';
import {
  expandTemplates,
  postToPanel,
  prepareInPanel,
  shimNames,
  syntheticSession,
  syntheticTemplates,
} from '../../bench/panel-render.ts';
import { EXTENSION_DIR } from './support/fixture.ts';

// The Requests area at its documented cap, fed as the devtools page feeds it (one message on the
// tab's channel): 50,001 realistic requests, so the store really drops the oldest one.

const CAP = 50_000;
const COUNT = CAP + 1;

describe('Requests area with 50,000 requests (real panel)', () => {
  let server: Server;
  let s: PanelSession;
  /** The same requests through the audit in Node, filled by the first test. */
  let expected: AuditStore;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>blank</title><p>no tracker here</p>');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const addr = server.address();
    const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
    s = await openPanel({ extensionDir: EXTENSION_DIR, url: `http://127.0.0.1:${port}/` });
    await shimNames(s.panel);
    // The devtools page's first probe settles the session first, so ours is the last word.
    await s.panel
      .getByTestId('session-status')
      .and(s.panel.locator(':not([data-status=searching])'))
      .waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await s?.close();
    await new Promise((done) => server?.close(done));
  });

  it('judges 50,001 requests exactly as the audit does, keeps the latest 50,000 and says 1 was dropped', async () => {
    const session = syntheticSession();
    await postToPanel(s.panel, { type: 'session', session });
    await s.panel.getByRole('tab', { name: 'Requests' }).click();
    await s.panel.getByTestId('no-token-notice').waitFor({ state: 'detached' });
    await s.panel.getByTestId('clear-button').click();
    await s.panel.getByTestId('requests-empty').waitFor();

    const templates = syntheticTemplates();
    await prepareInPanel(s.panel, templates, COUNT, 'big');
    await s.panel.evaluate(() => {
      const w = window as unknown as { __benchRequests: unknown[] };
      const ch = new BroadcastChannel(`replay-link:tab:${chrome.devtools.inspectedWindow.tabId}`);
      ch.postMessage({ type: 'requests', added: w.__benchRequests, dropped: 0 });
      ch.close();
      w.__benchRequests = [];
    });

    await expect
      .poll(() => s.panel.getByTestId('shown-count').textContent(), { timeout: 20_000 })
      .toBe('50,000 requests');
    expect(await s.panel.getByTestId('dropped-count').textContent()).toBe(
      '1 older request dropped: the audit keeps the latest 50,000. Clear to start over.',
    );

    // The same requests through the audit in Node: the panel's counts are the audit's counts.
    expected = new AuditStore({ tokens: tokenContextOf(session) });
    expected.add(expandTemplates(templates, COUNT, 'big'));
    expect(expected.size).toBe(CAP);
    for (const v of VERDICTS) {
      expect(Number(await s.panel.getByTestId(`count-${v}`).getAttribute('data-count')), v).toBe(expected.counts[v]);
    }
    // The exact counts are checked above against the audit; these only keep the synthetic mix varied
    // (the audit now also has "token outside scope", so fewer of its rows are plain "carries").
    expect(expected.counts.carries).toBeGreaterThan(15_000);
    expect(expected.counts.blocked).toBeGreaterThan(1000);

    // The first row is the second request sent (the first was dropped); the table holds only the rows in view.
    expect(await s.panel.getByTestId('request-row').first().getAttribute('data-url')).toBe(expected.at(0)?.req.url);
    expect(await s.panel.getByTestId('request-row').count()).toBeLessThan(120);
  });

  it('moves to the last of 50,000 rows with the keyboard and opens it', async () => {
    const grid = s.panel.getByTestId('request-table');
    await grid.focus();
    await grid.press('End');
    const last = s.panel.locator('[data-testid=request-row][aria-selected=true]');
    await expect.poll(() => last.getAttribute('aria-rowindex')).toBe(String(CAP + 1));
    const url = await last.getAttribute('data-url');
    await grid.press('Enter');
    await expect
      .poll(() => s.panel.getByTestId('detail-url').textContent())
      .toMatch(new RegExp(`^[A-Z]+ ${url?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    await grid.press('Escape');
    await grid.press('Home');
    await expect
      .poll(() => s.panel.locator('[data-testid=request-row][aria-selected=true]').getAttribute('aria-rowindex'))
      .toBe('2');
  });

  it('after a jump deep into the list draws exactly the rows in view, in order, under their column headers', async () => {
    const grid = s.panel.getByTestId('request-table');
    // The position any drag of the scrollbar thumb could land on: row 31,337 at the top.
    await grid.evaluate((el) => (el.scrollTop = 31_337 * 22));
    await expect.poll(() => s.panel.getByTestId('request-row').first().getAttribute('aria-rowindex')).not.toBe('2');
    const drawn = await s.panel.getByTestId('request-row').evaluateAll((els) =>
      els.map((e) => ({
        row: Number(e.getAttribute('aria-rowindex')),
        url: (e as HTMLElement).dataset.url,
        verdict: (e as HTMLElement).dataset.verdict,
        top: e.getBoundingClientRect().top,
      })),
    );
    const first = (drawn[0]?.row ?? 0) - 2;
    expect(first).toBeGreaterThan(31_337 - 10);
    expect(first).toBeLessThanOrEqual(31_337);
    expect(drawn.map((d) => d.row)).toEqual(drawn.map((_, i) => first + i + 2));
    expect(drawn.map((d) => d.url)).toEqual(drawn.map((_, i) => expected.at(first + i)?.req.url));
    expect(drawn.map((d) => d.verdict)).toEqual(drawn.map((_, i) => expected.at(first + i)?.result.verdict));
    // One row height apart, top to bottom, as drawn.
    expect(drawn.slice(1).map((d, i) => Math.round(d.top - (drawn[i]?.top ?? 0)))).toEqual(
      drawn.slice(1).map(() => 22),
    );

    // Every column header sits exactly over its cells.
    const boxes = (selector: string) =>
      s.panel
        .locator(selector)
        .first()
        .evaluate((row) =>
          [...row.children]
            .filter((c) => (c as HTMLElement).offsetWidth > 0)
            .map(
              (c) =>
                `${c.className.split(' ')[0]} ${Math.round(c.getBoundingClientRect().left)}+${Math.round(c.getBoundingClientRect().width)}`,
            ),
        );
    const head = await boxes('.req-head');
    expect(head.length).toBeGreaterThanOrEqual(6);
    expect(await boxes('[data-testid=request-row]')).toEqual(head);
    await grid.evaluate((el) => (el.scrollTop = 0));
  });

  it('filters 50,000 rows by verdict and by status', async () => {
    const blocked = Number(await s.panel.getByTestId('count-blocked').getAttribute('data-count'));
    await s.panel.getByTestId('count-blocked').click();
    await expect
      .poll(() => s.panel.getByTestId('shown-count').textContent())
      .toBe(`${blocked.toLocaleString('en')} of 50,000`);
    expect(
      new Set(
        await s.panel
          .getByTestId('request-row')
          .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.verdict)),
      ),
    ).toEqual(new Set(['blocked']));
    await s.panel.getByTestId('filter-input').fill('status:0 -type:preflight');
    await expect
      .poll(() => s.panel.getByTestId('shown-count').textContent())
      .toBe(`${blocked.toLocaleString('en')} of 50,000`);
    await s.panel.getByTestId('filter-input').fill('');
  });

  it('shows the reload hint when the page made requests before DevTools could record them', async () => {
    expect(await s.panel.getByTestId('reload-hint').count()).toBe(0);
    await postToPanel(s.panel, {
      type: 'capture',
      capture: {
        pageUrl: 'http://127.0.0.1/',
        preserveLog: false,
        dropped: 0,
        cap: CAP,
        missedBeforeOpen: 3,
        ingestUrls: [],
      },
    });
    await expect
      .poll(() => s.panel.getByTestId('reload-hint').textContent())
      .toBe(
        'The page made 3 requests before DevTools could record them. Reload the page to audit every request.Reload page',
      );
    // Its button reloads the inspected page: a navigation, so the hint goes and the rows are cleared.
    const loads = await s.page.evaluate(() => performance.timeOrigin);
    await s.panel.getByTestId('reload-page').click();
    await expect.poll(() => s.page.evaluate(() => performance.timeOrigin), { timeout: 15_000 }).not.toBe(loads);
    await expect.poll(() => s.panel.getByTestId('reload-hint').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => s.panel.getByTestId('dropped-count').count()).toBe(0);
    await expect.poll(() => s.panel.getByTestId('shown-count').textContent()).toMatch(/^[0-2] requests?$/);
  });
});
