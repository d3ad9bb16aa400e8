import type { ReadingStatus } from '../../lib/reading-list/schema';
import { STATUS_LABELS, STATUSES } from '../../lib/reading-list/status';
import type { EntryCounts, EntryFilter, EntrySort } from '../../lib/reading-list/view';

interface ListToolbarProps {
  filter: EntryFilter;
  /** The tag the filter applies (none once no entry has the chosen tag). */
  activeTag: string | null;
  setFilter(filter: EntryFilter): void;
  counts: EntryCounts;
  /** Every tag in use. */
  tags: string[];
  sort: EntrySort;
  setSort(sort: EntrySort): void;
}

/** Filter the reading list by words, status and tag, and sort it. */
export function ListToolbar({ filter, activeTag, setFilter, counts, tags, sort, setSort }: ListToolbarProps) {
  return (
    <div class="list-toolbar">
      <label>
        <span class="visually-hidden">Filter the reading list</span>
        <input
          type="search"
          placeholder="Filter by title, note, tag…"
          value={filter.text}
          onInput={(event) => setFilter({ ...filter, text: event.currentTarget.value })}
        />
      </label>
      <label>
        <span class="visually-hidden">Status</span>
        <select
          value={filter.status}
          onChange={(event) => setFilter({ ...filter, status: event.currentTarget.value as ReadingStatus | 'all' })}
        >
          <option value="all">All statuses</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]} ({counts[status]})
            </option>
          ))}
        </select>
      </label>
      {tags.length > 0 && (
        <label>
          <span class="visually-hidden">Tag</span>
          <select
            value={activeTag ?? ''}
            onChange={(event) => setFilter({ ...filter, tag: event.currentTarget.value || null })}
          >
            <option value="">All tags</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                #{tag}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        <span class="visually-hidden">Sort by</span>
        <select value={sort} onChange={(event) => setSort(event.currentTarget.value as EntrySort)}>
          <option value="saved">Recently saved</option>
          <option value="title">Title</option>
          <option value="status">Status</option>
        </select>
      </label>
    </div>
  );
}
