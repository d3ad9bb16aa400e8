import { forEachInSlices } from '../scan/yield';
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

// Entries are replaced, never changed, when edited: each one's folded text is worked out once.
const haystacks = new WeakMap<ReadingListEntry, string>();

/** The text a filter searches, folded as its words are (accents, case, LaTeX). */
function haystack(entry: ReadingListEntry): string {
  let text = haystacks.get(entry);
  if (text === undefined) {
    text = normalizeText([entry.title, entry.id, entry.note, ...entry.tags, entry.source?.linkText ?? ''].join(' '));
    haystacks.set(entry, text);
  }
  return text;
}

/**
 * Works out, in slices that leave the page responsive, the text each entry's
 * filter searches, so the first keystroke in the filter does not do it for
 * ten thousand entries at once.
 */
export function prepareFilter(entries: readonly ReadingListEntry[], signal?: AbortSignal): Promise<void> {
  return forEachInSlices(entries, haystack, signal ? { signal } : {});
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

// Code-unit comparison: ISO dates sort as text, and it is many times faster than localeCompare on long lists.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const bySavedDesc = (a: ReadingListEntry, b: ReadingListEntry) => compare(b.savedAt, a.savedAt) || compare(a.id, b.id);

let collator: Intl.Collator | undefined;

/** Sorted copy: newest saved first; title A–Z; or status (to read, reading, read), newest first within each. */
export function sortEntries(entries: readonly ReadingListEntry[], sort: EntrySort): ReadingListEntry[] {
  const copy = [...entries];
  if (sort === 'title') {
    collator ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    const by = collator;
    return copy.sort((a, b) => by.compare(a.title, b.title) || bySavedDesc(a, b));
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
  for (const entry of entries) {
    for (const tag of entry.tags) {
      const key = tag.toLowerCase();
      if (!seen.has(key)) seen.set(key, tag);
    }
  }
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
