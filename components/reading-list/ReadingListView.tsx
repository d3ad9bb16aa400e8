import { useMemo, useRef, useState } from 'preact/hooks';
import type { Paper } from '../../lib/corpus/schema';
import { type ExportFormat, exportReadingList } from '../../lib/export';
import type { ReadingListClient, ReadingListState } from '../../lib/reading-list/client';
import { MAX_FILE_BYTES, parseReadingListFile } from '../../lib/reading-list/import';
import type { ReadingStatus } from '../../lib/reading-list/schema';
import {
  allTags,
  countEntries,
  type EntrySort,
  filterEntries,
  NO_FILTER,
  STATUS_LABELS,
  STATUSES,
  sortEntries,
} from '../../lib/reading-list/view';
import { EntryRow } from './EntryRow';

const FORMATS: [ExportFormat, string][] = [
  ['bibtex', 'BibTeX'],
  ['markdown', 'Markdown'],
  ['csv', 'CSV'],
  ['json', 'JSON'],
];

export interface ReadingListViewProps {
  client: ReadingListClient;
  state: ReadingListState;
  papers: Paper[];
  /** The popup's narrow layout: notes and tags behind a disclosure. */
  compact?: boolean;
}

/** Starts a download of a generated file (no network: a blob URL). */
function download(filename: string, mimeType: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The reading list: counts, filter and sort, the entries, undo, export and import. */
export function ReadingListView({ client, state, papers, compact = false }: ReadingListViewProps) {
  const [filter, setFilterState] = useState(NO_FILTER);
  // Rows edited under a filter stay in view (and keep focus) until the filter itself changes.
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set());
  const setFilter = (next: typeof filter) => {
    setFilterState(next);
    setPinned(new Set());
  };
  const [sort, setSort] = useState<EntrySort>('saved');
  const fileInput = useRef<HTMLInputElement>(null);
  const papersById = useMemo(() => new Map(papers.map((p) => [p.id, p])), [papers]);
  const entries = state.entries ?? [];
  const counts = countEntries(entries);
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

  const onImport = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      client.fail(`“${file.name}” is too large to be a Paperlens reading list (over ${MAX_FILE_BYTES / 1e6} MB).`);
      return;
    }
    const parsed = parseReadingListFile(await file.text());
    if (!parsed.ok) client.fail(`Could not import “${file.name}”: ${parsed.error} Nothing was changed.`);
    else await client.import(parsed.entries);
  };

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
      </p>
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
              value={activeFilter.tag ?? ''}
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
      {state.error && (
        <p class="notice error" role="alert">
          {state.error}
          <button type="button" class="link-button" onClick={() => client.dismiss()}>
            Dismiss
          </button>
        </p>
      )}
      <div class="notice-slot" role="status" aria-live="polite">
        {state.removed && (
          <p class="notice">
            Removed “{state.removed.title}”.{' '}
            <button type="button" class="link-button" onClick={() => void client.undoRemove()}>
              Undo
            </button>
          </p>
        )}
        {!state.removed && state.message && <p class="notice">{state.message}</p>}
      </div>
      {entries.length === 0 ? (
        <p class="empty">
          Nothing saved yet. Save papers from the search, from a badge on any page, or by right-clicking a paper link.
        </p>
      ) : shown.length === 0 ? (
        <p class="empty">
          No saved paper matches these filters.{' '}
          <button type="button" class="link-button" onClick={() => setFilter(NO_FILTER)}>
            Clear filters
          </button>
        </p>
      ) : (
        <ul class="entries" aria-label={`${shown.length} saved papers`}>
          {shown.map((entry) => (
            <EntryRow
              key={entry.id}
              entry={entry}
              paper={papersById.get(entry.id)}
              compact={compact}
              update={(id, changes) => {
                setPinned((current) => new Set(current).add(id));
                void client.update(id, changes);
              }}
              remove={(id) => void client.remove(id)}
            />
          ))}
        </ul>
      )}
      <div class="export-import">
        <span class="export-label">Export</span>
        {FORMATS.map(([format, label]) => (
          <button
            key={format}
            type="button"
            disabled={entries.length === 0}
            onClick={() => {
              const file = exportReadingList(format, entries, papersById, new Date());
              download(file.filename, file.mimeType, file.text);
            }}
          >
            {label}
          </button>
        ))}
        {compact ? (
          // Firefox closes a toolbar popup when a file picker opens, so the popup imports on the full page.
          <a href="/reading-list.html" target="_blank" rel="noreferrer">
            Import JSON on the full page…
          </a>
        ) : (
          <button type="button" onClick={() => fileInput.current?.click()}>
            Import JSON…
          </button>
        )}
        <input
          ref={fileInput}
          class="visually-hidden"
          type="file"
          accept=".json,application/json"
          aria-label="Import a Paperlens reading-list JSON file"
          tabIndex={-1}
          onChange={(event) => void onImport(event)}
        />
      </div>
    </section>
  );
}
