import {
  defaultRangeExtractor,
  elementScroll,
  measureElement,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';
import type { RefObject } from 'preact';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

/** Rows drawn beyond the visible ones on each side, so scrolling never shows a gap. */
const OVERSCAN = 4;
/** A list this short is drawn whole (a page of results costs little): only longer ones are windowed. */
const DRAW_ALL_UP_TO = 60;

interface PanelRowsOptions {
  count: number;
  /** A row's height before it is measured. */
  estimate: number;
  getKey(index: number): string | number;
  /** The list; the popup's panel around it is what scrolls. */
  list: RefObject<HTMLElement | null>;
}

const panelOf = (list: HTMLElement | null) => list?.closest<HTMLElement>('.panel') ?? null;

/** Where the list starts within its scrolling panel (below the search box and filters). */
function listOffset(list: HTMLElement | null): number {
  const panel = panelOf(list);
  if (!list || !panel) return 0;
  return list.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop;
}

/**
 * The results the popup's panel shows (TanStack Virtual, scrolled by the panel):
 * only those are drawn, so 100,000 matches cost what a screenful does.
 */
export function usePanelRows(options: PanelRowsOptions): Virtualizer<HTMLElement, HTMLElement> {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const resolved = (): VirtualizerOptions<HTMLElement, HTMLElement> => ({
    count: options.count,
    getScrollElement: () => panelOf(options.list.current),
    estimateSize: () => options.estimate,
    getItemKey: options.getKey,
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    measureElement,
    overscan: OVERSCAN,
    // Before the panel is measured: a popup's height of rows, so the first screenful is drawn at once.
    initialRect: { width: 420, height: 600 },
    scrollMargin: listOffset(options.list.current),
    rangeExtractor: (range) =>
      range.count <= DRAW_ALL_UP_TO ? Array.from({ length: range.count }, (_, i) => i) : defaultRangeExtractor(range),
    onChange: () => redraw(0),
  });
  const [virtualizer] = useState(() => new Virtualizer<HTMLElement, HTMLElement>(resolved()));
  virtualizer.setOptions(resolved());
  useLayoutEffect(() => virtualizer._didMount(), []);
  useLayoutEffect(() => virtualizer._willUpdate());
  return virtualizer;
}
