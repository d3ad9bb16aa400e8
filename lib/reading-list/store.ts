import type { PaperlensDatabase } from '../db';
import { type ReadingListEntry, ReadingListEntrySchema, type ReadingStatus } from './schema';

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

/** Removes an entry and returns it (for undo), or null when it was not saved. */
export async function removeEntry(db: PaperlensDatabase, id: string): Promise<ReadingListEntry | null> {
  const tx = db.transaction('readingList', 'readwrite');
  const existing = await tx.store.get(id);
  if (existing) await tx.store.delete(id);
  await tx.done;
  return existing ?? null;
}

export interface EntryChanges {
  status?: ReadingStatus | undefined;
  note?: string | undefined;
  tags?: string[] | undefined;
}

/** Applies changes to a saved entry; throws when the paper is not in the reading list. */
export async function updateEntry(db: PaperlensDatabase, id: string, changes: EntryChanges): Promise<ReadingListEntry> {
  const tx = db.transaction('readingList', 'readwrite');
  const existing = await tx.store.get(id);
  if (!existing) {
    await tx.done;
    throw new Error(`arXiv:${id} is not in your reading list; save it first.`);
  }
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const updated = ReadingListEntrySchema.parse({ ...existing, ...defined });
  await tx.store.put(updated);
  await tx.done;
  return updated;
}

/** The whole reading list, most recently saved first. */
export async function listEntries(db: PaperlensDatabase): Promise<ReadingListEntry[]> {
  return (await db.getAllFromIndex('readingList', 'by-saved')).reverse();
}

/** A fresh save with nothing of the user's in it yet: no note, no tags, still "to read". */
function isBlank(entry: ReadingListEntry): boolean {
  return !entry.note && entry.tags.length === 0 && entry.status === 'to-read';
}

/**
 * Puts back an entry that was removed (undo), with its date, status, note and
 * tags. When the paper was saved again meanwhile (a Save toggled twice), a
 * blank re-save gives way to the restored entry; one the user has already
 * written in stays.
 */
export async function restoreEntry(db: PaperlensDatabase, entry: ReadingListEntry): Promise<ReadingListEntry> {
  const valid = ReadingListEntrySchema.parse(entry);
  const tx = db.transaction('readingList', 'readwrite');
  const existing = await tx.store.get(valid.id);
  const restored = !existing || isBlank(existing) ? valid : existing;
  if (restored !== existing) await tx.store.put(restored);
  await tx.done;
  return restored;
}
