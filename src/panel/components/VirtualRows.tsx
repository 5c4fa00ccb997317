import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { ComponentChildren, VNode } from 'preact';
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';

export interface VirtualRowsProps {
  count: number;
  rowHeight: number;
  /**
   * Renders row `index` as ONE element with `role="row"` that is exactly `rowHeight` pixels high
   * (the list positions rows by arithmetic, never by measuring them), keyed by `slot`: its place
   * among the rows drawn. Scrolling then rewrites the text of elements that stay where they are; a
   * key that followed the row (`index`, or `index % drawn`) made Preact move or rebuild elements
   * every frame, which cost a fast scroll more layout and more garbage (bench/panel-render.ts).
   */
  renderRow: (index: number, slot: number) => VNode;
  /** Changes whenever the rows' content changes without the count changing (sort, filter, verdicts). */
  version: number;
  /** Column headers, kept in view above the rows inside the scroll box (so they scroll sideways with them). */
  header?: ComponentChildren;
  /** Height of `header` in pixels (0 without one). */
  headerHeight?: number;
  class?: string;
  ariaLabel: string;
  /** Index to bring into view; it is scrolled to when this value changes (keyboard selection, clicks). */
  scrollToIndex?: number | undefined;
  /** `id` of the row that has the keyboard selection, for screen readers. */
  activeDescendant?: string | undefined;
  onKeyDown?: (e: KeyboardEvent) => void;
  testId?: string;
}

/**
 * Only the rows in view (plus a few) exist in the DOM, so 50,000 requests cost what 40 do.
 * @tanstack/virtual-core does the range and scroll maths; this is the thin Preact binding.
 */
export function VirtualRows(props: VirtualRowsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const headerHeight = props.header === undefined ? 0 : (props.headerHeight ?? 0);
  const [virtualizer] = useState(
    () =>
      new Virtualizer<HTMLDivElement, Element>({
        count: props.count,
        getScrollElement: () => scrollRef.current,
        estimateSize: () => props.rowHeight,
        // The rows for a scroll position are rendered before that frame is painted (Preact renders in
        // a microtask after the scroll event); the margin only covers what the compositor scrolls
        // into view first, and every extra row is work in every scrolled frame.
        overscan: 5,
        observeElementRect,
        observeElementOffset,
        scrollToFn: elementScroll,
        onChange: () => rerender(0),
      }),
  );
  virtualizer.setOptions({
    ...virtualizer.options,
    count: props.count,
    estimateSize: () => props.rowHeight,
    // The sticky header sits above row 0 inside the scroll box.
    paddingStart: headerHeight,
    scrollPaddingStart: headerHeight,
  });

  useEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });
  // Only when the wanted index changes: new rows arriving must not pull the user back to the selection.
  useEffect(() => {
    const i = props.scrollToIndex;
    if (i !== undefined && i >= 0 && i < virtualizer.options.count) virtualizer.scrollToIndex(i, { align: 'auto' });
  }, [props.scrollToIndex, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const bodyHeight = Math.max(0, virtualizer.getTotalSize() - headerHeight);
  return (
    <div
      ref={scrollRef}
      class={`vrows ${props.class ?? ''}`}
      role="grid"
      aria-label={props.ariaLabel}
      aria-rowcount={props.count + (headerHeight > 0 ? 1 : 0)}
      aria-activedescendant={props.activeDescendant}
      tabIndex={0}
      onKeyDown={props.onKeyDown}
      data-version={props.version}
      data-testid={props.testId}
    >
      {props.header !== undefined && (
        <div
          role="rowgroup"
          class="vrows-head"
          style={{ position: 'sticky', top: 0, zIndex: 1, height: `${headerHeight}px` }}
        >
          {props.header}
        </div>
      )}
      <div role="rowgroup" style={{ height: `${bodyHeight}px`, position: 'relative', minWidth: '100%' }}>
        <div
          style={{
            position: 'absolute',
            top: 0,
            left: 0,
            right: 0,
            transform: `translateY(${(items[0]?.start ?? headerHeight) - headerHeight}px)`,
          }}
        >
          {items.map((item) => props.renderRow(item.index, item.index - first))}
        </div>
      </div>
    </div>
  );
}
