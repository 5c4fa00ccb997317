import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';

export interface VirtualRowsProps {
  count: number;
  rowHeight: number;
  /** Renders row `index`; must return one element of exactly rowHeight pixels. */
  renderRow: (index: number) => ComponentChildren;
  /** Changes whenever the rows' content changes without the count changing (sort, filter, verdicts). */
  version: number;
  class?: string;
  ariaLabel: string;
  /** Index to keep in view (keyboard selection). */
  scrollToIndex?: number | undefined;
  onKeyDown?: (e: KeyboardEvent) => void;
}

/**
 * Only the rows in view (plus a few) exist in the DOM, so 50,000 requests cost what 40 do.
 * @tanstack/virtual-core does the range and scroll maths; this is the thin Preact binding.
 */
export function VirtualRows(props: VirtualRowsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [virtualizer] = useState(
    () =>
      new Virtualizer<HTMLDivElement, Element>({
        count: props.count,
        getScrollElement: () => scrollRef.current,
        estimateSize: () => props.rowHeight,
        overscan: 12,
        observeElementRect,
        observeElementOffset,
        scrollToFn: elementScroll,
        onChange: () => rerender(0),
      }),
  );
  virtualizer.setOptions({ ...virtualizer.options, count: props.count, estimateSize: () => props.rowHeight });

  useEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });
  useEffect(() => {
    if (props.scrollToIndex !== undefined && props.scrollToIndex >= 0 && props.scrollToIndex < props.count) {
      virtualizer.scrollToIndex(props.scrollToIndex, { align: 'auto' });
    }
  }, [props.scrollToIndex, virtualizer, props.count]);

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scrollRef}
      class={`vrows ${props.class ?? ''}`}
      role="grid"
      aria-label={props.ariaLabel}
      aria-rowcount={props.count}
      tabIndex={0}
      onKeyDown={props.onKeyDown}
      data-version={props.version}
    >
      <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative', width: '100%' }}>
        <div style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${items[0]?.start ?? 0}px)` }}>
          {items.map((item) => renderRowKeyed(props, item.index))}
        </div>
      </div>
    </div>
  );
}

function renderRowKeyed(props: VirtualRowsProps, index: number) {
  return (
    <div key={index} role="row" aria-rowindex={index + 1} style={{ height: `${props.rowHeight}px` }}>
      {props.renderRow(index)}
    </div>
  );
}
