import { useMemo, useState } from 'preact/hooks';
import type { Coauthor } from '../../lib/corpus/schema';
import type { LibraryPaper as Paper } from '../../lib/library/schema';
import { createPaperSearch, type SearchSort } from '../../lib/search';
import { ResultCount } from './ResultCount';
import { ResultList } from './ResultList';
import { SearchBox } from './SearchBox';
import { NO_FILTERS, SearchFilterBar, type SearchFilters } from './SearchFilterBar';
import { SortSelect } from './SortSelect';
import { useResultKeys } from './use-result-keys';

export interface SearchPanelProps {
  papers: Paper[];
  coauthors: Coauthor[];
  isSaved(id: string): boolean;
  /** Whether a paper came with the latest arXiv refreshes and has not been seen yet. */
  isNew?: (id: string) => boolean;
  toggleSave(paper: Paper): void;
  /** Opens a URL in a new tab. */
  open(url: string): void;
  /** The sort in use (the user's last choice is remembered in settings). */
  sort: SearchSort;
  sortChanged(sort: SearchSort): void;
  /** The papers are still on their way from the background. */
  loading?: boolean;
}

/**
 * Search over the author's papers: a focused search box, category chips, year
 * and code filters, a sort, and the results. Keyboard: ↓/↑ move through the
 * results, Enter opens a paper, Shift+Enter saves it, Escape clears the query.
 */
export function SearchPanel({
  papers,
  coauthors,
  isSaved,
  isNew = () => false,
  toggleSave,
  open,
  sort,
  sortChanged,
  loading = false,
}: SearchPanelProps) {
  const search = useMemo(() => createPaperSearch(papers), [papers]);
  const facets = useMemo(() => search.facets(), [search]);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>(NO_FILTERS);
  const results = search.search(query, { ...filters, sort });
  const filtered = filters.categories.length > 0 || filters.year !== null || filters.hasCode;
  const keys = useResultKeys({ query, queryChanged: setQuery, results, toggleSave, open });

  return (
    <section class="search" aria-label="Search papers">
      <SearchBox query={query} queryChanged={setQuery} onKeyDown={keys.onInputKey} inputRef={keys.input} />
      <SearchFilterBar facets={facets} filters={filters} setFilters={setFilters}>
        <SortSelect sort={sort} sortChanged={sortChanged} hasQuery={query.trim() !== ''} />
      </SearchFilterBar>
      <ResultCount
        count={results.length}
        query={query}
        filtered={filtered}
        loading={loading}
        clearFilters={() => setFilters(NO_FILTERS)}
      />
      <ResultList
        results={results}
        papers={papers}
        coauthors={coauthors}
        isSaved={isSaved}
        isNew={isNew}
        toggleSave={toggleSave}
        listRef={keys.list}
        onKeyDown={keys.onListKey}
      />
    </section>
  );
}
