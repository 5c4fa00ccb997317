// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { VirtualRows } from '../../../../src/panel/components/VirtualRows.tsx';
import { giveScrollBoxesASize } from '../../../support/layout.ts';
import { settle } from '../../../support/panel-harness.tsx';

let undoLayout: () => void;
beforeEach(() => {
  // 300 px high: 15 rows of 20 px in view.
  undoLayout = giveScrollBoxesASize(600, 300);
});
afterEach(() => {
  cleanup();
  undoLayout();
});

function list(props: { count: number; scrollToIndex?: number; header?: boolean }) {
  return (
    <VirtualRows
      count={props.count}
      rowHeight={20}
      version={1}
      ariaLabel="Many rows"
      testId="rows"
      {...(props.header ? { header: <div role="row">Head</div>, headerHeight: 20 } : {})}
      scrollToIndex={props.scrollToIndex}
      renderRow={(i, slot) => (
        <div key={slot} role="row" data-index={i}>
          row {i}
        </div>
      )}
    />
  );
}

const drawn = () =>
  screen
    .queryAllByRole('row')
    .map((r) => r.getAttribute('data-index'))
    .filter((i) => i !== null)
    .map(Number);

describe('VirtualRows', () => {
  it('draws only the rows in view plus a margin, however many there are', async () => {
    render(list({ count: 50_000 }));
    await settle();
    expect(drawn()).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const grid = screen.getByRole('grid', { name: 'Many rows' });
    expect(grid.getAttribute('aria-rowcount')).toBe('50000');
  });

  it('draws the rows of the new scroll position', async () => {
    render(list({ count: 50_000 }));
    await settle();
    const grid = screen.getByRole('grid', { name: 'Many rows' });
    grid.scrollTop = 2000;
    fireEvent.scroll(grid);
    await settle();
    expect(drawn()).toEqual(Array.from({ length: 25 }, (_, i) => 95 + i));
  });

  it('counts the header row for screen readers', async () => {
    render(list({ count: 3, header: true }));
    await settle();
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('4');
    expect(drawn()).toEqual([0, 1, 2]);
    expect(screen.getAllByRole('row')[0]?.textContent).toBe('Head');
  });

  it('draws nothing for an empty list', async () => {
    render(list({ count: 0 }));
    await settle();
    expect(drawn()).toEqual([]);
  });

  it('brings the wanted index into view', async () => {
    const view = render(list({ count: 1000 }));
    await settle();
    view.rerender(list({ count: 1000, scrollToIndex: 500 }));
    await settle();
    const grid = screen.getByRole('grid');
    // Row 500 ends at 10,020 px: the box scrolls just far enough to show it at its bottom edge.
    expect(grid.scrollTop).toBe(10_020 - 300);
    fireEvent.scroll(grid);
    await settle();
    expect(drawn()).toContain(500);
    expect(drawn()).not.toContain(0);
  });
});
