import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoPanel, startDemo, type Demo } from './support/fixture.ts';
import type { PanelSession } from '../../tooling/devtools-panel.ts';

describe('the Replay Link panel in real DevTools', () => {
  let demo: Demo;
  let s: PanelSession;
  beforeAll(async () => {
    demo = await startDemo();
    s = await openDemoPanel(demo);
  });
  afterAll(async () => {
    await s?.close();
    await demo?.close();
  });

  it('registers a panel titled "Replay Link" with its five areas', async () => {
    const tabs = await s.panel.getByRole('tab').allTextContents();
    expect(tabs).toEqual(['Session', 'Requests', 'Backend errors', 'Timeline', 'Settings']);
    const title = await s.devtools.evaluate(() => document.title);
    expect(title).toContain('DevTools');
  });

  it('reads the token that the real tracker in the page holds', async () => {
    await s.page.getByTestId('token').filter({ hasText: /\S/ }).waitFor();
    const pageToken = await s.page.evaluate(() =>
      (window as unknown as { __OPENREPLAY__: { getSessionToken(): string } }).__OPENREPLAY__.getSessionToken(),
    );
    const shown = s.panel.getByTestId('current-token');
    await expect.poll(() => shown.textContent(), { timeout: 15_000 }).toBe(pageToken);
  });
});
