import { useRef } from 'preact/hooks';
import type { LibraryPaper as Paper } from '../../lib/library/schema';
import { paperPageUrl } from '../../lib/links/paper-url';
import type { SearchResult } from '../../lib/search';

interface ResultKeysOptions {
  query: string;
  queryChanged(query: string): void;
  results: SearchResult[];
  toggleSave(paper: Paper): void;
  open(url: string): void;
}

/**
 * The search's keyboard: ↓/↑ move from the box through the result rows and back,
 * Enter opens a paper, Shift+Enter saves it, Escape clears the query.
 */
export function useResultKeys({ query, queryChanged, results, toggleSave, open }: ResultKeysOptions) {
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);

  const focusRow = (index: number) => {
    const links = [...(list.current?.querySelectorAll<HTMLAnchorElement>('a.result-title') ?? [])];
    if (index < 0) input.current?.focus();
    else links[Math.min(index, links.length - 1)]?.focus();
  };
  const clearOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !query) return;
    event.preventDefault();
    queryChanged('');
    input.current?.focus();
  };

  const onInputKey = (event: KeyboardEvent) => {
    const first = results[0];
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(0);
    } else if (event.key === 'Enter' && first) {
      event.preventDefault();
      if (event.shiftKey) toggleSave(first.paper);
      else open(paperPageUrl(first.paper));
    } else clearOnEscape(event);
  };

  const onListKey = (event: KeyboardEvent) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-paperlens-id]');
    // The row in focus, whether its title link or its Save button has the focus.
    const index = row ? [...(list.current?.children ?? [])].indexOf(row) : -1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusRow(event.key === 'ArrowDown' ? index + 1 : index - 1);
    } else if (event.key === 'Enter' && event.shiftKey && row) {
      event.preventDefault();
      const result = results.find((r) => r.paper.id === row.dataset.paperlensId);
      if (result) toggleSave(result.paper);
    } else clearOnEscape(event);
  };

  return { input, list, onInputKey, onListKey };
}
