import { useMemo } from 'preact/hooks';
import type { ReadingListClient, ReadingListState } from '../../lib/reading-list/client';
import { STATUS_LABELS, STATUSES } from '../../lib/reading-list/status';
import { countEntries, NO_FILTER } from '../../lib/reading-list/view';
import { EntryList } from './EntryList';
import { ExportImport } from './ExportImport';
import { ListNotices } from './ListNotices';
import { ListToolbar } from './ListToolbar';
import { useEntryView } from './use-entry-view';
import { useSavedPapers } from './use-saved-papers';

export interface ReadingListViewProps {
  client: ReadingListClient;
  state: ReadingListState;
  /** The popup's narrow layout: notes and tags behind a disclosure. */
  compact?: boolean;
}

/** The reading list: counts, filter and sort, the entries, undo, export and import. */
export function ReadingListView({ client, state, compact = false }: ReadingListViewProps) {
  const [papersById, papers] = useSavedPapers(state.entries);
  const entries = state.entries ?? [];
  const view = useEntryView(entries);
  const counts = useMemo(() => countEntries(entries), [entries]);

  if (state.entries === null) {
    return state.error ? <p role="alert">{state.error}</p> : <p aria-busy="true">Loading the reading list…</p>;
  }

  return (
    <section class={compact ? 'reading-list compact' : 'reading-list'} aria-label="Reading list">
      <p class="counts">
        <strong>{counts.total}</strong> saved
        {STATUSES.map((status) => (
          <span key={status}>
            {' · '}
            {counts[status]} {STATUS_LABELS[status].toLowerCase()}
          </span>
        ))}
        {!state.complete && <span aria-busy="true"> · loading the rest…</span>}
      </p>
      <ListToolbar
        filter={view.filter}
        activeTag={view.activeTag}
        setFilter={view.setFilter}
        counts={counts}
        tags={view.tags}
        sort={view.sort}
        setSort={view.setSort}
      />
      <ListNotices client={client} state={state} />
      <EntryList
        empty={entries.length === 0}
        shown={view.shown}
        papersById={papersById}
        compact={compact}
        update={(id, changes, base) => {
          view.pin(id);
          return client.update(id, changes, base);
        }}
        remove={(id) => void client.remove(id)}
        clearFilters={() => view.setFilter(NO_FILTER)}
      />
      <ExportImport client={client} entries={state.complete ? entries : []} papers={papers} compact={compact} />
    </section>
  );
}
