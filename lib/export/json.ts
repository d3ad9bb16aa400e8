import { READING_LIST_FILE_VERSION, READING_LIST_FORMAT, type ReadingListFile } from '../reading-list/file-schema';
import type { ReadingListEntry } from '../reading-list/schema';
import { exportOrder } from './facts';

/** The fields of an entry in schema order, so the same entry always serializes the same way. */
function ordered({ id, title, savedAt, status, note, tags, source, inCorpus }: ReadingListEntry): ReadingListEntry {
  return { id, title, savedAt, status, note, tags, source, inCorpus };
}

/**
 * The reading list as a versioned JSON file (pretty-printed, most recently
 * saved first): the one format `parseReadingListFile` reads back.
 */
export function toJson(entries: readonly ReadingListEntry[], now: Date): string {
  const file: ReadingListFile = {
    format: READING_LIST_FORMAT,
    version: READING_LIST_FILE_VERSION,
    exportedAt: now.toISOString(),
    entries: exportOrder(entries).map(ordered),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
