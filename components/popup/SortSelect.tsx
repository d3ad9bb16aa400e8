import type { SearchSort } from '../../lib/search';

const SORTS: [SearchSort, string][] = [
  ['relevance', 'Relevance'],
  ['newest', 'Newest'],
  ['novel', 'Most novel'],
];

interface SortSelectProps {
  sort: SearchSort;
  sortChanged(sort: SearchSort): void;
  /** Without a query there is no relevance: that sort lists the newest first, and says so. */
  hasQuery: boolean;
}

/** How the results are ordered. */
export function SortSelect({ sort, sortChanged, hasQuery }: SortSelectProps) {
  return (
    <label class="filter-select">
      <span class="visually-hidden">Sort by</span>
      <select value={sort} onChange={(event) => sortChanged(event.currentTarget.value as SearchSort)}>
        {SORTS.map(([value, label]) => (
          <option key={value} value={value}>
            {value === 'relevance' && !hasQuery ? 'Newest (no query)' : label}
          </option>
        ))}
      </select>
    </label>
  );
}
