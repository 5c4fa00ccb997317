import { describe, expect, it } from 'vitest';
import { AuditStore } from '../../../../../src/core/audit/audit-store.ts';
import { parseFilter } from '../../../../../src/core/audit/filter.ts';
import { deriveRows, indexOfId, moveSelection } from '../../../../../src/panel/views/requests/visible-rows.ts';
import { nextSort, toggleVerdictFilter } from '../../../../../src/panel/views/requests/requests-state.ts';
import { APP, CURRENT, req, tokenHeader, TOKENS } from '../../../core/audit/fixtures.ts';

function store() {
  const s = new AuditStore({ tokens: TOKENS });
  s.add([
    req({
      url: `${APP}/api/b`,
      status: 500,
      started: '2025-11-26T13:57:00.300Z',
      requestHeaders: tokenHeader(CURRENT.token),
    }),
    req({ url: `${APP}/api/a`, status: 200, started: '2025-11-26T13:57:00.100Z' }),
    req({ url: `${APP}/app.js`, resourceType: 'script', started: '2025-11-26T13:57:00.200Z' }),
  ]);
  return s;
}

const urls = (rows: ReturnType<typeof deriveRows>) => Array.from({ length: rows.count }, (_, i) => rows.at(i)?.req.url);

describe('deriveRows', () => {
  it('reads the store directly in capture order when there is no filter and no sort', () => {
    const s = store();
    const rows = deriveRows(s, null, null);
    expect(urls(rows)).toEqual([`${APP}/api/b`, `${APP}/api/a`, `${APP}/app.js`]);
    expect(rows.at(3)).toBeUndefined();
  });

  it('filters with the parsed filter box', () => {
    const p = parseFilter('verdict:missing');
    if (!p.ok) throw new Error(p.error);
    expect(urls(deriveRows(store(), p.predicate, null))).toEqual([`${APP}/api/a`]);
  });

  it('sorts by a column in both directions', () => {
    const s = store();
    expect(urls(deriveRows(s, null, { column: 'time', direction: 'asc' }))).toEqual([
      `${APP}/api/a`,
      `${APP}/app.js`,
      `${APP}/api/b`,
    ]);
    expect(urls(deriveRows(s, null, { column: 'status', direction: 'desc' }))[0]).toBe(`${APP}/api/b`);
  });

  it('keeps a snapshot count: rows added later do not show until derived again', () => {
    const s = store();
    const rows = deriveRows(s, null, null);
    s.add([req({ url: `${APP}/api/c` })]);
    expect(rows.count).toBe(3);
    expect(deriveRows(s, null, null).count).toBe(4);
  });

  it('finds a row by request id', () => {
    const s = store();
    const rows = deriveRows(s, null, { column: 'time', direction: 'asc' });
    const id = s.at(0)?.req.id ?? '';
    expect(indexOfId(rows, id)).toBe(2);
    expect(indexOfId(rows, 'nope')).toBe(-1);
    expect(indexOfId(rows, null)).toBe(-1);
  });
});

describe('keyboard and header helpers', () => {
  it('moves the selection with arrows, j/k, pages and ends, within bounds', () => {
    expect(moveSelection('ArrowDown', -1, 10, 5)).toBe(0);
    expect(moveSelection('j', 3, 10, 5)).toBe(4);
    expect(moveSelection('k', 0, 10, 5)).toBe(0);
    expect(moveSelection('ArrowDown', 9, 10, 5)).toBe(9);
    expect(moveSelection('PageDown', 7, 10, 5)).toBe(9);
    expect(moveSelection('PageUp', 3, 10, 5)).toBe(0);
    expect(moveSelection('End', 0, 10, 5)).toBe(9);
    expect(moveSelection('Home', 5, 10, 5)).toBe(0);
    expect(moveSelection('x', 5, 10, 5)).toBeNull();
    expect(moveSelection('ArrowDown', -1, 0, 5)).toBeNull();
  });

  it('cycles a column header through ascending, descending and capture order', () => {
    const a = nextSort(null, 'status');
    expect(a).toEqual({ column: 'status', direction: 'asc' });
    const d = nextSort(a, 'status');
    expect(d).toEqual({ column: 'status', direction: 'desc' });
    expect(nextSort(d, 'status')).toBeNull();
    expect(nextSort(d, 'verdict')).toEqual({ column: 'verdict', direction: 'asc' });
  });

  it('toggles the verdict filter a count button sets', () => {
    expect(toggleVerdictFilter('', 'missing')).toBe('verdict:missing');
    expect(toggleVerdictFilter(' verdict:missing ', 'missing')).toBe('');
    expect(toggleVerdictFilter('verdict:blocked', 'missing')).toBe('verdict:missing');
  });
});
