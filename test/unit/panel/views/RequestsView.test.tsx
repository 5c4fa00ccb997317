// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { RequestsView } from '../../../../src/panel/views/RequestsView.tsx';
import { panelHarness, sessionWithToken, settle } from '../../../support/panel-harness.tsx';
import { giveScrollBoxesASize } from '../../../support/layout.ts';
import { maskToken } from '../../../../src/core/audit/mask.ts';
import { APP, CURRENT, INGEST, OTHER_TOKEN, req, tokenHeader } from '../../core/audit/fixtures.ts';

const NOW = Date.parse('2025-11-26T13:58:00.000Z');

const CARRIES = req({ url: `${APP}/api/carries`, requestHeaders: tokenHeader(CURRENT.token) });
const MISSING = req({ url: `${APP}/api/missing`, method: 'POST' });
const FOREIGN = req({ url: `${APP}/api/foreign`, requestHeaders: tokenHeader(OTHER_TOKEN) });
const TRACKER = req({ url: `${INGEST}/v1/web/i`, method: 'POST' });

let undoLayout: () => void;
beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  undoLayout = giveScrollBoxesASize(900, 300);
});
afterEach(() => {
  cleanup();
  undoLayout();
  vi.useRealTimers();
});

/** Each drawn row as "path: verdict", in table order. */
const rowsShown = () =>
  screen
    .queryAllByTestId('request-row')
    .map(
      (row) =>
        `${row.querySelector('.c-path')?.firstChild?.textContent}: ${row.querySelector('.verdict')?.textContent}`,
    );

async function withRequests() {
  const h = panelHarness();
  h.render(<RequestsView />);
  await h.snapshot(sessionWithToken(CURRENT.token, NOW - 60_000), [CARRIES, MISSING, FOREIGN, TRACKER]);
  return h;
}

describe('RequestsView: rows and verdicts', () => {
  it('shows every captured request with its verdict, in capture order', async () => {
    await withRequests();
    expect(rowsShown()).toEqual([
      '/api/carries: carries token',
      '/api/missing: missing',
      '/api/foreign: foreign token',
      '/ingest/v1/web/i: not expected',
    ]);
    expect(screen.getByTestId('shown-count').textContent).toBe('4 requests');
    expect(screen.getByRole('grid', { name: 'Captured requests' }).getAttribute('aria-rowcount')).toBe('5');
  });

  it('counts requests per verdict', async () => {
    await withRequests();
    const counts = screen.getByRole('group', { name: 'Requests per verdict' });
    expect([...counts.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      '1 carries token',
      '0 stale token',
      '1 foreign token',
      '1 missing',
      '0 blocked',
      '0 token outside scope',
      '1 not expected',
    ]);
    expect(screen.getByTestId('coverage-summary').textContent).toBe(' 33.3%');
  });

  it('adds requests that arrive live', async () => {
    const h = await withRequests();
    await h.fromDevtools({ type: 'requests', added: [req({ url: `${APP}/api/late` })], dropped: 0 });
    expect(rowsShown().at(-1)).toBe('/api/late: missing');
    expect(screen.getByTestId('shown-count').textContent).toBe('5 requests');
  });

  it('says how to get requests when there are none', async () => {
    const h = panelHarness();
    h.render(<RequestsView />);
    await h.snapshot(sessionWithToken(CURRENT.token, NOW - 60_000), []);
    expect(screen.getByTestId('requests-empty').textContent).toBe(
      'No requests yet. Use the page, or reload it to record its requests from the start.',
    );
  });

  it('sorts by a column from its header, and says so to screen readers', async () => {
    await withRequests();
    const header = screen.getByTestId('sort-path');
    fireEvent.click(header);
    await settle();
    expect(header.parentElement?.getAttribute('aria-sort')).toBe('ascending');
    expect(rowsShown().map((r) => r.split(':')[0])).toEqual([
      '/api/carries',
      '/api/foreign',
      '/api/missing',
      '/ingest/v1/web/i',
    ]);
  });
});

describe('RequestsView: the filter', () => {
  it('keeps only the rows the query matches and says how many of all', async () => {
    await withRequests();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Filter requests' }), {
      target: { value: 'verdict:missing' },
    });
    await settle();
    expect(rowsShown()).toEqual(['/api/missing: missing']);
    expect(screen.getByTestId('shown-count').textContent).toBe('1 of 4');
    expect(screen.getByTestId('count-missing').getAttribute('aria-pressed')).toBe('true');
  });

  it('says where a query it cannot read is wrong, and keeps the last rows meanwhile', async () => {
    await withRequests();
    const input = screen.getByRole('searchbox', { name: 'Filter requests' });
    fireEvent.input(input, { target: { value: 'method:POST' } });
    await settle();
    fireEvent.input(input, { target: { value: 'method:POST "api' } });
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('a quote is not closed (at character 13)');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('filter-error');
    expect(rowsShown()).toEqual(['/api/missing: missing', '/ingest/v1/web/i: not expected']);
  });

  it('Esc in the filter clears it', async () => {
    await withRequests();
    const input = screen.getByRole('searchbox', { name: 'Filter requests' });
    fireEvent.input(input, { target: { value: 'verdict:foreign' } });
    await settle();
    fireEvent.keyDown(input, { key: 'Escape' });
    await settle();
    expect((input as HTMLInputElement).value).toBe('');
    expect(rowsShown()).toHaveLength(4);
  });

  it('a verdict count filters by its verdict, and pressed again shows all', async () => {
    await withRequests();
    const foreign = screen.getByTestId('count-foreign');
    fireEvent.click(foreign);
    await settle();
    expect(rowsShown()).toEqual(['/api/foreign: foreign token']);
    expect(foreign.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(foreign);
    await settle();
    expect(rowsShown()).toHaveLength(4);
    expect(foreign.getAttribute('aria-pressed')).toBe('false');
  });
});

describe('RequestsView: selection, detail and capture controls', () => {
  it('a click opens the request’s detail; Esc closes it', async () => {
    await withRequests();
    fireEvent.click(screen.getAllByTestId('request-row')[1] as HTMLElement);
    await settle();
    expect(screen.getByTestId('detail-url').textContent).toBe(`POST ${APP}/api/missing`);
    expect(screen.getAllByTestId('request-row')[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getByRole('complementary', { name: 'Request detail' }), { key: 'Escape' });
    await settle();
    expect(screen.queryByTestId('request-detail')).toBeNull();
  });

  it('the detail shows the token masked until the user reveals it', async () => {
    await withRequests();
    fireEvent.click(screen.getAllByTestId('request-row')[0] as HTMLElement);
    await settle();
    const tokenValue = () => {
      const line = screen
        .getAllByTestId('header-line')
        .find((l) => l.querySelector('dt')?.textContent === 'X-OpenReplay-SessionToken');
      return line?.querySelector('dd') as HTMLElement;
    };
    expect(tokenValue().getAttribute('data-masked')).toBe('true');
    expect(tokenValue().textContent).toBe(maskToken(CURRENT.token));
    expect(tokenValue().textContent).not.toContain(CURRENT.token);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show token values unmasked' }));
    await settle();
    expect(tokenValue().textContent).toBe(CURRENT.token);
  });

  it('ui.goToRequest (from a backend error) selects the request and opens it', async () => {
    const h = await withRequests();
    h.model.ui.goToRequest(FOREIGN.id);
    await settle();
    expect(screen.getByTestId('detail-url').textContent).toBe(`GET ${APP}/api/foreign`);
  });

  it('arrow keys in the table move the selection', async () => {
    await withRequests();
    const grid = screen.getByRole('grid', { name: 'Captured requests' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await settle();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await settle();
    const selected = screen.getAllByTestId('request-row').filter((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected.map((r) => r.getAttribute('data-url'))).toEqual([`${APP}/api/missing`]);
    expect(grid.getAttribute('aria-activedescendant')).toBe('request-row-1');
  });

  it('Clear and Preserve log go to the devtools page', async () => {
    const h = await withRequests();
    h.toDevtools.length = 0;
    fireEvent.click(screen.getByRole('button', { name: 'Clear captured requests' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Preserve log' }));
    await settle();
    expect(h.toDevtools).toEqual([{ type: 'clear' }, { type: 'preserve-log', on: true }]);
  });
});
