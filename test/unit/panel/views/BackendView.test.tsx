// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { BackendView } from '../../../../src/panel/views/BackendView.tsx';
import { makeToken, panelHarness, sessionWithToken, settle } from '../../../support/panel-harness.tsx';
import type { PanelToBackground } from '../../../../src/shared/protocol.ts';

const NOW = Date.UTC(2026, 10, 28, 10, 0, 0);
const TOKEN = makeToken(2618307011354435587n, NOW + 3_600_000);
const OTHER = makeToken(2618307011354435999n, NOW + 3_600_000);
const TAG = `[openReplaySessionToken=${TOKEN}]`;
const CREDENTIALS = { accessId: 'demo-id', keyMask: '••••••••-key', remembered: false };
const NO_LINES = 'No log lines carry this session’s tag in the searched time window and scope.';

/** A SumoLogic message map for one log line. */
const line = (i: number, raw: string) => ({
  _messagetime: String(NOW - 60_000 + i * 1000),
  _receipttime: String(NOW - 59_000 + i * 1000),
  _raw: raw,
  _sourcecategory: 'prod/api',
  _messageid: String(1000 + i),
});

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const searchButton = () => screen.getByRole('button', { name: 'Search SumoLogic' }) as HTMLButtonElement;

/** The Backend area with the page's session known and the settings loaded. */
async function ready(credentials: typeof CREDENTIALS | null = CREDENTIALS) {
  const h = panelHarness({ credentials, now: () => Date.now() });
  h.render(<BackendView />);
  await h.fromDevtools({ type: 'session', session: sessionWithToken(TOKEN, NOW - 120_000) });
  await h.loadSettings();
  return h;
}

/** Presses Search and returns the id the panel gave the search. */
async function startSearch(h: Awaited<ReturnType<typeof ready>>): Promise<string> {
  fireEvent.click(searchButton());
  await settle();
  const start = h.toWorker.find(
    (m): m is Extract<PanelToBackground, { type: 'search.start' }> => m.type === 'search.start',
  );
  if (!start) throw new Error('no search started');
  return start.searchId;
}

/** The service worker's answer that the search job was made. */
async function started(h: Awaited<ReturnType<typeof ready>>, searchId: string): Promise<void> {
  await h.fromWorker({
    type: 'search.started',
    searchId,
    query: `"openReplaySessionToken=${TOKEN}"`,
    scope: '',
    tagClause: `"openReplaySessionToken=${TOKEN}"`,
    from: NOW - 180_000,
    to: NOW,
    uiUrl: 'https://service.sumologic.com/ui/#/search/create?query=x',
  });
}

describe('BackendView: when a search cannot start, it says why', () => {
  it('while the settings load', () => {
    const h = panelHarness();
    h.render(<BackendView />);
    expect(searchButton().disabled).toBe(true);
    expect(screen.getByTestId('search-refusal').textContent).toBe('Loading the SumoLogic settings…');
  });

  it('without credentials: the button is disabled and described by the reason', async () => {
    await ready(null);
    const button = searchButton();
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBe('search-refusal');
    expect(screen.getByTestId('search-refusal').textContent).toBe(
      'No SumoLogic Access ID/Key saved yet — add them in Settings → SumoLogic.',
    );
  });

  it('with credentials, shows the query it would run and no refusal', async () => {
    await ready();
    expect(searchButton().disabled).toBe(false);
    expect(screen.queryByTestId('search-refusal')).toBeNull();
    expect(screen.getByTestId('query-tag').textContent).toBe(
      `"openReplaySessionToken=${TOKEN}" OR "openReplaySession.id=2618307011354435587"`,
    );
    expect(screen.getByTestId('query-scope').textContent).toBe('(none — all sources)');
  });
});

describe('BackendView: a search, from start to result', () => {
  it('searching: shows the search job being made, then its state, with a Cancel button', async () => {
    const h = await ready();
    const id = await startSearch(h);
    expect(h.toWorker.at(-1)).toEqual({
      type: 'search.start',
      searchId: id,
      target: expect.objectContaining({ token: TOKEN, to: NOW }),
    });
    expect(screen.getByTestId('search-progress').textContent).toContain('Creating the search job');
    expect(searchButton().disabled).toBe(true);
    await started(h, id);
    await h.fromWorker({
      type: 'search.progress',
      searchId: id,
      progress: { state: 'GATHERING RESULTS', messageCount: 3, fetched: 0, elapsedMs: 400, requests: 2 },
    });
    const progress = screen.getByTestId('search-progress');
    expect(progress.getAttribute('data-status')).toBe('running');
    expect(progress.textContent).toContain('3 messages found');
    expect(screen.getByRole('link', { name: 'Open in SumoLogic' }).getAttribute('href')).toBe(
      'https://service.sumologic.com/ui/#/search/create?query=x',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(h.toWorker.at(-1)).toEqual({ type: 'search.cancel', searchId: id });
    expect(screen.getByTestId('search-cancelled').textContent).toBe(
      'Search cancelled; its job on SumoLogic was deleted. Results received so far are shown below.',
    );
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('results: the errors the search found, grouped, with the lines that carry the tag', async () => {
    const h = await ready();
    const id = await startSearch(h);
    await started(h, id);
    await h.fromWorker({
      type: 'search.messages',
      searchId: id,
      messages: [
        line(
          1,
          `${TAG} TypeError: Cannot read properties of undefined (reading 'id')\n    at getUser (/app/src/users.js:12:19)`,
        ),
        line(
          2,
          `${TAG} TypeError: Cannot read properties of undefined (reading 'id')\n    at getUser (/app/src/users.js:12:19)`,
        ),
        line(3, `${TAG} INFO checkout started`),
      ],
    });
    await h.fromWorker({
      type: 'search.done',
      searchId: id,
      truncated: false,
      messageCount: 3,
      warnings: [],
      requests: 4,
      durationMs: 1200,
    });
    expect(screen.getByTestId('search-progress').getAttribute('data-status')).toBe('done');
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('1 error group (2 errors) · 3 linked lines');
    expect(screen.getAllByTestId('error-group')).toHaveLength(1);
    expect(screen.getByTestId('group-count').textContent).toBe('2');
    expect(screen.getByTestId('group-headline').textContent).toContain(
      "TypeError: Cannot read properties of undefined (reading 'id')",
    );
    fireEvent.click(screen.getByRole('checkbox', { name: /Errors only/ }));
    await settle();
    expect(h.model.ui.backend.errorsOnly.value).toBe(false);
    expect(screen.queryAllByTestId('error-group')).toHaveLength(0);
  });

  it('a finished search that found nothing says so', async () => {
    const h = await ready();
    const id = await startSearch(h);
    await started(h, id);
    await h.fromWorker({
      type: 'search.done',
      searchId: id,
      truncated: false,
      messageCount: 0,
      warnings: [],
      requests: 3,
      durationMs: 800,
    });
    expect(screen.getByTestId('results-empty').textContent).toBe(NO_LINES);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('failed is not empty: a refused search says what failed and never "no lines carry the tag"', async () => {
    const h = await ready();
    const id = await startSearch(h);
    await started(h, id);
    await h.fromWorker({
      type: 'search.failed',
      searchId: id,
      error: { kind: 'unauthorized', message: 'The Access ID/Key was refused — check them or create a new key.' },
    });
    expect(screen.getByTestId('search-progress').getAttribute('data-status')).toBe('failed');
    expect(screen.getByRole('alert').textContent).toBe(
      'Credentials refused: The Access ID/Key was refused — check them or create a new key.',
    );
    expect(screen.queryByText(NO_LINES)).toBeNull();
    expect(searchButton().disabled).toBe(false);
  });

  it('a search for a token that is no longer the session’s is cancelled, and the area says why', async () => {
    const h = await ready();
    const id = await startSearch(h);
    await h.fromDevtools({ type: 'session', session: sessionWithToken(OTHER, NOW - 10_000) });
    expect(h.toWorker.at(-1)).toEqual({ type: 'search.cancel', searchId: id });
    expect(screen.getByTestId('search-cancelled').textContent).toBe(
      "The session's token changed while the search ran, so the search was cancelled and its job deleted. Search again for the new session.",
    );
    expect(screen.getByTestId('results-stale').textContent).toBe(
      'The results below are for an earlier session token; press Search for the current session.',
    );
  });

  it('the `s` key’s action (ui.searchCurrentSession) starts the same search from anywhere', async () => {
    const h = await ready();
    h.model.ui.goToArea('session');
    h.model.ui.searchCurrentSession();
    await settle();
    expect(h.model.ui.area.value).toBe('backend');
    expect(h.toWorker.filter((m) => m.type === 'search.start')).toHaveLength(1);
    expect(screen.getByTestId('search-progress').getAttribute('data-status')).toBe('starting');
  });
});
