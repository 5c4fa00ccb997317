import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { openDemoPanel, startDemo, type Demo } from './support/fixture.ts';
import type { PanelSession } from '../../tooling/devtools-panel.ts';
import { utcText } from '../../src/core/session/session-start.ts';

// Support reproduces a customer's session from yesterday with nothing but its replay URL (or its id
// typed by hand): the id gives the start time and the window, the query asks for both tag forms,
// and the demo backend's lines from yesterday, tagged with the token only, come back.

const SLACK_MS = 60_000;
const TWO_HOURS = 2 * 60 * 60 * 1000;

async function searchAndWait(panel: Frame): Promise<void> {
  await panel.getByTestId('search-button').click();
  await expect
    .poll(() => panel.getByTestId('search-progress').getAttribute('data-status'), { timeout: 30_000 })
    .toBe('done');
}

async function useByHand(panel: Frame, text: string): Promise<void> {
  await panel.getByRole('tab', { name: 'Session' }).click();
  await panel.getByTestId('manual-input').fill(text);
  await panel.getByTestId('manual-submit').click();
}

describe('support mode: a customer session from yesterday, from its URL alone', () => {
  let demo: Demo;
  let s: PanelSession;

  beforeAll(async () => {
    demo = await startDemo();
    s = await openDemoPanel(demo);
    await s.panel.getByTestId('current-token').filter({ hasText: /\S/ }).waitFor({ timeout: 20_000 });
    const c = demo.world.customerSession;
    const meta = { category: 'demo/backend', host: 'demo-backend', name: 'backend.log' };
    const b36 = BigInt(c.sessionId).toString(36);
    demo.sumo.ingest([
      // Another service tags with the session id (the newer convention): found by the other form.
      {
        raw: `[openReplaySession.id=${c.sessionId}] INFO search-service: query "red shoes" 12 hits`,
        messageTime: c.startTimestamp + 20_000,
        ...meta,
      },
      // A line whose tag holds no token of this session, though SumoLogic's terms match it.
      {
        raw: `[openReplaySessionToken=${b36}.3az] INFO cut-off token`,
        messageTime: c.startTimestamp + 30_000,
        ...meta,
      },
    ]);
    // 5 lines shipped by the demo backend + 2 ingested here.
    for (let i = 0; i < 200 && demo.sumo.stats().messagesStored < 7; i++) await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(async () => {
    await s?.close();
    await demo?.close();
  });

  it('pasting the session URL: start from the id, both tag forms, the window around yesterday, and its token-tagged lines', async () => {
    const { panel } = s;
    const c = demo.world.customerSession;
    await useByHand(panel, `  <${c.sessionUrl}?jumpto=95000&note=checkout>  `);
    await expect.poll(() => panel.getByTestId('session-id').textContent()).toBe(c.sessionId);
    expect(await panel.getByTestId('entered-by-hand').isVisible()).toBe(true);
    expect(await panel.getByTestId('session-start').textContent()).toBe(
      `started ${utcText(c.startTimestamp)}, 1 day ago`,
    );
    expect(await panel.getByTestId('session-url').getAttribute('href')).toBe(c.sessionUrl);
    await s.devtools.screenshot({ path: '/tmp/support-session.png' });

    await panel.getByRole('tab', { name: 'Backend errors' }).click();
    const b36 = BigInt(c.sessionId).toString(36);
    await expect
      .poll(() => panel.getByTestId('query-tag').textContent())
      .toBe(`"openReplaySession.id=${c.sessionId}" OR "openReplaySessionToken=${b36}"`);
    const win = panel.getByTestId('search-window');
    expect(Number(await win.getAttribute('data-from'))).toBe(c.startTimestamp - SLACK_MS);
    expect(Number(await win.getAttribute('data-to'))).toBe(c.startTimestamp + TWO_HOURS + SLACK_MS);
    expect(await win.textContent()).toContain("from the session id's start");

    await searchAndWait(panel);
    await panel.getByTestId('filter-errors-only').uncheck();
    const lines = panel.getByTestId('log-line');
    await expect.poll(() => lines.count()).toBe(6);
    const texts = await lines.allTextContents();
    expect(texts.filter((t) => t.includes('search-service'))).toHaveLength(1);
    expect(texts.some((t) => t.includes('POST /api/checkout declined'))).toBe(true);
    expect(await panel.getByTestId('dropped-count').getAttribute('data-dropped')).toBe('1');
    await s.devtools.screenshot({ path: '/tmp/support-backend.png' });
    expect(await panel.getByTestId('dropped-count').textContent()).toContain(
      "1 carried another session's token (or no valid token) in the tag",
    );
  });

  it('the window is shown before the next search and can be widened', async () => {
    const { panel } = s;
    const c = demo.world.customerSession;
    const next = panel.getByTestId('next-window');
    expect(Number(await next.getAttribute('data-from'))).toBe(c.startTimestamp - SLACK_MS);
    await panel.getByTestId('widen-window').click();
    await expect
      .poll(async () => Number(await next.getAttribute('data-from')))
      .toBe(c.startTimestamp - SLACK_MS - 60 * 60_000);
    expect(Number(await next.getAttribute('data-to'))).toBe(c.startTimestamp + TWO_HOURS + SLACK_MS + 60 * 60_000);
    expect(await next.textContent()).toContain('widened by 1 h on each side');
    await searchAndWait(panel);
    const win = panel.getByTestId('search-window');
    expect(Number(await win.getAttribute('data-from'))).toBe(c.startTimestamp - SLACK_MS - 60 * 60_000);
    await panel.getByTestId('reset-window').click();
    await expect.poll(async () => Number(await next.getAttribute('data-from'))).toBe(c.startTimestamp - SLACK_MS);
  });

  it('the same with the id typed by hand', async () => {
    const { panel } = s;
    const c = demo.world.customerSession;
    await panel.getByRole('tab', { name: 'Session' }).click();
    await panel.getByTestId('manual-clear').click();
    await expect.poll(() => panel.getByTestId('manual-banner').count()).toBe(0);
    await useByHand(panel, c.sessionId);
    await expect.poll(() => panel.getByTestId('session-id').textContent()).toBe(c.sessionId);
    expect(await panel.getByTestId('session-start').textContent()).toBe(
      `started ${utcText(c.startTimestamp)}, 1 day ago`,
    );
    expect(await panel.getByTestId('session-url').count()).toBe(0);
    await panel.getByRole('tab', { name: 'Backend errors' }).click();
    const next = panel.getByTestId('next-window');
    await expect.poll(async () => Number(await next.getAttribute('data-from'))).toBe(c.startTimestamp - SLACK_MS);
    expect(Number(await next.getAttribute('data-to'))).toBe(c.startTimestamp + TWO_HOURS + SLACK_MS);
    await searchAndWait(panel);
    expect(Number(await panel.getByTestId('search-window').getAttribute('data-from'))).toBe(
      c.startTimestamp - SLACK_MS,
    );
    await panel.getByTestId('filter-errors-only').uncheck();
    await expect.poll(() => panel.getByTestId('log-line').count()).toBe(6);
  });

  it("the window follows the project's maximum session length set in Settings", async () => {
    const { panel } = s;
    const c = demo.world.customerSession;
    const areas = panel.getByRole('tablist', { name: 'Replay Link areas' });
    await areas.getByRole('tab', { name: 'Settings' }).click();
    expect(await panel.getByTestId('sumo-max-session').inputValue()).toBe('120');
    await panel.getByTestId('sumo-max-session').fill('30');
    await expect.poll(() => panel.getByTestId('settings-search-status').textContent()).toBe('Saved');
    await areas.getByRole('tab', { name: 'Backend errors' }).click();
    const next = panel.getByTestId('next-window');
    await expect
      .poll(async () => Number(await next.getAttribute('data-to')))
      .toBe(c.startTimestamp + 30 * 60_000 + SLACK_MS);
    expect(Number(await next.getAttribute('data-from'))).toBe(c.startTimestamp - SLACK_MS);
  });

  it("with the customer's token instead: the window ends at the token's expiry", async () => {
    const { panel } = s;
    const c = demo.world.customerSession;
    await useByHand(panel, c.token);
    await expect.poll(() => panel.getByTestId('current-token').textContent()).toBe(c.token);
    await panel.getByRole('tab', { name: 'Backend errors' }).click();
    const next = panel.getByTestId('next-window');
    await expect.poll(async () => Number(await next.getAttribute('data-to'))).toBe(c.expiresAt + SLACK_MS);
    expect(Number(await next.getAttribute('data-from'))).toBe(c.startTimestamp - SLACK_MS);
    await searchAndWait(panel);
    await expect
      .poll(() => panel.getByTestId('query-tag').textContent())
      .toBe(`"openReplaySessionToken=${c.token}" OR "openReplaySession.id=${c.sessionId}"`);
    expect(Number(await panel.getByTestId('search-window').getAttribute('data-to'))).toBe(c.expiresAt + SLACK_MS);
    await expect.poll(() => panel.getByTestId('log-line').count()).toBe(6);
  });

  it('a URL without a session id gets its reason', async () => {
    const { panel } = s;
    const c = demo.world.customerSession;
    await useByHand(panel, `${new URL(c.sessionUrl).origin}/1/sessions?page=2`);
    expect(await panel.getByTestId('manual-error').textContent()).toBe(
      'This URL holds no session id (its path is /1/sessions): a session URL ends in /session/<id> or, for a live session, ' +
        '/assist/<id>, e.g. https://app.openreplay.com/12/session/2618307011354435587. Open the session in OpenReplay and copy ' +
        'the address from there, or paste its token or id.',
    );
    // The session in use did not change.
    expect(await panel.getByTestId('current-token').textContent()).toBe(c.token);
  });
});
