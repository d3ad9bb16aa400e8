import { fnv1a } from '../text/fnv';

/**
 * What a page gets to know about the library: a Bloom filter of fixed
 * greatest size over its papers' arXiv ids, DOIs, normalized titles and
 * titles' first words, built by the background and read by content scripts.
 * A page never receives the library itself, so what it costs does not grow
 * with it; a false alarm costs one more key in the batched lookup, and the
 * background, which answers only exact matches, has the last word.
 */

/** The wire form: the filter's bits in base64, and the length window of titles. */
export interface LibraryFilterMessage {
  bits: string;
  hashes: number;
  /** How many papers it describes (0: the library is empty or not loaded yet). */
  papers: number;
  /** Normalized title lengths, shortest and longest. */
  titleLengths: [number, number];
}

export interface LibraryFilter {
  bits: Uint8Array;
  hashes: number;
  /** Raw link texts outside this window are never titles (raw text can be shorter or longer than its fold). */
  minLength: number;
  maxLength: number;
}

/** The greatest filter a page receives: 64 KB, whatever the library's size. */
export const MAX_FILTER_BITS = 2 ** 19;
// 1 KB at least: a small library's filter is then as good as exact (no false alarm in 100,000 other ids).
const MIN_FILTER_BITS = 2 ** 13;
const BITS_PER_KEY = 12;

// The digits an arXiv id spells out in every URL shape: `2402.07871`, or an old-style id's seven (`9901001`).
const ID_DIGITS = /\d{4}\.\d{4,5}|\d{7}/g;

/** The filter's keys, one kind per way a page names a paper. */
export const filterKey = {
  id: (id: string): string => `i:${id.slice(id.lastIndexOf('/') + 1)}`,
  doi: (doi: string): string => `d:${doi.toLowerCase()}`,
  title: (normalizedTitle: string): string => `t:${normalizedTitle}`,
  /** A normalized title's first word: the cheap test before a link text is folded. */
  firstWord: (word: string): string => `w:${word}`,
};

// FNV-1a over the key; each probe then mixes it with its own constant by murmur3's finalizer (probes drawn from
// two hashes, h1 + i·h2, collide whole too often in a filter as small as a 13-paper library's).
function probe(h: number, i: number, mask: number): number {
  h = Math.imul(h ^ Math.imul(i + 1, 0x9e3779b9), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & mask;
}

/** Whether the library may hold `key` (false: it surely does not). */
export function mayHold(filter: LibraryFilter, key: string): boolean {
  const mask = filter.bits.length * 8 - 1;
  const h = fnv1a(key);
  for (let i = 0; i < filter.hashes; i++) {
    const bit = probe(h, i, mask);
    if (!((filter.bits[bit >>> 3] ?? 0) & (1 << (bit & 7)))) return false;
  }
  return true;
}

/** Whether a raw href spells the digits of some library paper's id (only then is it parsed). */
export function hrefMayHoldId(filter: LibraryFilter, href: string): boolean {
  for (const [digits] of href.matchAll(ID_DIGITS)) if (mayHold(filter, filterKey.id(digits))) return true;
  return false;
}

/** The filter a content script reads from the background's message; null when the library is empty. */
export function readLibraryFilter(message: LibraryFilterMessage): LibraryFilter | null {
  if (!message.papers) return null;
  const text = atob(message.bits);
  const bits = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bits[i] = text.charCodeAt(i);
  const [shortest, longest] = message.titleLengths;
  return {
    bits,
    hashes: message.hashes,
    minLength: Math.max(1, shortest - 8),
    maxLength: longest * 2 + 40,
  };
}

/** What the filter is built over: the library's arXiv ids, DOIs and normalized titles. */
export interface FilterSource {
  ids: readonly string[];
  dois: readonly string[];
  titles: readonly string[];
  papers: number;
}

/**
 * The filter's format: the background stores a built filter for the next worker start, and one built by another
 * format would make the content script miss papers. Bump it whenever the keys, hashing or layout change (a test
 * pins the filter of a fixed library to this number).
 */
export const FILTER_FORMAT = 1;

/** The background's side: the filter over a library, sized to it up to {@link MAX_FILTER_BITS}. */
export function buildLibraryFilter({ ids, dois, titles, papers }: FilterSource): LibraryFilterMessage {
  const keys = [
    ...ids.map(filterKey.id),
    ...dois.map(filterKey.doi),
    ...titles.map(filterKey.title),
    ...new Set(titles.map((title) => filterKey.firstWord(title.split(' ')[0] ?? ''))),
  ];
  let size = MIN_FILTER_BITS;
  while (size < keys.length * BITS_PER_KEY && size < MAX_FILTER_BITS) size *= 2;
  const count = Math.min(8, Math.max(1, Math.round((size / Math.max(1, keys.length)) * Math.LN2)));
  const bits = new Uint8Array(size / 8);
  for (const key of keys) {
    const h = fnv1a(key);
    for (let i = 0; i < count; i++) {
      const bit = probe(h, i, size - 1);
      bits[bit >>> 3] = (bits[bit >>> 3] ?? 0) | (1 << (bit & 7));
    }
  }
  return { bits: toBase64(bits), hashes: count, papers, titleLengths: lengthsOf(titles) };
}

function lengthsOf(titles: readonly string[]): [number, number] {
  if (!titles.length) return [0, 0];
  let [shortest, longest] = [Number.POSITIVE_INFINITY, 0];
  for (const { length } of titles) [shortest, longest] = [Math.min(shortest, length), Math.max(longest, length)];
  return [shortest, longest];
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
