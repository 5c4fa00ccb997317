// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { TimelineView } from '../../../../src/panel/views/TimelineView.tsx';
import { panelHarness, sessionWithToken, settle } from '../../../support/panel-harness.tsx';
import { APP, CURRENT, INGEST, req, tokenHeader } from '../../core/audit/fixtures.ts';
import type { PanelToBackground } from '../../../../src/shared/protocol.ts';
import { formatTime } from '../../../../src/core/time-format.ts';

const STARTED = Date.parse('2025-11-26T13:57:00.000Z');
const NOW = STARTED + 60_000;
const CREDENTIALS = { accessId: 'demo-id', keyMask: '••••••••-key', remembered: false };
const TAG = `[openReplaySessionToken=${CURRENT.token}]`;
const TAG_CLAUSE = `"openReplaySessionToken=${CURRENT.token}"`;

const CHECKOUT = req({
  url: `${APP}/api/checkout`,
  method: 'POST',
  status: 500,
  requestHeaders: tokenHeader(CURRENT.token),
  time: 40,
});
const PROFILE = req({
  url: `${APP}/api/profile`,
  requestHeaders: tokenHeader(CURRENT.token),
  started: '2025-11-26T13:57:10.000Z',
});
const TRACKER = req({ url: `${INGEST}/v1/web/i`, method: 'POST', started: '2025-11-26T13:57:05.000Z' });

/** A backend line written `afterMs` after the checkout request started. */
const logLine = (afterMs: number, raw: string, id: number) => ({
  _messagetime: String(STARTED + afterMs),
  _receipttime: String(STARTED + afterMs + 500),
  _raw: raw,
  _sourcecategory: 'prod/api',
  _messageid: String(id),
});

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function shown(credentials: typeof CREDENTIALS | null = CREDENTIALS) {
  const h = panelHarness({ credentials, now: () => Date.now() });
  h.render(<TimelineView />);
  await h.snapshot(sessionWithToken(CURRENT.token, STARTED - 60_000), [CHECKOUT, PROFILE, TRACKER]);
  await h.loadSettings();
  return h;
}

/** A search through the Timeline's button that found one error 20 ms into the checkout request. */
async function searched(h: Awaited<ReturnType<typeof shown>>) {
  fireEvent.click(screen.getByRole('button', { name: 'Search backend' }));
  await settle();
  const start = h.toWorker.find(
    (m): m is Extract<PanelToBackground, { type: 'search.start' }> => m.type === 'search.start',
  );
  if (!start) throw new Error('no search started');
  const searchId = start.searchId;
  await h.fromWorker({
    type: 'search.started',
    searchId,
    query: TAG_CLAUSE,
    scope: '',
    tagClause: TAG_CLAUSE,
    from: STARTED - 60_000,
    to: NOW,
    uiUrl: null,
  });
  await h.fromWorker({
    type: 'search.messages',
    searchId,
    messages: [
      logLine(20, `${TAG} ERROR TypeError: Cannot read properties of undefined (reading 'total')`, 1),
      logLine(10, `${TAG} INFO checkout received`, 2),
    ],
  });
  await h.fromWorker({
    type: 'search.done',
    searchId,
    truncated: false,
    messageCount: 2,
    warnings: [],
    requests: 4,
    durationMs: 900,
  });
}

describe('TimelineView', () => {
  it('says there is nothing to draw before any request or search', async () => {
    const h = panelHarness();
    h.render(<TimelineView />);
    await settle();
    expect(screen.getByTestId('timeline-empty').textContent).toBe(
      'Nothing to draw yet: requests appear as the page makes them, backend lines after a search.',
    );
    expect(screen.getByTestId('link-status').textContent).toBe('No backend search yet.');
  });

  it('draws the session’s requests as buttons named by method, path and verdict; not-expected ones on demand', async () => {
    await shown();
    const names = () =>
      screen.getAllByTestId('timeline-request').map((r) => r.getAttribute('aria-label') ?? r.textContent);
    expect(names()).toEqual(['POST /api/checkout, carries token', 'GET /api/profile, carries token']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show not-expected requests' }));
    await settle();
    expect(screen.getAllByTestId('timeline-request')).toHaveLength(3);
  });

  it('a search it cannot start says why, where the button is', async () => {
    const h = await shown(null);
    fireEvent.click(screen.getByRole('button', { name: 'Search backend' }));
    await settle();
    expect(h.toWorker.filter((m) => m.type === 'search.start')).toEqual([]);
    const notes = screen.getAllByRole('status').map((n) => n.textContent);
    expect(notes).toContain('not searched: no SumoLogic Access ID/Key saved yet — add them in Settings → SumoLogic');
  });

  it('after a search, draws the backend lines and counts the error linked to its request', async () => {
    const h = await shown();
    await searched(h);
    expect(screen.getByTestId('link-status').textContent).toBe(
      `2 backend lines, 1 error (1 linked) — searched at ${formatTime(NOW, 'clock')}.`,
    );
    expect(screen.getAllByTestId('timeline-error').map((e) => e.getAttribute('aria-label'))).toEqual([
      `Backend error at ${formatTime(STARTED + 20, 'clock')}: ERROR TypeError: Cannot read properties of undefined (reading 'total')`,
    ]);
    // Connectors are drawn for the selection only.
    expect(screen.queryAllByTestId('timeline-link')).toEqual([]);
  });

  it('selecting a request shows it with its linked error; selecting the error shows its request', async () => {
    const h = await shown();
    await searched(h);
    const checkout = screen.getByRole('button', { name: 'POST /api/checkout, carries token' });
    fireEvent.click(checkout);
    await settle();
    expect(checkout.getAttribute('aria-pressed')).toBe('true');
    const details = screen.getByTestId('selection-details');
    expect(details.getAttribute('data-kind')).toBe('request');
    expect(details.querySelector('h3')?.textContent).toBe('POST /api/checkout → 500');
    expect(screen.getAllByTestId('timeline-link')).toHaveLength(1);

    const error = screen.getAllByTestId('timeline-error')[0] as HTMLElement;
    fireEvent.keyDown(error, { key: 'Enter' });
    await settle();
    expect(screen.getByTestId('selection-details').getAttribute('data-kind')).toBe('error');
    expect(screen.getByTestId('selected-error-line').textContent).toContain(
      "ERROR TypeError: Cannot read properties of undefined (reading 'total')",
    );
    expect(screen.getAllByTestId('error-candidate').map((c) => c.querySelector('.what')?.textContent)).toEqual([
      'POST /api/checkout → 500',
    ]);
    fireEvent.click(
      screen.getByRole('button', { name: `Jump to POST /api/checkout at ${formatTime(STARTED, 'clock')}` }),
    );
    await settle();
    expect(h.model.linking.selection.value).toEqual({ kind: 'request', id: CHECKOUT.id });
  });

  it('ui.showErrorInTimeline (from a request’s linked error) selects that error', async () => {
    const h = await shown();
    await searched(h);
    const link = h.model.linking.linking.value.errors[0];
    if (!link) throw new Error('no linked error');
    h.model.ui.goToArea('requests');
    h.model.ui.showErrorInTimeline(`i:${link.log.messageIds.join(',')}`);
    await settle();
    expect(h.model.ui.area.value).toBe('timeline');
    expect(screen.getByTestId('selection-details').getAttribute('data-kind')).toBe('error');
  });

  it('zoom in narrows the range shown and Fit all brings it back', async () => {
    await shown();
    const range = () => screen.getByTestId('timeline-range').textContent;
    const all = range();
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    await settle();
    expect(range()).not.toBe(all);
    fireEvent.click(screen.getByRole('button', { name: 'Fit all' }));
    await settle();
    expect(range()).toBe(all);
  });
});
