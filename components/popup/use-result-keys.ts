import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';
import { paperPageUrl } from '../../lib/links/paper-url';
import type { PaperSummary, SearchHit } from '../../lib/message-schemas';

interface ResultKeysOptions {
  query: string;
  queryChanged(query: string): void;
  /** Loaded results by position. */
  hits: readonly (SearchHit | undefined)[];
  toggleSave(paper: PaperSummary): void;
  open(url: string): void;
}

/**
 * The search's keyboard: ↓/↑ move from the box through the result rows and back,
 * Enter opens a paper, Shift+Enter saves it, Escape clears the query. Rows out of
 * view are not drawn: moving to one scrolls it in first, then focuses it.
 */
export function useResultKeys({ query, queryChanged, hits, toggleSave, open }: ResultKeysOptions) {
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const scrollTo: RefObject<((index: number) => void) | null> = useRef(null);

  const rowLink = (index: number) =>
    list.current?.querySelector<HTMLAnchorElement>(`[data-index="${index}"] a.result-title`) ?? null;
  const focusRow = (index: number) => {
    if (index < 0) return input.current?.focus();
    const last = hits.length - 1;
    const target = Math.min(index, last);
    if (target < 0) return;
    const link = rowLink(target);
    if (link) return link.focus();
    scrollTo.current?.(target);
    requestAnimationFrame(() => rowLink(target)?.focus());
  };
  const clearOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !query) return;
    event.preventDefault();
    queryChanged('');
    input.current?.focus();
  };

  const onInputKey = (event: KeyboardEvent) => {
    const first = hits[0]?.paper;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(0);
    } else if (event.key === 'Enter' && first) {
      event.preventDefault();
      if (event.shiftKey) toggleSave(first);
      else open(paperPageUrl(first));
    } else clearOnEscape(event);
  };

  const onListKey = (event: KeyboardEvent) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    // The row in focus, whether its title link or its Save button has the focus.
    const index = row ? Number(row.dataset.index) : -1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusRow(event.key === 'ArrowDown' ? index + 1 : index - 1);
    } else if (event.key === 'Enter' && event.shiftKey && row) {
      event.preventDefault();
      const paper = hits[index]?.paper;
      if (paper) toggleSave(paper);
    } else clearOnEscape(event);
  };

  return { input, list, scrollTo, onInputKey, onListKey };
}
