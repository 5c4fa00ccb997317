// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { SessionView } from '../../../../src/panel/views/SessionView.tsx';
import {
  makeToken,
  panelHarness,
  sessionByHand,
  sessionWithNoTracker,
  sessionWithToken,
  settle,
} from '../../../support/panel-harness.tsx';

const NOW = Date.UTC(2026, 10, 28, 10, 0, 0);
const SESSION_ID = 2618307011354435587n;
const TOKEN = makeToken(SESSION_ID, NOW + 3_600_000);

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('SessionView', () => {
  it('says it is looking for the tracker before the first probe came back', () => {
    const h = panelHarness();
    h.render(<SessionView />);
    expect(screen.getByTestId('session-status').textContent).toBe('Looking for the tracker…');
    expect(screen.getByText('Looking for an OpenReplay tracker in every frame of the page…')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Session');
  });

  it('shows the session the page runs: its token, id and where it was found', async () => {
    const h = panelHarness();
    h.render(<SessionView />);
    await h.fromDevtools({ type: 'session', session: sessionWithToken(TOKEN, NOW - 60_000) });
    expect(screen.getByTestId('session-status').textContent).toBe('Tracker found');
    expect(screen.getByTestId('current-token').textContent).toBe(TOKEN);
    expect(screen.getByTestId('session-id').textContent).toBe(SESSION_ID.toString());
    expect(screen.getByTestId('token-source').textContent).toBe('sessionStorage');
    expect(screen.getByTestId('token-frame').textContent).toBe('top frame');
    expect(screen.getByRole('button', { name: 'Copy the session token' })).toBeTruthy();
    expect(screen.queryByTestId('manual-banner')).toBeNull();
  });

  it('says what it looked for when the page has no tracker', async () => {
    const h = panelHarness();
    h.render(<SessionView />);
    await h.fromDevtools({ type: 'session', session: sessionWithNoTracker(NOW) });
    expect(screen.getByTestId('session-status').textContent).toBe('No tracker found');
    expect(screen.getByTestId('session-empty').querySelector('.note-title')?.textContent).toBe(
      'No OpenReplay tracker found on this page',
    );
    expect(screen.getByTestId('setup-hint').textContent).toContain('Start @openreplay/tracker in the page');
  });

  it('refuses malformed manual input where it was typed, and sends a good one to the devtools page', async () => {
    const h = panelHarness();
    h.render(<SessionView />);
    const input = screen.getByTestId('manual-input') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'not a token' } });
    fireEvent.submit(input.form as HTMLFormElement);
    await settle();
    const alert = screen.getByRole('alert');
    expect(alert.textContent?.startsWith('Not accepted: ')).toBe(true);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('manual-error');
    expect(h.toDevtools).toEqual([]);

    fireEvent.input(input, { target: { value: TOKEN } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.submit(input.form as HTMLFormElement);
    await settle();
    expect(h.toDevtools).toEqual([{ type: 'manual-session', input: TOKEN }]);
    expect(input.value).toBe('');
  });

  it('marks a session entered by hand and offers the way back', async () => {
    const h = panelHarness();
    h.render(<SessionView />);
    await h.fromDevtools({ type: 'session', session: sessionByHand(TOKEN) });
    expect(screen.getByTestId('entered-by-hand').textContent).toBe('Entered by hand');
    expect(screen.getByTestId('token-source').textContent).toBe('entered by hand');
    const back = screen.getByTestId('manual-clear');
    expect(back.textContent).toBe('Stop using it');
    fireEvent.click(back);
    await settle();
    expect(h.toDevtools).toEqual([{ type: 'clear-manual-session' }]);
  });

  it('lists the tokens seen in this tab, the one in use marked current', async () => {
    const h = panelHarness();
    h.render(<SessionView />);
    const earlier = makeToken(SESSION_ID - 1n, NOW + 1_800_000);
    const first = sessionWithToken(earlier, NOW - 600_000);
    await h.fromDevtools({ type: 'session', session: sessionWithToken(TOKEN, NOW - 60_000, first) });
    expect(screen.getByRole('heading', { name: /Tokens seen in this tab/ }).textContent).toBe(
      'Tokens seen in this tab (2)',
    );
    const rows = screen.getAllByTestId('history-row');
    expect(rows.map((r) => [r.querySelector('code')?.textContent, r.getAttribute('data-current')])).toEqual([
      [TOKEN, 'true'],
      [earlier, 'false'],
    ]);
    expect(rows.map((r) => r.querySelector('.badge')?.textContent)).toEqual(['current', 'earlier']);
  });

  it('"Check again" asks the devtools page to probe now', async () => {
    const h = panelHarness();
    h.render(<SessionView />);
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await settle();
    expect(h.toDevtools).toEqual([{ type: 'refresh-session' }]);
  });
});
