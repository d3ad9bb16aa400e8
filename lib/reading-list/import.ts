import { getMeta, type PaperlensDatabase } from '../db';
import type { ImportSummary } from '../message-schemas';
import { describeZodError } from '../zod-error';
import {
  IMPORT_LIMIT_TEXT,
  IMPORT_LIMITS,
  READING_LIST_FILE_VERSION,
  READING_LIST_FORMAT,
  ReadingListFileSchema,
} from './file-schema';
import { MAX_NOTE_LENGTH, MAX_TAGS, type ReadingListEntry } from './schema';

/** Why a file too large to import is refused, before anything reads it. */
export function tooLargeToImport(name: string): string {
  return `“${name}” is too large to be a reading list. ${IMPORT_LIMIT_TEXT}`;
}
/** How many problems an error message lists before summing up the rest. */
const MAX_PROBLEMS = 10;

export type ParseFileResult = { ok: true; entries: ReadingListEntry[] } | { ok: false; error: string };

const CHOOSE_EXPORT = 'Choose a file made with Paperlens’ “Export as JSON”.';

/**
 * Reads a reading-list file made by the JSON export. Never throws: any problem
 * comes back as a message saying what is wrong with the file and what to do.
 */
export function parseReadingListFile(text: string): ParseFileResult {
  if (text.length > IMPORT_LIMITS.bytes || new TextEncoder().encode(text).byteLength > IMPORT_LIMITS.bytes) {
    return fail(`This file is too large to be a reading list. ${IMPORT_LIMIT_TEXT}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`This file is not JSON (${error instanceof Error ? error.message : String(error)}). ${CHOOSE_EXPORT}`);
  }
  if (Array.isArray(data)) {
    return fail(
      `This file holds a JSON list, not a Paperlens reading list (CSL JSON from Zotero looks like this). ${CHOOSE_EXPORT}`,
    );
  }
  if (typeof data !== 'object' || data === null) {
    return fail(
      `This file holds a single JSON ${data === null ? 'null' : typeof data}, not a Paperlens reading list. ${CHOOSE_EXPORT}`,
    );
  }
  const { format, version } = data as Record<string, unknown>;
  if (format !== READING_LIST_FORMAT) {
    return fail(
      `This JSON file is not a Paperlens reading list: it lacks "format": "${READING_LIST_FORMAT}". ${CHOOSE_EXPORT}`,
    );
  }
  if (typeof version === 'number' && version > READING_LIST_FILE_VERSION) {
    return fail(
      `This reading list was made by a newer Paperlens (file version ${version}); this version reads version ${READING_LIST_FILE_VERSION}. Update Paperlens, then import it again.`,
    );
  }
  const parsed = ReadingListFileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = describeZodError(parsed.error).split('\n');
    const shown = problems.slice(0, MAX_PROBLEMS);
    if (problems.length > MAX_PROBLEMS) shown.push(`…and ${problems.length - MAX_PROBLEMS} more problems`);
    return fail(`This reading-list file has problems, so nothing was imported:\n${shown.join('\n')}`);
  }
  return { ok: true, entries: parsed.data.entries };
}

function fail(error: string): ParseFileResult {
  return { ok: false, error };
}

export interface MergeResult {
  /** Entries to put: the new ones and the existing ones the import changed. */
  toWrite: ReadingListEntry[];
  /** Incoming entries not saved before. */
  added: number;
  /** Saved entries the import changed (more tags, a note, an earlier date). */
  updated: number;
  /** Incoming entries already saved with nothing new to add. */
  unchanged: number;
  /** Ids whose incoming note was not added: the merged note would pass the note limit. */
  notesLeftOut: string[];
  /** Incoming tags not kept because an entry already had the most tags it may hold. */
  tagsLeftOut: number;
}

/** One entry merged, and what of the incoming one did not fit. */
interface Merged {
  entry: ReadingListEntry;
  noteLeftOut: boolean;
  tagsLeftOut: number;
}

/**
 * Merges one incoming entry into a saved one. The saved entry wins (title,
 * status, source, inCorpus), except that:
 * - the earlier of the two `savedAt` is kept;
 * - tags are unioned, saved tags first, case-insensitively deduplicated;
 * - an empty saved note takes the incoming note; when both have notes and the
 *   saved note does not already contain the incoming one, the incoming note is
 *   appended after a blank line (unless that would exceed the note limit).
 * Merging the same entry again changes nothing.
 */
function mergeEntry(existing: ReadingListEntry, incoming: ReadingListEntry): Merged {
  // Saved tags stay as they are; incoming ones are added when new (ignoring case); the first MAX_TAGS are kept.
  const seen = new Set(existing.tags.map((tag) => tag.toLowerCase()));
  const added = incoming.tags.filter((tag) => !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()));
  const tags = [...existing.tags, ...added];
  const note = mergeNotes(existing.note, incoming.note);
  const entry = {
    ...existing,
    savedAt: Date.parse(incoming.savedAt) < Date.parse(existing.savedAt) ? incoming.savedAt : existing.savedAt,
    tags: tags.slice(0, MAX_TAGS),
    note: note ?? existing.note,
  };
  return { entry, noteLeftOut: note === null, tagsLeftOut: Math.max(0, tags.length - MAX_TAGS) };
}

/** The saved note with the incoming one added, or null when together they would pass the note limit. */
function mergeNotes(mine: string, theirs: string): string | null {
  const addition = theirs.trim();
  if (!addition || mine.includes(addition)) return mine;
  if (!mine.trim()) return theirs;
  const appended = `${mine.trimEnd()}\n\n${addition}`;
  return appended.length > MAX_NOTE_LENGTH ? null : appended;
}

function sameEntry(a: ReadingListEntry, b: ReadingListEntry): boolean {
  return (
    a.savedAt === b.savedAt &&
    a.note === b.note &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i])
  );
}

/**
 * Merges an imported list into the saved one by id: every saved entry is kept
 * (see `mergeEntry` for what an import may add to one), new ids are added, and
 * no id appears twice in `toWrite` (an id repeated in `incoming` is merged into
 * itself). Pure.
 */
export function mergeReadingLists(
  existing: readonly ReadingListEntry[],
  incoming: readonly ReadingListEntry[],
): MergeResult {
  const saved = new Map(existing.map((entry) => [entry.id, entry]));
  const merged = new Map<string, ReadingListEntry>();
  const result: MergeResult = { toWrite: [], added: 0, updated: 0, unchanged: 0, notesLeftOut: [], tagsLeftOut: 0 };
  for (const entry of incoming) {
    const base = merged.get(entry.id) ?? saved.get(entry.id);
    if (!base) {
      merged.set(entry.id, entry);
      continue;
    }
    const { entry: into, noteLeftOut, tagsLeftOut } = mergeEntry(base, entry);
    merged.set(entry.id, into);
    if (noteLeftOut) result.notesLeftOut.push(entry.id);
    result.tagsLeftOut += tagsLeftOut;
  }
  for (const [id, entry] of merged) {
    const before = saved.get(id);
    if (!before) result.added++;
    else if (sameEntry(before, entry)) {
      result.unchanged++;
      continue;
    } else result.updated++;
    result.toWrite.push(entry);
  }
  return result;
}

/** How many imports are remembered by id (a page retries only its latest). */
const IMPORTS_KEPT = 10;

/**
 * Imports entries into the reading list in one readwrite transaction: the
 * saved entries are read inside it (so a save from another tab meanwhile is
 * merged, not overwritten) and only new or changed entries are written. If
 * any write fails the transaction aborts and the reading list is as it was.
 * An `importId` seen before (a page asking again after the worker restarted
 * before it could answer) gets the first import's summary and writes nothing.
 */
export async function importReadingList(
  db: PaperlensDatabase,
  entries: readonly ReadingListEntry[],
  importId?: string,
): Promise<ImportSummary> {
  const tx = db.transaction(['readingList', 'meta'], 'readwrite');
  const store = tx.objectStore('readingList');
  try {
    const imports = (await getMeta(tx.objectStore('meta'), 'recentImports')) ?? [];
    const done = imports.find((item) => item.id === importId);
    if (done) {
      await tx.done;
      return done.summary;
    }
    const { toWrite, ...summary } = mergeReadingLists(await store.getAll(), entries);
    // `async` turns a put that throws (a record idb cannot key) into a rejection Promise.all handles with the rest.
    await Promise.all(toWrite.map(async (entry) => store.put(entry)));
    if (importId) {
      const value = [{ id: importId, summary }, ...imports].slice(0, IMPORTS_KEPT);
      await tx.objectStore('meta').put({ key: 'recentImports', value });
    }
    await tx.done;
    return summary;
  } catch (error) {
    // A put that throws (rather than fails) leaves the transaction open with earlier puts pending: abort them.
    try {
      tx.abort();
    } catch {
      // A failed request has aborted it already.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}
