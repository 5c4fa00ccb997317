import { expect } from 'vitest';
import type { Frame } from 'playwright-core';
import type { PanelSession } from '../../../tooling/devtools-panel.ts';

// Helpers for the audit lab page (/audit.html?case=…&tracker=…): one tracker setup per visit.

export const POLL = { timeout: 20_000, intervals: [100, 250, 500] };

/** Loads one case in the inspected tab and waits until its requests are done. */
export async function visit(s: PanelSession, appUrl: string, query: string): Promise<void> {
  await s.page.goto(new URL(`/audit.html?${query}`, appUrl).toString());
  await s.page.getByTestId('audit-done').filter({ hasText: 'done' }).waitFor({ timeout: 30_000 });
}

export async function showArea(panel: Frame, name: 'Session' | 'Requests' | 'Settings'): Promise<void> {
  // The area tabs only: the Requests area has a sub-tab named "Requests" too.
  const areas = panel.getByRole('tablist', { name: 'Replay Link areas' });
  await areas.getByRole('tab', { name }).click();
  await areas.getByRole('tab', { name, selected: true }).waitFor();
  await panel
    .getByRole('status')
    .filter({ hasText: `Loading ${name}…` })
    .waitFor({ state: 'detached' });
}

/** Verdicts of the rows whose URL is exactly `url`. */
export async function verdictsOf(panel: Frame, url: string): Promise<string[]> {
  await panel.getByTestId('filter-input').fill(`url:"${url}"`);
  return panel
    .getByTestId('request-row')
    .evaluateAll(
      (els, u) =>
        els.filter((e) => (e as HTMLElement).dataset.url === u).map((e) => (e as HTMLElement).dataset.verdict ?? ''),
      url,
    );
}

export interface Shown {
  verdict: string;
  reason: string;
  fix: string | null;
  matcher: string | null;
  note: string | null;
}

/** The verdict a user sees for `url` (its only row that is not a preflight), and the detail's lines. */
export async function detailOf(panel: Frame, url: string, verdict: string): Promise<Shown> {
  await expect.poll(() => verdictsOf(panel, url), POLL).toContain(verdict);
  await panel.locator(`[data-testid=request-row][data-verdict="${verdict}"]`).first().click();
  const detail = panel.getByTestId('request-detail');
  await expect.poll(() => panel.getByTestId('detail-url').textContent()).toMatch(url);
  const text = async (id: string) => {
    const loc = detail.getByTestId(id);
    return (await loc.count()) === 0
      ? null
      : ((await loc.textContent()) ?? '').replace(/^(Reason|Fix|To audit it|Note|Your tokenUrlMatcher): /, '');
  };
  const shown: Shown = {
    verdict: (await detail.locator('.verdict-box .verdict').first().textContent()) ?? '',
    reason: (await text('detail-reason')) ?? '',
    fix: await text('detail-fix'),
    matcher: await text('detail-matcher'),
    note: await text('detail-note'),
  };
  await panel.getByTestId('detail-close').click();
  return shown;
}

/** Polls until the detail of `url` shows `expected` (matcher answers arrive a poll after the rows). */
export async function expectDetail(
  panel: Frame,
  url: string,
  verdict: string,
  expected: Partial<Shown>,
): Promise<void> {
  await expect
    .poll(async () => {
      const shown = await detailOf(panel, url, verdict);
      return Object.fromEntries(Object.keys(expected).map((k) => [k, shown[k as keyof Shown]]));
    }, POLL)
    .toEqual(expected);
}
