import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ReadingListEntry } from '../../lib/reading-list/schema';
import {
  allTags,
  type EntryFilter,
  type EntrySort,
  filterEntries,
  NO_FILTER,
  prepareFilter,
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
  // Worked out again only when what they depend on changes: a keystroke in the filter does not sort again.
  const tags = useMemo(() => allTags(entries), [entries]);
  // A tag filter whose last entry lost the tag (or went) filters nothing any more.
  const activeFilter = useMemo(
    () =>
      filter.tag && !tags.some((tag) => tag.toLowerCase() === filter.tag?.toLowerCase())
        ? { ...filter, tag: null }
        : filter,
    [filter, tags],
  );
  const sorted = useMemo(() => sortEntries(entries, sort), [entries, sort]);
  useEffect(() => {
    const stop = new AbortController();
    void prepareFilter(entries, stop.signal);
    return () => stop.abort();
  }, [entries]);
  const shown = useMemo(() => {
    const matching = filterEntries(sorted, activeFilter);
    if (!pinned.size) return matching;
    const kept = new Set(matching);
    return sorted.filter((entry) => kept.has(entry) || pinned.has(entry.id));
  }, [sorted, activeFilter, pinned]);
  return { filter, activeTag: activeFilter.tag, setFilter, sort, setSort, tags, shown, pin };
}
