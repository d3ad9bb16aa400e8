import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { plural } from '../../lib/format';
import type { LibraryPaper as Paper } from '../../lib/library/schema';
import type { ReadingListEntry } from '../../lib/reading-list/schema';
import { drawnRows, useWindowRows } from '../use-window-rows';
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
  return <VirtualEntries shown={shown} papersById={papersById} compact={compact} update={update} remove={remove} />;
}

type RowsProps = Pick<EntryListProps, 'shown' | 'papersById' | 'compact' | 'update' | 'remove'>;

/** The entries as a list whose rows out of view are not drawn (see useWindowRows). */
function VirtualEntries({ shown, papersById, compact, update, remove }: RowsProps) {
  const list = useRef<HTMLUListElement>(null);
  // A new key function makes the virtualizer lay out every row again: one per change of the entries shown.
  const getKey = useCallback((index: number) => shown[index]?.id ?? index, [shown]);
  const rows = useWindowRows({
    count: shown.length,
    estimate: compact ? 96 : 150,
    getKey,
    list,
  });
  // The rows come a task after the list itself: opening the list (the popup's tab) is then two short tasks.
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setDrawn(true), 0);
    return () => clearTimeout(timer);
  }, []);
  const { positions, before, after } = drawnRows(rows);
  const drawnPositions = drawn ? positions : [];
  return (
    <ul
      ref={list}
      class="entries"
      aria-label={`${plural(shown.length, 'saved paper')}`}
      style={{ paddingTop: `${drawn ? before : 0}px`, paddingBottom: `${drawn ? after : rows.getTotalSize()}px` }}
    >
      {drawnPositions.map((position) => {
        const entry = shown[position.index] as ReadingListEntry;
        return (
          <EntryRow
            key={entry.id}
            entry={entry}
            paper={papersById.get(entry.id)}
            compact={compact}
            update={update}
            remove={remove}
            position={position}
          />
        );
      })}
    </ul>
  );
}
