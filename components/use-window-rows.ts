import {
  measureElement,
  observeWindowOffset,
  observeWindowRect,
  type Range,
  type VirtualItem,
  Virtualizer,
  type VirtualizerOptions,
  windowScroll,
} from '@tanstack/virtual-core';
import type { RefObject } from 'preact';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

/** Rows drawn beyond the visible ones on each side, so scrolling never shows a gap. */
const OVERSCAN = 3;

interface WindowRowsOptions {
  count: number;
  /** A row's height before it is measured. */
  estimate: number;
  getKey(index: number): string | number;
  /** The list, for where it starts on the page (and which of its rows holds focus). */
  list: RefObject<HTMLElement | null>;
}

/** The index of the list's row holding keyboard focus (a note or a name being written), or null. */
function focusedRow(list: HTMLElement | null): number | null {
  const focused = document.activeElement;
  if (!list || !focused || !list.contains(focused)) return null;
  let row: Element | null = focused;
  while (row && row.parentElement !== list) row = row.parentElement;
  return row instanceof HTMLElement && row.dataset.index !== undefined ? Number(row.dataset.index) : null;
}

/**
 * The rows of a long list that the window shows (TanStack Virtual, scrolled by
 * the window, as the reading-list page, the popup and the library page are): only those are
 * drawn, so ten thousand saved papers cost what a screenful does.
 */
export function useWindowRows(options: WindowRowsOptions): Virtualizer<Window, HTMLElement> {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const resolved = (): VirtualizerOptions<Window, HTMLElement> => ({
    count: options.count,
    getScrollElement: () => window,
    estimateSize: () => options.estimate,
    getItemKey: options.getKey,
    scrollToFn: windowScroll,
    observeElementRect: observeWindowRect,
    observeElementOffset: observeWindowOffset,
    measureElement,
    overscan: OVERSCAN,
    initialRect: { width: innerWidth, height: innerHeight },
    scrollMargin: (options.list.current?.getBoundingClientRect().top ?? 0) + scrollY,
    rangeExtractor: (range: Range) => {
      const indexes = Array.from(
        {
          length:
            Math.min(range.count - 1, range.endIndex + range.overscan) -
            Math.max(0, range.startIndex - range.overscan) +
            1,
        },
        (_, i) => Math.max(0, range.startIndex - range.overscan) + i,
      );
      // The row holding focus stays drawn while scrolled away.
      const kept = focusedRow(options.list.current);
      return kept === null || kept >= range.count || indexes.includes(kept)
        ? indexes
        : [...indexes, kept].sort((a, b) => a - b);
    },
    onChange: () => redraw(0),
  });
  const [virtualizer] = useState(() => new Virtualizer<Window, HTMLElement>(resolved()));
  virtualizer.setOptions(resolved());
  useLayoutEffect(() => virtualizer._didMount(), []);
  useLayoutEffect(() => virtualizer._willUpdate());
  return virtualizer;
}

/** Where a drawn row stands: its index, the list's length, how it is measured, and the space above it. */
export interface RowPosition {
  index: number;
  of: number;
  measure(row: HTMLElement | null): void;
  /** The rows not drawn between it and the drawn row before it, in pixels (a row kept drawn far from the rest). */
  gap: number;
}

/**
 * The drawn rows' positions and the space after the last. Drawn rows need not follow each other: the row holding
 * focus stays drawn when scrolled far away, and the rows not drawn on either side of it keep their space.
 */
export function drawnRows(rows: Virtualizer<Window, HTMLElement>): {
  positions: RowPosition[];
  before: number;
  after: number;
} {
  const items: VirtualItem[] = rows.getVirtualItems();
  const margin = rows.options.scrollMargin;
  const positions = items.map((item, i) => ({
    index: item.index,
    of: rows.options.count,
    measure: rows.measureElement,
    gap: i === 0 ? 0 : Math.max(0, item.start - (items[i - 1] as VirtualItem).end),
  }));
  const before = (items[0]?.start ?? margin) - margin;
  const after = Math.max(0, rows.getTotalSize() - ((items.at(-1)?.end ?? margin) - margin));
  return { positions, before, after };
}
