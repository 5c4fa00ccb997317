import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { openDemoPanel, startDemo, type Demo } from './support/fixture.ts';
import { describeViolations, runAxe, seriousOrWorse } from './support/axe.ts';
import type { PanelSession } from '../../tooling/devtools-panel.ts';

// Accessibility: axe-core on every area of the real panel inside real DevTools, in both
// DevTools themes, with the content a user sees (the demo's flows run, a backend search done, a
// request detail, the report dialog and the shortcut help open); then the keyboard: the panel's
// shortcuts pressed as keys, the tab list, the request table, dialogs and jump links.
//
// axe runs in the panel frame (AxeBuilder needs a Page; the panel is a Frame): see support/axe.ts.

/** Runs the demo's flows so every area has real content. */
async function fill(s: PanelSession): Promise<void> {
  const { page, panel } = s;
  await page.getByTestId('token').filter({ hasText: /\S/ }).waitFor();
  await panel.getByTestId('current-token').waitFor({ timeout: 15_000 });
  await page.getByTestId('run-all').click();
  await page.getByTestId('run-all-done').filter({ hasText: 'done' }).waitFor({ timeout: 20_000 });
}

/** Every panel state worth checking, in the order a user meets them. */
const STATES: ReadonlyArray<[string, (panel: Frame) => Promise<void>]> = [
  ['Session', async () => {}],
  [
    'Backend errors, grouped',
    async (panel) => {
      await panel.getByRole('tab', { name: 'Backend errors' }).click();
      await panel.getByTestId('search-button').click();
      await expect
        .poll(() => panel.getByTestId('search-progress').getAttribute('data-status'), { timeout: 30_000 })
        .toBe('done');
      await panel.getByTestId('error-group').first().waitFor();
    },
  ],
  ['Backend errors, all lines', (panel) => panel.getByTestId('filter-errors-only').uncheck()],
  [
    'Requests with a detail open',
    async (panel) => {
      await panel.getByRole('tab', { name: 'Requests' }).click();
      await panel.getByTestId('request-row').first().click();
      await panel.getByTestId('request-detail').waitFor();
    },
  ],
  ['Requests, coverage', (panel) => panel.getByTestId('subtab-coverage').click()],
  [
    'Requests, report dialog',
    async (panel) => {
      await panel.getByTestId('subtab-table').click();
      await panel.getByTestId('show-report').click();
      await panel.getByTestId('report-dialog').waitFor();
    },
  ],
  [
    'Timeline with an error selected',
    async (panel) => {
      await panel.getByTestId('report-close').click();
      await panel.getByRole('tab', { name: 'Timeline' }).click();
      await panel.getByTestId('timeline-error').first().click();
      await expect.poll(() => panel.getByTestId('selection-details').getAttribute('data-kind')).toBe('error');
    },
  ],
  ['Settings', (panel) => panel.getByRole('tab', { name: 'Settings' }).click()],
  [
    'Shortcut help',
    async (panel) => {
      await panel.getByTestId('shortcuts-button').click();
      await panel.getByTestId('shortcuts-dialog').waitFor();
    },
  ],
];

/** Where the keyboard focus is in the panel: its test id, id or tag. */
function focused(panel: Frame): Promise<string> {
  return panel.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.dataset.testid ?? (el?.id || el?.tagName.toLowerCase()) ?? '';
  });
}

/** The focused element's outline, as the :focus-visible rule draws it (the request table draws it on its frame). */
function focusRing(panel: Frame): Promise<string> {
  return panel.evaluate(() => {
    const focusedEl = document.activeElement;
    if (!focusedEl) return '';
    const el = focusedEl.matches('.req-grid') ? (focusedEl.closest('.req-table') ?? focusedEl) : focusedEl;
    const cs = getComputedStyle(el);
    return `${cs.outlineStyle} ${cs.outlineWidth}`;
  });
}

const selectedArea = (panel: Frame) => panel.locator('.tabs [role=tab][aria-selected=true]').getAttribute('id');
/** Puts the focus on the selected area tab: a place where single keys are shortcuts, not text. */
const focusTabBar = (panel: Frame) => panel.locator('.tabs [role=tab][aria-selected=true]').focus();

/** The id of the selected row (request-row-<index>), or null when none is drawn. */
const selectedRow = (panel: Frame) =>
  panel.evaluate(() => document.querySelector('[data-testid=request-row][aria-selected=true]')?.id ?? null);

describe('accessibility and keyboard in the real DevTools panel', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(async () => {
    await demo?.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    describe(`${theme} theme`, () => {
      let s: PanelSession;
      beforeAll(async () => {
        s = await openDemoPanel(demo, '/', { theme });
        await fill(s);
      });
      afterAll(async () => {
        await s?.close();
      });

      it('no area has a serious or critical axe violation', async () => {
        expect(await s.panel.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        const problems: string[] = [];
        for (const [where, reach] of STATES) {
          await reach(s.panel);
          const bad = seriousOrWorse(await runAxe(s.panel));
          if (bad.length > 0) problems.push(describeViolations(`${theme}: ${where}`, bad));
        }
        expect(problems.join('\n'), 'axe found serious or critical violations').toBe('');
        await s.panel.getByTestId('shortcuts-close').click();
      });

      if (theme === 'light') {
        it('the shortcut help lists every shortcut, traps Tab, closes on Esc and gives the focus back', async () => {
          const { panel, devtools } = s;
          await panel.locator('#tab-session').click();
          await devtools.keyboard.press('?');
          await panel.getByTestId('shortcuts-dialog').waitFor();
          const keys = await panel
            .getByTestId('shortcut-row')
            .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
          expect(keys).toEqual(
            expect.arrayContaining(['/', 'j', 'k', 'e', 's', '1', '2', '3', '4', '5', '?', 'Esc', 'Enter', 'Home End']),
          );
          expect(
            await panel
              .getByTestId('shortcut-row')
              .filter({ has: panel.locator('kbd', { hasText: /^\/$/ }) })
              .textContent(),
          ).toContain('Filter requests');
          expect(await focused(panel)).toBe('shortcuts-close');
          await devtools.keyboard.press('Tab');
          expect(await focused(panel)).toBe('shortcuts-close');
          // Shortcuts are off while the help is open.
          await devtools.keyboard.press('4');
          expect(await selectedArea(panel)).toBe('tab-session');
          await devtools.keyboard.press('Escape');
          await expect.poll(() => panel.getByTestId('shortcuts-dialog').count()).toBe(0);
          expect(await focused(panel)).toBe('tab-session');
        });

        it('arrow keys, Home and End move through the area tabs; 1–5 switch areas', async () => {
          const { panel, devtools } = s;
          await panel.locator('#tab-session').focus();
          await devtools.keyboard.press('ArrowRight');
          await expect.poll(() => focused(panel)).toBe('tab-requests');
          expect(await selectedArea(panel)).toBe('tab-requests');
          expect(await focusRing(panel)).toBe('solid 2px');
          await devtools.keyboard.press('End');
          await expect.poll(() => selectedArea(panel)).toBe('tab-settings');
          await devtools.keyboard.press('ArrowRight');
          await expect.poll(() => selectedArea(panel)).toBe('tab-session');
          await devtools.keyboard.press('ArrowLeft');
          await expect.poll(() => selectedArea(panel)).toBe('tab-settings');
          await devtools.keyboard.press('Home');
          await expect.poll(() => selectedArea(panel)).toBe('tab-session');
          for (const [key, tab] of [
            ['4', 'tab-timeline'],
            ['3', 'tab-backend'],
            ['5', 'tab-settings'],
            ['2', 'tab-requests'],
            ['1', 'tab-session'],
          ] as const) {
            await devtools.keyboard.press(key);
            await expect.poll(() => selectedArea(panel)).toBe(tab);
            expect(await focused(panel)).toBe(tab);
          }
          // Settings forms: Tab goes from the tab bar past the "?" button into the form, with a visible ring.
          await devtools.keyboard.press('5');
          await expect.poll(() => focused(panel)).toBe('tab-settings');
          await devtools.keyboard.press('Tab');
          expect(await focused(panel)).toBe('shortcuts-button');
          await devtools.keyboard.press('Tab');
          expect(await panel.evaluate(() => document.activeElement?.closest('[role=tabpanel]')?.id)).toBe(
            'area-settings',
          );
          expect(await focusRing(panel)).toBe('solid 2px');
        });

        it("'/' focuses the Requests filter; keys typed there are text, not shortcuts", async () => {
          const { panel, devtools } = s;
          await focusTabBar(panel);
          const jobs = demo.sumo.stats().jobsCreated;
          await devtools.keyboard.press('1');
          await expect.poll(() => selectedArea(panel)).toBe('tab-session');
          await devtools.keyboard.press('/');
          await expect.poll(() => focused(panel)).toBe('filter-input');
          expect(await selectedArea(panel)).toBe('tab-requests');
          const rowBefore = await selectedRow(panel);
          await devtools.keyboard.type('sjke1/');
          expect(await panel.getByTestId('filter-input').inputValue()).toBe('sjke1/');
          expect(await panel.getByTestId('shown-count').textContent()).toMatch(/^0 of \d+$/);
          expect(await selectedArea(panel)).toBe('tab-requests');
          expect(await panel.getByTestId('report-dialog').count()).toBe(0);
          expect(demo.sumo.stats().jobsCreated).toBe(jobs);
          // Esc in the filter clears it; the selection did not move while typing.
          await devtools.keyboard.press('Escape');
          expect(await panel.getByTestId('filter-input').inputValue()).toBe('');
          expect(await focused(panel)).toBe('filter-input');
          await expect.poll(() => selectedRow(panel)).toBe(rowBefore);
        });

        it('j/k move through the rows from anywhere; ↑/↓, Home/End, Enter and Esc in the table', async () => {
          const { panel, devtools } = s;
          await focusTabBar(panel);
          const count = await panel
            .getByTestId('request-table')
            .getAttribute('aria-rowcount')
            .then((n) => Number(n) - 1);
          expect(count).toBeGreaterThanOrEqual(5);
          await panel.getByTestId('request-table').focus();
          await devtools.keyboard.press('Home');
          await expect.poll(() => selectedRow(panel)).toBe('request-row-0');
          const start = 0;
          // From another area, with the focus on the tab bar.
          await devtools.keyboard.press('1');
          await expect.poll(() => selectedArea(panel)).toBe('tab-session');
          await devtools.keyboard.press('j');
          await expect.poll(() => selectedArea(panel)).toBe('tab-requests');
          await expect.poll(() => selectedRow(panel)).toBe(`request-row-${start + 1}`);
          expect(await focused(panel)).toBe('request-table');
          expect(await focusRing(panel)).toBe('solid 2px');
          await devtools.keyboard.press('j');
          await expect.poll(() => selectedRow(panel)).toBe(`request-row-${start + 2}`);
          await devtools.keyboard.press('k');
          await expect.poll(() => selectedRow(panel)).toBe(`request-row-${start + 1}`);
          await devtools.keyboard.press('ArrowDown');
          await expect.poll(() => selectedRow(panel)).toBe(`request-row-${start + 2}`);
          await devtools.keyboard.press('ArrowUp');
          await expect.poll(() => selectedRow(panel)).toBe(`request-row-${start + 1}`);
          await devtools.keyboard.press('End');
          await expect.poll(() => selectedRow(panel)).toBe(`request-row-${count - 1}`);
          await devtools.keyboard.press('Home');
          await expect.poll(() => selectedRow(panel)).toBe('request-row-0');
          expect(await panel.getByTestId('request-table').getAttribute('aria-activedescendant')).toBe('request-row-0');
          if ((await panel.getByTestId('request-detail').count()) > 0) {
            await devtools.keyboard.press('Escape');
            await expect.poll(() => panel.getByTestId('request-detail').count()).toBe(0);
          }
          await devtools.keyboard.press('Enter');
          await panel.getByTestId('request-detail').waitFor();
          expect(await panel.getByTestId('detail-url').textContent()).toContain(
            await panel.locator('#request-row-0 .c-path').textContent(),
          );
          await devtools.keyboard.press('Escape');
          await expect.poll(() => panel.getByTestId('request-detail').count()).toBe(0);
          expect(await focused(panel)).toBe('request-table');
        });

        it("'e' opens the report dialog: Tab stays inside, other keys are its own, Esc closes and gives the focus back", async () => {
          const { panel, devtools } = s;
          await panel.getByTestId('request-table').focus();
          const row = await selectedRow(panel);
          await devtools.keyboard.press('e');
          const dialog = panel.getByTestId('report-dialog');
          await dialog.waitFor();
          expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open && d.matches(':modal'))).toBe(true);
          expect(await panel.getByTestId('report-text').inputValue()).toMatch(/^# /);
          const inDialog = () => panel.evaluate(() => document.activeElement?.closest('dialog') !== null);
          expect(await inDialog()).toBe(true);
          for (let i = 0; i < 6; i++) {
            await devtools.keyboard.press('Tab');
            expect(await inDialog()).toBe(true);
          }
          await devtools.keyboard.press('Shift+Tab');
          expect(await inDialog()).toBe(true);
          await panel.getByTestId('report-copy').focus();
          await devtools.keyboard.press('j');
          await devtools.keyboard.press('3');
          expect(await selectedRow(panel)).toBe(row);
          expect(await selectedArea(panel)).toBe('tab-requests');
          await devtools.keyboard.press('Escape');
          await expect.poll(() => dialog.count()).toBe(0);
          expect(await focused(panel)).toBe('request-table');
        });

        it("'s' starts a backend search; an error group's 'Jump to' works by keyboard", async () => {
          const { panel, devtools } = s;
          await focusTabBar(panel);
          const jobs = demo.sumo.stats().jobsCreated;
          await devtools.keyboard.press('s');
          await expect.poll(() => selectedArea(panel)).toBe('tab-backend');
          await expect.poll(() => demo.sumo.stats().jobsCreated, { timeout: 10_000 }).toBe(jobs + 1);
          await expect
            .poll(() => panel.getByTestId('search-progress').getAttribute('data-status'), { timeout: 30_000 })
            .toBe('done');
          // By keyboard, so the focus that follows shows its ring as keyboard focus does.
          await panel.getByTestId('filter-errors-only').focus();
          if (!(await panel.getByTestId('filter-errors-only').isChecked())) await devtools.keyboard.press(' ');
          expect(await focusRing(panel)).toBe('solid 2px');
          const jump = panel.getByTestId('error-group').first().getByTestId('jump-to-request');
          await jump.focus();
          expect(await focusRing(panel)).toBe('solid 2px');
          await devtools.keyboard.press('Enter');
          await expect.poll(() => selectedArea(panel)).toBe('tab-requests');
          await panel.getByTestId('request-detail').waitFor();
          expect(await panel.getByTestId('detail-url').textContent()).toContain('/api/checkout');
        });

        it('timeline marks are reached by Tab and selected with Enter', async () => {
          const { panel, devtools } = s;
          await focusTabBar(panel);
          await devtools.keyboard.press('4');
          await expect.poll(() => selectedArea(panel)).toBe('tab-timeline');
          await panel.locator('.tl-svg').focus();
          // Tab from the drawing reaches its first mark (a request), then the others in order.
          await devtools.keyboard.press('Tab');
          expect(await focused(panel)).toBe('timeline-request');
          await devtools.keyboard.press('Enter');
          await expect.poll(() => panel.getByTestId('selection-details').getAttribute('data-kind')).toBe('request');
          await panel.getByTestId('timeline-error').first().focus();
          expect(await panel.getByTestId('timeline-tooltip').count()).toBe(1);
          await devtools.keyboard.press(' ');
          await expect.poll(() => panel.getByTestId('selection-details').getAttribute('data-kind')).toBe('error');
        });
      }
    });
  }
});
