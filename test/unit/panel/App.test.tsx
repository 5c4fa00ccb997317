// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { App } from '../../../src/panel/App.tsx';
import { panelHarness, settle } from '../../support/panel-harness.tsx';
import { giveScrollBoxesASize } from '../../support/layout.ts';

vi.mock('webextension-polyfill', async () => ({
  default: (await import('../../support/fake-browser.ts')).sharedFakeBrowser.browser,
}));

let undoLayout: () => void;
beforeEach(() => {
  vi.stubGlobal('__REPLAY_LINK_VERSION__', '9.8.7');
  vi.stubGlobal('__REPLAY_LINK_DEMO__', false);
  undoLayout = giveScrollBoxesASize(900, 300);
});
afterEach(() => {
  cleanup();
  undoLayout();
  vi.unstubAllGlobals();
});

/** The area tab (the Requests area has sub-tabs of its own). */
const tab = (id: string) => document.getElementById(`tab-${id}`) as HTMLElement;
const areaTabs = () => [
  ...screen.getByRole('tablist', { name: 'Replay Link areas' }).querySelectorAll<HTMLElement>('[role=tab]'),
];
const selectedTab = () => areaTabs().find((t) => t.getAttribute('aria-selected') === 'true');

describe('App: the areas as WAI-ARIA tabs', () => {
  it('lists the five areas, the Session area shown and labelled by its tab', async () => {
    const h = panelHarness();
    h.render(<App />);
    await settle();
    expect(areaTabs().map((t) => t.textContent)).toEqual([
      'Session',
      'Requests',
      'Backend errors',
      'Timeline',
      'Settings',
    ]);
    expect(areaTabs().map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe('tab-session');
    expect(screen.getByRole('heading', { name: 'Session', level: 2 })).toBeTruthy();
  });

  it('arrow keys, Home and End move between areas, each loaded when first shown', async () => {
    const h = panelHarness();
    h.render(<App />);
    await settle();
    fireEvent.keyDown(tab('session'), { key: 'ArrowRight' });
    await settle();
    expect(selectedTab()?.textContent).toBe('Requests');
    expect(h.model.ui.area.value).toBe('requests');
    await waitFor(() => expect(screen.getByRole('searchbox', { name: 'Filter requests' })).toBeTruthy());
    fireEvent.keyDown(tab('requests'), { key: 'End' });
    await settle();
    expect(selectedTab()?.textContent).toBe('Settings');
    fireEvent.keyDown(tab('settings'), { key: 'ArrowRight' });
    await settle();
    expect(selectedTab()?.textContent).toBe('Session');
    fireEvent.keyDown(tab('session'), { key: 'ArrowLeft' });
    await settle();
    expect(selectedTab()?.textContent).toBe('Settings');
    fireEvent.keyDown(tab('settings'), { key: 'Home' });
    await settle();
    expect(selectedTab()?.textContent).toBe('Session');
  });

  it('number keys go to an area and `/` to the Requests filter, from anywhere', async () => {
    const h = panelHarness();
    h.render(<App />);
    await settle();
    fireEvent.keyDown(document.body, { key: '3' });
    await settle();
    expect(selectedTab()?.textContent).toBe('Backend errors');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Backend errors', level: 2 })).toBeTruthy());
    fireEvent.keyDown(document.body, { key: '/' });
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Filter requests' })),
    );
    expect(h.model.ui.area.value).toBe('requests');
  });
});
