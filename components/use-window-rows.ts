import {
  measureElement,
  observeWindowOffset,
  observeWindowRect,
  type Range,
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
  /** The list, for where it starts on the page. */
  list: RefObject<HTMLElement | null>;
  /** A row to keep drawn even when scrolled out of view (the one holding keyboard focus), or null. */
  keep(): number | null;
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
      const kept = options.keep();
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
