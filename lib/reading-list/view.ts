import { normalizeText } from '../text/normalize';
import { MAX_TAG_LENGTH, MAX_TAGS, type ReadingListEntry, type ReadingStatus } from './schema';
import { STATUSES } from './status';

export type EntrySort = 'saved' | 'title' | 'status';

export interface EntryFilter {
  status: ReadingStatus | 'all';
  /** A tag the entry must carry (case-insensitive), or null. */
  tag: string | null;
  /** Words that must all appear in the title, id, note, tags or link text (diacritics ignored). */
  text: string;
}

export const NO_FILTER: EntryFilter = { status: 'all', tag: null, text: '' };

function haystack(entry: ReadingListEntry): string {
  return normalizeText([entry.title, entry.id, entry.note, ...entry.tags, entry.source?.linkText ?? ''].join(' '));
}

const containsAll = (text: string, words: readonly string[]) => words.every((word) => text.includes(word));

export function filterEntries(entries: readonly ReadingListEntry[], filter: EntryFilter): ReadingListEntry[] {
  const words = normalizeText(filter.text).split(' ').filter(Boolean);
  const tag = filter.tag?.toLowerCase() ?? null;
  return entries.filter(
    (entry) =>
      (filter.status === 'all' || entry.status === filter.status) &&
      (tag === null || entry.tags.some((t) => t.toLowerCase() === tag)) &&
      (words.length === 0 || containsAll(haystack(entry), words)),
  );
}

const bySavedDesc = (a: ReadingListEntry, b: ReadingListEntry) =>
  b.savedAt.localeCompare(a.savedAt) || a.id.localeCompare(b.id);

/** Sorted copy: newest saved first; title A–Z; or status (to read, reading, read), newest first within each. */
export function sortEntries(entries: readonly ReadingListEntry[], sort: EntrySort): ReadingListEntry[] {
  const copy = [...entries];
  if (sort === 'title') {
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    return copy.sort((a, b) => collator.compare(a.title, b.title) || bySavedDesc(a, b));
  }
  if (sort === 'status') {
    return copy.sort((a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) || bySavedDesc(a, b));
  }
  return copy.sort(bySavedDesc);
}

export type EntryCounts = Record<ReadingStatus | 'total', number>;

export function countEntries(entries: readonly ReadingListEntry[]): EntryCounts {
  const counts: EntryCounts = { total: entries.length, 'to-read': 0, reading: 0, read: 0 };
  for (const entry of entries) counts[entry.status]++;
  return counts;
}

/** Every tag in use, A–Z, each spelled as first seen. */
export function allTags(entries: readonly ReadingListEntry[]): string[] {
  const seen = new Map<string, string>();
  for (const entry of entries)
    for (const tag of entry.tags) if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
}

/** Tags once each, ignoring case (the first spelling stays), in order, at most {@link MAX_TAGS}. */
export function uniqueTags(tags: Iterable<string>): string[] {
  const unique = new Map<string, string>();
  for (const tag of tags) if (tag && !unique.has(tag.toLowerCase())) unique.set(tag.toLowerCase(), tag);
  return [...unique.values()].slice(0, MAX_TAGS);
}

/** Tags typed as `ml, to cite ,ML` → `['ml', 'to cite']`: trimmed, de-duplicated ignoring case, capped. */
export function parseTags(input: string): string[] {
  return uniqueTags(input.split(',').map((raw) => raw.trim().replace(/\s+/g, ' ').slice(0, MAX_TAG_LENGTH).trim()));
}
