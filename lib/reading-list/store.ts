import { getMeta, type PaperlensDatabase } from '../db';
import { mergeReadingLists } from './import';
import { MAX_TAGS, type ReadingListEntry, ReadingListEntrySchema, type ReadingStatus } from './schema';

export interface SaveInput {
  id: string;
  title?: string | undefined;
  source?: { url: string; linkText: string } | null | undefined;
}

/**
 * Saves a paper, or returns the existing entry unchanged when it is already
 * saved (saving twice from two tabs keeps the first save's date, note and tags).
 * Corpus papers take their title from the corpus.
 */
export async function saveEntry(db: PaperlensDatabase, input: SaveInput, now = new Date()): Promise<ReadingListEntry> {
  const tx = db.transaction(['readingList', 'papers'], 'readwrite');
  const [existing, paper] = await Promise.all([
    tx.objectStore('readingList').get(input.id),
    tx.objectStore('papers').get(input.id),
  ]);
  if (existing) {
    await tx.done;
    return existing;
  }
  const entry = ReadingListEntrySchema.parse({
    id: input.id,
    // Empty strings fall through: Chrome's context menu gives no link text.
    title: paper?.displayTitle || input.title?.trim() || input.source?.linkText.trim() || `arXiv:${input.id}`,
    savedAt: now.toISOString(),
    status: 'to-read',
    note: '',
    tags: [],
    source: input.source ?? null,
    inCorpus: Boolean(paper),
  });
  await tx.objectStore('readingList').put(entry);
  await tx.done;
  return entry;
}

/** How long, and how many, removed entries are kept for undo. */
const UNDO_WINDOW_MS = 60 * 60 * 1000;
const UNDO_KEEP = 20;

/**
 * Removes an entry and returns it, or null when it was not saved. The entry
 * is kept aside (in the same transaction) for a while, so the remove can be
 * undone by id from anywhere, a page's card included.
 */
export async function removeEntry(
  db: PaperlensDatabase,
  id: string,
  now = new Date(),
): Promise<ReadingListEntry | null> {
  const { tx, removed } = await withRemoved(db, now);
  const existing = await tx.objectStore('readingList').get(id);
  if (existing) {
    const kept = removed.filter((item) => item.entry.id !== id);
    await Promise.all([
      tx.objectStore('readingList').delete(id),
      tx.objectStore('meta').put({
        key: 'recentlyRemoved',
        value: [{ entry: existing, removedAt: now.toISOString() }, ...kept].slice(0, UNDO_KEEP),
      }),
    ]);
  }
  await tx.done;
  return existing ?? null;
}

/** A transaction over the list and the entries removed lately (those still within the undo window). */
async function withRemoved(db: PaperlensDatabase, now: Date) {
  const tx = db.transaction(['readingList', 'meta'], 'readwrite');
  const all = (await getMeta(tx.objectStore('meta'), 'recentlyRemoved')) ?? [];
  const removed = all.filter((item) => now.getTime() - Date.parse(item.removedAt) < UNDO_WINDOW_MS);
  return { tx, removed };
}

/**
 * Undoes the latest remove of `id` (within the undo window): the entry comes
 * back as it was, date, status, note and tags. When the paper was saved again
 * meanwhile, a blank re-save gives way to it; one the user has written in
 * keeps what they wrote and gains the removed note and tags, as an import
 * merges them. Null when there is nothing to undo.
 */
export async function undoRemove(
  db: PaperlensDatabase,
  id: string,
  now = new Date(),
): Promise<ReadingListEntry | null> {
  const { tx, removed } = await withRemoved(db, now);
  const item = removed.find((candidate) => candidate.entry.id === id);
  if (!item) {
    await tx.done;
    return null;
  }
  const existing = await tx.objectStore('readingList').get(id);
  const stored = ReadingListEntrySchema.safeParse(item.entry);
  if (!stored.success) {
    await tx.done;
    return null;
  }
  const restored =
    !existing || isBlank(existing)
      ? stored.data
      : (mergeReadingLists([existing], [stored.data]).toWrite[0] ?? existing);
  await Promise.all([
    restored !== existing ? tx.objectStore('readingList').put(restored) : undefined,
    tx.objectStore('meta').put({ key: 'recentlyRemoved', value: removed.filter((candidate) => candidate !== item) }),
  ]);
  await tx.done;
  return restored;
}

export interface EntryChanges {
  status?: ReadingStatus | undefined;
  note?: string | undefined;
  tags?: string[] | undefined;
}

/** What an editor's fields held when the user started changing them (to tell their change from others'). */
export interface EntryBase {
  note?: string | undefined;
  tags?: string[] | undefined;
}

export interface UpdateOutcome {
  entry: ReadingListEntry;
  /** The note stored now, when it changed elsewhere since the editor read it: this change did not replace it. */
  noteConflict: string | null;
}

/**
 * Tags after one editor's change on top of what is stored now: the tags it
 * added and removed since `base`, applied to `stored` (case-insensitive), so
 * tags added in another tab meanwhile stay.
 */
export function mergeTags(stored: readonly string[], base: readonly string[], mine: readonly string[]): string[] {
  const key = (tag: string) => tag.toLowerCase();
  const baseKeys = new Set(base.map(key));
  const mineKeys = new Set(mine.map(key));
  const removed = new Set([...baseKeys].filter((tag) => !mineKeys.has(tag)));
  // A tag I only re-spelled (`moe` → `MoE`) takes my spelling, unless another tab re-spelled it too.
  const respelled = new Map(mine.filter((tag) => base.includes(tag) === false).map((tag) => [key(tag), tag]));
  const kept = stored
    .filter((tag) => !removed.has(key(tag)))
    .map((tag) => (base.includes(tag) && respelled.has(key(tag)) ? (respelled.get(key(tag)) as string) : tag));
  const keptKeys = new Set(kept.map(key));
  const added = mine.filter((tag) => !baseKeys.has(key(tag)) && !keptKeys.has(key(tag)) && keptKeys.add(key(tag)));
  return [...kept, ...added].slice(0, MAX_TAGS);
}

/**
 * Applies changes to a saved entry; throws when the paper is not in the
 * reading list. With `base` (what the editor started from), a change never
 * overwrites what another tab wrote meanwhile: tags are merged, and a note
 * changed on both sides is left as stored and reported as a conflict.
 */
export async function updateEntry(
  db: PaperlensDatabase,
  id: string,
  changes: EntryChanges,
  base: EntryBase = {},
): Promise<UpdateOutcome> {
  const tx = db.transaction('readingList', 'readwrite');
  const existing = await tx.store.get(id);
  if (!existing) {
    await tx.done;
    throw new Error(`arXiv:${id} is not in your reading list; save it first.`);
  }
  const { note, tags, status } = changes;
  const noteConflict =
    note !== undefined && base.note !== undefined && existing.note !== base.note && existing.note !== note;
  const updated = ReadingListEntrySchema.parse({
    ...existing,
    ...(status !== undefined && { status }),
    ...(note !== undefined && !noteConflict && { note }),
    ...(tags !== undefined && { tags: base.tags ? mergeTags(existing.tags, base.tags, tags) : tags }),
  });
  await tx.store.put(updated);
  await tx.done;
  return { entry: updated, noteConflict: noteConflict ? existing.note : null };
}

/** The saved entries among `ids` (those not saved are left out). */
export async function getEntries(db: PaperlensDatabase, ids: readonly string[]): Promise<ReadingListEntry[]> {
  const store = db.transaction('readingList').store;
  const found = await Promise.all([...new Set(ids)].map((id) => store.get(id)));
  return found.filter((entry) => entry !== undefined);
}

/** A page of the list: at most `limit` entries, those that come after the entry `after` (newest first). */
export interface ListPage {
  limit?: number | undefined;
  after?: { savedAt: string; id: string } | undefined;
}

/**
 * The reading list, most recently saved first (ties: higher id first): all
 * of it, or one page, read from the saved-date index where the last page
 * ended, so a page costs what it holds however far down the list it is.
 */
export async function listEntries(db: PaperlensDatabase, page: ListPage = {}): Promise<ReadingListEntry[]> {
  const { limit, after } = page;
  if (limit === undefined && !after) return (await db.getAllFromIndex('readingList', 'by-saved')).reverse();
  const entries: ReadingListEntry[] = [];
  const range = after ? IDBKeyRange.upperBound(after.savedAt) : null;
  let cursor = await db.transaction('readingList').store.index('by-saved').openCursor(range, 'prev');
  // Entries saved at the same moment as `after` come by id, highest first: skip those already given.
  while (cursor && after && cursor.key === after.savedAt && cursor.primaryKey >= after.id) {
    cursor = await cursor.continue();
  }
  while (cursor && (limit === undefined || entries.length < limit)) {
    entries.push(cursor.value);
    cursor = await cursor.continue();
  }
  return entries;
}

/** A fresh save with nothing of the user's in it yet: no note, no tags, still "to read". */
function isBlank(entry: ReadingListEntry): boolean {
  return !entry.note && entry.tags.length === 0 && entry.status === 'to-read';
}
