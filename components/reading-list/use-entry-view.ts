import { useState } from 'preact/hooks';
import type { ReadingListEntry } from '../../lib/reading-list/schema';
import {
  allTags,
  type EntryFilter,
  type EntrySort,
  filterEntries,
  NO_FILTER,
  sortEntries,
} from '../../lib/reading-list/view';

/** The filter and sort of the reading list, and the entries they let through, in order. */
export function useEntryView(entries: readonly ReadingListEntry[]) {
  const [filter, setFilterState] = useState(NO_FILTER);
  // Rows edited under a filter stay in view (and keep focus) until the filter itself changes.
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set());
  const [sort, setSort] = useState<EntrySort>('saved');
  const setFilter = (next: EntryFilter) => {
    setFilterState(next);
    setPinned(new Set());
  };
  const pin = (id: string) => setPinned((current) => new Set(current).add(id));
  const tags = allTags(entries);
  // A tag filter whose last entry lost the tag (or went) filters nothing any more.
  const activeFilter =
    filter.tag && !tags.some((tag) => tag.toLowerCase() === filter.tag?.toLowerCase())
      ? { ...filter, tag: null }
      : filter;
  const matching = new Set(filterEntries(entries, activeFilter).map((entry) => entry.id));
  const shown = sortEntries(
    entries.filter((entry) => matching.has(entry.id) || pinned.has(entry.id)),
    sort,
  );
  return { filter, activeTag: activeFilter.tag, setFilter, sort, setSort, tags, shown, pin };
}
