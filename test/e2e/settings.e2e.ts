import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { openDemoPanel, startDemo, type Demo } from './support/fixture.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PanelSession } from '../../tooling/devtools-panel.ts';

// Settings save as you go: no Save button, each field checked where it is, and nothing lost when
// the user switches areas or closes DevTools.

const value = (panel: Frame, id: string) => panel.getByTestId(id).inputValue();
const status = (panel: Frame, section: string) => panel.getByTestId(`settings-${section}-status`).textContent();

async function toArea(panel: Frame, name: string): Promise<void> {
  const areas = panel.getByRole('tablist', { name: 'Replay Link areas' });
  await areas.getByRole('tab', { name }).click();
  await areas.getByRole('tab', { name, selected: true }).waitFor();
  // An area's code loads on first show; reads that do not wait (allTextContents) must not see the
  // loading line.
  await panel
    .getByRole('status')
    .filter({ hasText: `Loading ${name}…` })
    .waitFor({ state: 'detached' });
}

describe('Settings save as you go', () => {
  let demo: Demo;
  let s: PanelSession;
  const profileDir = mkdtempSync(join(tmpdir(), 'replay-link-settings-'));

  beforeAll(async () => {
    demo = await startDemo();
    s = await openDemoPanel(demo, '/', { profileDir });
  });
  afterAll(async () => {
    await s?.close();
    await demo?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('keeps changes across areas and a DevTools restart without a Save click; a wrong field waits beside its error', async () => {
    let { panel } = s;
    await toArea(panel, 'Settings');
    expect(await panel.getByRole('button', { name: /^Save/ }).allTextContents()).toEqual(['Save key']);

    await panel.getByTestId('sumo-scope').fill('_sourceCategory=demo/api');
    await panel.getByTestId('sumo-window-start').selectOption('last-minutes');
    await panel.getByTestId('sumo-window-minutes').fill('45');
    await panel.getByTestId('sumo-receipt').check();
    await expect.poll(() => status(panel, 'search')).toBe('Saved');
    await panel.getByTestId('audit-origins').fill('api.example.com:4001\nhttps://*.example.org');
    await expect.poll(() => status(panel, 'scope')).toBe('Saved');

    // A wrong tag name: the error is beside the field and the field is not saved.
    await panel.getByTestId('sumo-tags').fill('openReplaySessionToken, bad$tag');
    await expect
      .poll(() => panel.getByTestId('sumo-tags-error').textContent())
      .toContain('Refused: the tag name contains');
    expect(await status(panel, 'search')).toBe('Not saved: fix the field marked below.');
    expect(await panel.getByTestId('sumo-tags').getAttribute('aria-invalid')).toBe('true');

    // Another area and back: everything as left, the wrong text too.
    await toArea(panel, 'Requests');
    await toArea(panel, 'Settings');
    expect(await value(panel, 'sumo-scope')).toBe('_sourceCategory=demo/api');
    expect(await value(panel, 'sumo-window-minutes')).toBe('45');
    expect(await panel.getByTestId('sumo-receipt').isChecked()).toBe(true);
    expect(await value(panel, 'audit-origins')).toBe('api.example.com:4001\nhttps://*.example.org');
    expect(await value(panel, 'sumo-tags')).toBe('openReplaySessionToken, bad$tag');
    expect(await panel.getByTestId('sumo-tags-error').textContent()).toContain('Refused');

    // DevTools (and the browser) closed and opened again on the same profile, with nothing seeded:
    // the valid changes were stored, the wrong one was not.
    await s.close();
    s = await openDemoPanel(demo, '/', { profileDir, seedStorage: {} });
    panel = s.panel;
    await toArea(panel, 'Settings');
    await expect.poll(() => value(panel, 'sumo-scope')).toBe('_sourceCategory=demo/api');
    expect(await panel.getByTestId('sumo-window-start').inputValue()).toBe('last-minutes');
    expect(await value(panel, 'sumo-window-minutes')).toBe('45');
    expect(await panel.getByTestId('sumo-receipt').isChecked()).toBe(true);
    expect(await value(panel, 'sumo-tags')).toBe('openReplaySessionToken, openReplaySession.id');
    await expect.poll(() => value(panel, 'audit-origins')).toBe('api.example.com:4001\nhttps://*.example.org');
    expect(await panel.getByTestId('sumo-tags-error').count()).toBe(0);
    // The new panel searches with them.
    expect(await status(panel, 'search')).toBe('');
  });

  it('never saves a custom API base that is not an address, and says why beside it', async () => {
    const { panel } = s;
    await toArea(panel, 'Settings');
    const before = await value(panel, 'sumo-custom-api');
    await panel.getByTestId('sumo-custom-api').fill('ftp://example.com/api');
    await expect
      .poll(() => panel.getByTestId('sumo-custom-api-error').textContent())
      .toContain('must start with https://');
    expect(await status(panel, 'connection')).toBe('Not saved: fix the field marked below.');
    expect(await panel.getByTestId('sumo-api-base').textContent()).toContain(before);
    await panel.getByTestId('sumo-custom-api').fill(before);
    await expect.poll(() => status(panel, 'connection')).toBe('Saved');
    expect(await panel.getByTestId('sumo-custom-api-error').count()).toBe(0);
  });
});
