import type { RefObject } from 'preact';
import { useCallback, useEffect } from 'preact/hooks';
import type { PaperSummary } from '../../lib/message-schemas';
import { ResultRow } from './ResultRow';
import type { LibrarySearch } from './use-library-search';
import { usePanelRows } from './use-panel-rows';

interface ResultListProps {
  search: LibrarySearch;
  /** The followed author whose coauthors a row names, or null for everyone's. */
  authorId: string | null;
  isSaved(id: string): boolean;
  isNew(id: string): boolean;
  toggleSave(paper: PaperSummary): void;
  listRef: RefObject<HTMLOListElement | null>;
  /** Scrolls a row into the drawn range (the keyboard moving past the rows drawn). */
  scrollToRef: RefObject<((index: number) => void) | null>;
  onKeyDown(event: KeyboardEvent): void;
}

/** The results, one row per paper, in the order given; only the rows in view are drawn, and fetched. */
export function ResultList({
  search,
  authorId,
  isSaved,
  isNew,
  toggleSave,
  listRef,
  scrollToRef,
  onKeyDown,
}: ResultListProps) {
  const count = search.total ?? 0;
  // A new key function makes the virtualizer lay out every row again (85k at 100k papers): one per page of hits.
  const getKey = useCallback((index: number) => search.hits[index]?.paper.id ?? index, [search.hits]);
  const rows = usePanelRows({
    count,
    estimate: 92,
    getKey,
    list: listRef,
  });
  scrollToRef.current = (index) => rows.scrollToIndex(index, { align: 'auto' });
  const items = rows.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (count > 0) search.need(first, last);
  }, [first, last, count, search.hits]);
  const margin = rows.options.scrollMargin;
  const before = (items[0]?.start ?? margin) - margin;
  const after = rows.getTotalSize() - ((items.at(-1)?.end ?? margin) - margin);
  return (
    <ol
      class="results"
      ref={listRef}
      onKeyDown={onKeyDown}
      aria-label="Papers"
      aria-busy={search.pending}
      style={{ paddingTop: `${before}px`, paddingBottom: `${Math.max(0, after)}px` }}
    >
      {items.map(({ index }) => {
        const hit = search.hits[index];
        const position = { index, of: count, measure: rows.measureElement };
        return hit ? (
          <ResultRow
            key={hit.paper.id}
            hit={hit}
            authorId={authorId}
            saved={isSaved(hit.paper.id)}
            isNew={isNew(hit.paper.id)}
            toggleSave={() => toggleSave(hit.paper)}
            position={position}
          />
        ) : (
          <li
            key={`pending-${index}`}
            class="result result-pending"
            aria-busy="true"
            data-index={index}
            aria-posinset={index + 1}
            aria-setsize={count}
            ref={rows.measureElement}
          />
        );
      })}
    </ol>
  );
}
