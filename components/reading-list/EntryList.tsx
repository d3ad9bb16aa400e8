import type { Paper } from '../../lib/corpus/schema';
import type { ReadingListEntry } from '../../lib/reading-list/schema';
import { EntryRow, type EntryRowProps } from './EntryRow';

interface EntryListProps {
  /** Nothing is saved at all. */
  empty: boolean;
  /** The entries the filters let through, in order. */
  shown: ReadingListEntry[];
  papersById: ReadonlyMap<string, Paper>;
  compact: boolean;
  update: EntryRowProps['update'];
  remove(id: string): void;
  clearFilters(): void;
}

/** The saved papers shown, or why there are none. */
export function EntryList({ empty, shown, papersById, compact, update, remove, clearFilters }: EntryListProps) {
  if (empty) {
    return (
      <p class="empty">
        Nothing saved yet. Save papers from the search, from a badge on any page, or by right-clicking a paper link.
      </p>
    );
  }
  if (shown.length === 0) {
    return (
      <p class="empty">
        No saved paper matches these filters.{' '}
        <button type="button" class="link-button" onClick={clearFilters}>
          Clear filters
        </button>
      </p>
    );
  }
  return (
    <ul class="entries" aria-label={`${shown.length} saved papers`}>
      {shown.map((entry) => (
        <EntryRow
          key={entry.id}
          entry={entry}
          paper={papersById.get(entry.id)}
          compact={compact}
          update={update}
          remove={remove}
        />
      ))}
    </ul>
  );
}
