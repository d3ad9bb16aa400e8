import { isRestartError, plainError } from '../errors';
import { plural } from '../format';
import type { ImportSummary, ListRequest, UpdateEntryRequest, UpdateOutcome } from '../message-schemas';
import { sendMessage } from '../messages';
import { MAX_NOTE_LENGTH, MAX_TAGS, type ReadingListEntry } from './schema';
import type { EntryBase, EntryChanges } from './store';

/** The background's reading-list messages, as a page uses them. */
export interface ReadingListApi {
  /** The list newest first: all of it, or `limit` entries after the entry `after`. */
  list(page?: ListRequest): Promise<ReadingListEntry[]>;
  save(request: { id: string; title?: string }): Promise<ReadingListEntry>;
  remove(id: string): Promise<ReadingListEntry | null>;
  /** Undoes the latest remove of a paper; resolves to the entry back, or null when there was nothing to undo. */
  undo(id: string): Promise<ReadingListEntry | null>;
  /** The saved entries among `ids` (what another page just changed). */
  entries(ids: readonly string[]): Promise<ReadingListEntry[]>;
  update(request: UpdateEntryRequest): Promise<UpdateOutcome>;
  /** Imports a reading-list file's text; `importId` names the import, so asking again after a worker restart does it once. */
  import(file: string, importId: string): Promise<ImportSummary>;
}

export interface ReadingListState {
  /** Null until the first rows have loaded. */
  entries: ReadingListEntry[] | null;
  /** False while the rest of a long list is still loading (the first rows show meanwhile). */
  complete: boolean;
  /** The last failure, in words; the entries are then what is really stored. */
  error: string | null;
  /** The last removed entry, for Undo. */
  removed: ReadingListEntry | null;
  /** A short confirmation of the last bulk action (import). */
  message: string | null;
}

/** The first rows a page shows (a screenful and more), then the pages the rest comes in. */
const FIRST_PAGE = 50;
const PAGE = 500;
const SHOW_EVERY = 2500;

/**
 * A page's view of the reading list. Changes show at once (optimistically) and
 * are rolled back, with an error, when the background's write fails, so the
 * list on screen never claims something that is not stored.
 */
export class ReadingListClient {
  private state: ReadingListState = { entries: null, complete: false, error: null, removed: null, message: null };
  private readonly listeners = new Set<(state: ReadingListState) => void>();

  constructor(private readonly api: ReadingListApi) {}

  get current(): ReadingListState {
    return this.state;
  }

  subscribe(listener: (state: ReadingListState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  private set(changes: Partial<ReadingListState>): void {
    this.state = { ...this.state, ...changes };
    for (const listener of this.listeners) listener(this.state);
  }

  isSaved(id: string): boolean {
    return this.state.entries?.some((entry) => entry.id === id) ?? false;
  }

  /** Bumped by every write and load, so a load that a write overtook does not undo it on screen. */
  private generation = 0;

  /**
   * Loads the list a page at a time, newest first: on the first load the
   * first rows show at once; a list already shown stays as it is until the
   * new one has loaded whole. No answer is so large that reading it stalls
   * the page, and entries that did not change keep their objects (and what
   * the view worked out for them).
   */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const shownWhole = this.state.complete;
    const loaded: ReadingListEntry[] = [];
    try {
      for (let limit = FIRST_PAGE; ; limit = PAGE) {
        const last = loaded.at(-1);
        const page = await this.api.list({ limit, ...(last && { after: { savedAt: last.savedAt, id: last.id } }) });
        // A write started meanwhile; its own change notice brings a fresher load.
        if (generation !== this.generation) return;
        loaded.push(...page);
        const complete = page.length < limit;
        // While loading for the first time: after the first page and then every few pages (each showing sorts).
        const progress = !shownWhole && (loaded.length === page.length || loaded.length % SHOW_EVERY < limit);
        if (complete || progress) this.set({ entries: keepUnchanged(this.state.entries, loaded), complete });
        if (complete) return;
      }
    } catch (error) {
      this.set({ error: `Could not load the reading list: ${plainError(error)}` });
    }
  }

  /** Another page changed these entries (null: many): shows them as stored, leaving the rest as it is. */
  async changed(ids: readonly string[] | null): Promise<void> {
    if (ids === null || !this.state.complete) return this.refresh();
    const generation = this.generation;
    try {
      const fresh = await this.api.entries(ids);
      if (generation !== this.generation) return;
      const changed = new Set(ids);
      const others = (this.state.entries ?? []).filter((entry) => !changed.has(entry.id));
      this.set({ entries: keepUnchanged(this.state.entries, [...fresh, ...others]) });
    } catch (error) {
      this.set({ error: `Could not load the reading list: ${plainError(error)}` });
    }
  }

  /** Runs a write with an optimistic local change; on failure restores `before` and reports. */
  private async write<T>(
    optimistic: ReadingListEntry[] | null,
    action: () => Promise<T>,
    failure: string,
    /** What the error message adds after saying what went wrong. */
    afterwards = '',
  ): Promise<T | null> {
    const before = this.state.entries;
    this.generation++;
    if (optimistic) this.set({ entries: optimistic, error: null });
    try {
      const result = await action();
      this.set({ error: null });
      return result;
    } catch (error) {
      this.set({ entries: before, error: `${failure}: ${plainError(error)}${afterwards && ` ${afterwards}`}` });
      // Other writes may have landed since `before`: show what is really stored.
      await this.refresh();
      return null;
    }
  }

  async save(id: string, title?: string): Promise<void> {
    const saved = await this.write(
      null,
      () => this.api.save(title ? { id, title } : { id }),
      'Could not save the paper',
    );
    if (saved) this.set({ entries: [saved, ...(this.state.entries ?? []).filter((e) => e.id !== saved.id)] });
  }

  async toggle(id: string, title?: string): Promise<void> {
    if (this.isSaved(id)) await this.remove(id);
    else await this.save(id, title);
  }

  async remove(id: string): Promise<void> {
    const entries = this.state.entries ?? [];
    const removed = await this.write(
      entries.filter((entry) => entry.id !== id),
      () => this.api.remove(id),
      'Could not remove the paper',
    );
    if (removed) this.set({ removed });
  }

  async undoRemove(): Promise<void> {
    const entry = this.state.removed;
    if (!entry) return;
    const restored = await this.write(null, () => this.api.undo(entry.id), 'Could not put the paper back');
    if (restored) {
      this.set({
        removed: null,
        entries: [restored, ...(this.state.entries ?? []).filter((e) => e.id !== restored.id)],
      });
    }
  }

  /**
   * Changes an entry. `base` is what the editing field started from: the
   * background then keeps changes made elsewhere meanwhile (see updateEntry).
   * Resolves to what was stored, or null when the write failed.
   */
  async update(id: string, changes: EntryChanges, base?: EntryBase): Promise<UpdateOutcome | null> {
    const entries = this.state.entries ?? [];
    const outcome = await this.write(
      entries.map((entry) => (entry.id === id ? { ...entry, ...changes } : entry)),
      () => this.api.update({ id, ...changes, ...(base && { base }) }),
      'Could not save your change',
    );
    if (outcome) this.set({ entries: (this.state.entries ?? []).map((e) => (e.id === id ? outcome.entry : e)) });
    return outcome;
  }

  /** Imports a file (its name, for messages, and its text); all of it or, with a message saying why, none. */
  async import(name: string, file: string): Promise<ImportSummary | null> {
    const importId = crypto.randomUUID();
    this.set({ message: `Importing “${name}”…`, error: null });
    const summary = await this.write(
      null,
      () => this.api.import(file, importId),
      `Could not import “${name}”`,
      'Nothing was changed.',
    );
    this.set({ message: summary && describeImport(summary) });
    // The list shows what was imported as it loads, page by page; the summary does not wait for it.
    if (summary) void this.refresh();
    return summary;
  }

  /** Shows an error that happened outside a write (a file that cannot be read). */
  fail(error: string): void {
    this.set({ error, message: null });
  }

  dismiss(): void {
    this.set({ error: null, message: null, removed: null });
  }
}

/** What an import did, in a sentence or two, saying what of the file did not fit. */
export function describeImport(summary: ImportSummary): string {
  const { added, updated, unchanged, notesLeftOut, tagsLeftOut } = summary;
  const parts = [`Imported: ${added} added, ${updated} merged, ${unchanged} already there.`];
  if (notesLeftOut.length) {
    const one = notesLeftOut.length === 1;
    const ids = notesLeftOut.slice(0, 3).map((id) => `arXiv:${id}`);
    if (notesLeftOut.length > 3) ids.push(`${notesLeftOut.length - 3} more`);
    const limit = MAX_NOTE_LENGTH.toLocaleString('en');
    parts.push(
      `${one ? 'The note' : 'The notes'} in the file for ${ids.join(', ')} ${one ? 'was' : 'were'} not added: with ${one ? 'it your note' : 'them your notes'} would pass ${limit} characters.`,
    );
  }
  if (tagsLeftOut) {
    parts.push(`${plural(tagsLeftOut, 'tag')} from the file did not fit: a paper keeps at most ${MAX_TAGS} tags.`);
  }
  return parts.join(' ');
}

/**
 * `fresh`, with the objects of `shown` kept for entries that did not change:
 * the view's per-entry work (the filter's folded text) stays done.
 */
function keepUnchanged(shown: readonly ReadingListEntry[] | null, fresh: ReadingListEntry[]): ReadingListEntry[] {
  if (!shown?.length) return fresh;
  const before = new Map(shown.map((entry) => [entry.id, entry]));
  return fresh.map((entry) => {
    const old = before.get(entry.id);
    return old && sameEntry(old, entry) ? old : entry;
  });
}

function sameEntry(a: ReadingListEntry, b: ReadingListEntry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Asks once more when the background's worker stopped before it answered (it
 * restarts on the next message). Every request here ends in the same state
 * when repeated: a save keeps the entry it finds, a remove or undo finds
 * nothing left to do (a repeated remove answers null, so its Undo is not
 * offered), an update carries its base, an import its id.
 */
export async function askAgainAfterRestart<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (!isRestartError(error)) throw error;
    return ask();
  }
}

/** The client's API over the extension's messages. */
export function messageApi(): ReadingListApi {
  const send = askAgainAfterRestart;
  return {
    list: (page) => send(() => sendMessage('getReadingList', page)),
    save: (request) => send(() => sendMessage('saveToReadingList', request)),
    remove: (id) => send(() => sendMessage('removeFromReadingList', { id })),
    undo: (id) => send(() => sendMessage('undoRemoveFromReadingList', { id })),
    entries: (ids) => send(() => sendMessage('getReadingListEntries', { ids: [...ids] })),
    update: (request) => send(() => sendMessage('updateReadingListEntry', request)),
    import: (file, importId) => send(() => sendMessage('importReadingList', { file, importId })),
  };
}
