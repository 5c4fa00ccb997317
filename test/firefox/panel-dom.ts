import { expect } from 'vitest';
import type { FirefoxSession } from '../../tooling/firefox.ts';

// The panel as a user reads it in Firefox's toolbox: its DOM, read and clicked from a frame script
// of the panel page (the toolbox is out of WebDriver's reach; see tooling/firefox.ts).

export const POLL = { timeout: 30_000, interval: 250 };

/** What a request's detail shows, as test/e2e/support/audit-lab.ts reads it in Chromium. */
export interface Shown {
  verdict: string;
  reason: string;
  fix: string | null;
  matcher: string | null;
  note: string | null;
}

/** Loads one case of the demo's audit lab in the inspected tab and waits until its requests are done. */
export async function visit(ff: FirefoxSession, appUrl: string, query: string): Promise<void> {
  await ff.page.goto(new URL(`/audit.html?${query}`, appUrl).toString());
  await expect
    .poll(() => ff.page.evaluate(() => document.querySelector('[data-testid="audit-done"]')?.textContent), POLL)
    .toBe('done');
}

export function pageText(ff: FirefoxSession, testId: string): Promise<string | null | undefined> {
  return ff.page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent, testId);
}

/** Selects an area and waits until its lazily loaded code has replaced the loading line. */
export async function showArea(ff: FirefoxSession, id: 'session' | 'requests' | 'settings'): Promise<void> {
  await expect
    .poll(
      () =>
        ff.inView<boolean>(
          'devtools_panel',
          `const tab = document.getElementById('tab-${id}');
           tab.click();
           await new Promise((r) => content.setTimeout(r, 100));
           const loading = [...document.querySelectorAll('[role=status]')].some((s) => /^Loading /.test(s.textContent));
           return tab.getAttribute('aria-selected') === 'true' && !loading;`,
        ),
      POLL,
    )
    .toBe(true);
}

export function panelText(ff: FirefoxSession, testId: string): Promise<string | null> {
  return ff.inView<string | null>(
    'devtools_panel',
    `return document.querySelector('[data-testid="${testId}"]')?.textContent ?? null`,
  );
}

/**
 * Filters the Requests table to `url`, opens the row with `verdict` and reads its detail; null while
 * no such row is shown (requests and matcher answers arrive in batches).
 */
function detailOnce(ff: FirefoxSession, url: string, verdict: string): Promise<Shown | null> {
  return ff.inView<Shown | null>(
    'devtools_panel',
    `const url = ${JSON.stringify(url)};
     const wait = (ms) => new Promise((r) => content.setTimeout(r, ms));
     const input = document.querySelector('[data-testid=filter-input]');
     if (!input) {
       document.getElementById('tab-requests').click();
       return null;
     }
     const query = 'url:"' + url + '"';
     if (input.value !== query) {
       input.value = query;
       input.dispatchEvent(new content.Event('input', { bubbles: true }));
       await wait(200);
     }
     const row = [...document.querySelectorAll('[data-testid=request-row]')].find(
       (e) => e.getAttribute('data-url') === url && e.getAttribute('data-verdict') === ${JSON.stringify(verdict)},
     );
     if (!row) return null;
     row.click();
     await wait(200);
     const detail = document.querySelector('[data-testid=request-detail]');
     if (!detail || !detail.querySelector('[data-testid=detail-url]')?.textContent.includes(url)) return null;
     const text = (id) => {
       const el = detail.querySelector('[data-testid="' + id + '"]');
       return el ? el.textContent.replace(/^(Reason|Fix|To audit it|Note|Your tokenUrlMatcher): /, '') : null;
     };
     const shown = {
       verdict: detail.querySelector('.verdict-box .verdict')?.textContent ?? '',
       reason: text('detail-reason') ?? '',
       fix: text('detail-fix'),
       matcher: text('detail-matcher'),
       note: text('detail-note'),
     };
     document.querySelector('[data-testid=detail-close]')?.click();
     return shown;`,
  );
}

/** Polls until the detail of `url` shows `expected` (the fields named in it). */
export async function expectDetail(
  ff: FirefoxSession,
  url: string,
  verdict: string,
  expected: Partial<Shown>,
): Promise<void> {
  await expect
    .poll(async () => {
      const shown = await detailOnce(ff, url, verdict);
      if (shown === null) return null;
      return Object.fromEntries(Object.keys(expected).map((k) => [k, shown[k as keyof Shown]]));
    }, POLL)
    .toEqual(expected);
}

export async function countOf(ff: FirefoxSession, verdict: string): Promise<number> {
  const n = await ff.inView<string | null>(
    'devtools_panel',
    `return document.querySelector('[data-testid="count-${verdict}"]')?.getAttribute('data-count') ?? null`,
  );
  return Number(n);
}
