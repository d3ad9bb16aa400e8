import type { ComponentChildren } from 'preact';
import type { Dispatch, StateUpdater } from 'preact/hooks';
import type { SearchFacets } from '../../lib/search';
import { CategoryChip } from '../CategoryChip';

/** What the filter bar narrows the results to. */
export interface SearchFilters {
  categories: string[];
  year: number | null;
  hasCode: boolean;
}

export const NO_FILTERS: SearchFilters = { categories: [], year: null, hasCode: false };

interface SearchFilterBarProps {
  facets: SearchFacets;
  filters: SearchFilters;
  setFilters: Dispatch<StateUpdater<SearchFilters>>;
  /** The sort control, last in the bar. */
  children: ComponentChildren;
}

/** Category chips (with their paper counts), a year, "has code", and the sort passed in. */
export function SearchFilterBar({ facets, filters, setFilters, children }: SearchFilterBarProps) {
  const toggleCategory = (code: string) =>
    setFilters((current) => ({
      ...current,
      categories: current.categories.includes(code)
        ? current.categories.filter((c) => c !== code)
        : [...current.categories, code],
    }));
  return (
    <fieldset class="filters">
      <legend class="visually-hidden">Filters</legend>
      {facets.categories.map((category) => (
        <button
          key={category.code}
          type="button"
          class="filter-chip"
          aria-pressed={filters.categories.includes(category.code)}
          onClick={() => toggleCategory(category.code)}
          title={category.name}
        >
          <CategoryChip code={category.code} name={category.name} /> {category.count}
        </button>
      ))}
      <label class="filter-select">
        <span class="visually-hidden">Year</span>
        <select
          value={filters.year ?? ''}
          onChange={(event) => {
            const year = event.currentTarget.value ? Number(event.currentTarget.value) : null;
            setFilters((current) => ({ ...current, year }));
          }}
        >
          <option value="">Any year</option>
          {facets.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label class="filter-check">
        <input
          type="checkbox"
          checked={filters.hasCode}
          onChange={(event) => {
            const hasCode = event.currentTarget.checked;
            setFilters((current) => ({ ...current, hasCode }));
          }}
        />
        Has code
      </label>
      {children}
    </fieldset>
  );
}
