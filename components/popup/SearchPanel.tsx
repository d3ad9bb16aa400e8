import { useEffect, useState } from 'preact/hooks';
import type { PaperSummary } from '../../lib/message-schemas';
import type { SearchSort } from '../../lib/search';
import { ResultCount } from './ResultCount';
import { ResultList } from './ResultList';
import { SearchBox } from './SearchBox';
import { NO_FILTERS, SearchFilterBar, type SearchFilters } from './SearchFilterBar';
import { SortSelect } from './SortSelect';
import { useLibrarySearch } from './use-library-search';
import { useResultKeys } from './use-result-keys';

export interface SearchPanelProps {
  /** Whose papers: a followed author's id, or null for the whole library. */
  authorId: string | null;
  isSaved(id: string): boolean;
  /** Whether a paper came with the latest arXiv refreshes and has not been seen yet. */
  isNew?: (id: string) => boolean;
  toggleSave(paper: PaperSummary): void;
  /** Opens a URL in a new tab. */
  open(url: string): void;
  /** The sort in use (the user's last choice is remembered in settings). */
  sort: SearchSort;
  sortChanged(sort: SearchSort): void;
  /** The background answered (or failed) for the first time. */
  onAnswered?: () => void;
}

/**
 * Search over the library (or one followed author's papers), answered by the
 * background: a focused search box, category chips, year and code filters, a
 * sort, and the results. Keyboard: ↓/↑ move through the results, Enter opens a
 * paper, Shift+Enter saves it, Escape clears the query.
 */
export function SearchPanel({
  authorId,
  isSaved,
  isNew = () => false,
  toggleSave,
  open,
  sort,
  sortChanged,
  onAnswered,
}: SearchPanelProps) {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>(NO_FILTERS);
  const search = useLibrarySearch({ query, authorId, ...filters, sort });
  const answered = search.total !== null || search.error !== null;
  useEffect(() => {
    if (answered) onAnswered?.();
  }, [answered]);
  const filtered = filters.categories.length > 0 || filters.year !== null || filters.hasCode;
  const keys = useResultKeys({ query, queryChanged: setQuery, hits: search.hits, toggleSave, open });

  return (
    <section class="search" aria-label="Search papers">
      <SearchBox query={query} queryChanged={setQuery} onKeyDown={keys.onInputKey} inputRef={keys.input} />
      <SearchFilterBar facets={search.facets} filters={filters} setFilters={setFilters}>
        <SortSelect sort={sort} sortChanged={sortChanged} hasQuery={query.trim() !== ''} />
      </SearchFilterBar>
      {search.error ? (
        <p class="notice error popup-notice" role="alert">
          Paperlens could not search the papers: {search.error}
        </p>
      ) : (
        <ResultCount
          count={search.total ?? 0}
          query={query}
          filtered={filtered}
          loading={search.total === null}
          clearFilters={() => setFilters(NO_FILTERS)}
        />
      )}
      <ResultList
        search={search}
        authorId={authorId}
        isSaved={isSaved}
        isNew={isNew}
        toggleSave={toggleSave}
        listRef={keys.list}
        scrollToRef={keys.scrollTo}
        onKeyDown={keys.onListKey}
      />
    </section>
  );
}
