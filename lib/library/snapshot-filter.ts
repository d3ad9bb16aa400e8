import type { SnapshotFacts } from './sources/arxiv-jsonl';

/** Which records of the arXiv metadata snapshot an import keeps. */
export interface SnapshotFilter {
  /** Keep records that name a followed author (or a name that could be one). */
  followed: boolean;
  /** Keep records in any of these arXiv categories (`cs.LG`) or archives (`cs`, `hep-th`). */
  categories: string[];
  /** With both tests set: keep a record that passes both (`and`) or either (`or`). */
  join: 'and' | 'or';
}

/** Today's filter: the records that name an author you follow. */
export const DEFAULT_SNAPSHOT_FILTER: SnapshotFilter = { followed: true, categories: [], join: 'and' };

// An archive (`cs`, `cond-mat`), optionally with a subject class (`cs.LG`, `cond-mat.str-el`, `physics.acc-ph`).
const CATEGORY = /^([A-Za-z]+(?:-[A-Za-z]+)*)(?:\.([A-Za-z]+(?:-[A-Za-z]+)*))?$/;
const SEPARATORS = /[\s,]+/;
/** How much of a bad entry an error quotes. */
const QUOTED = 40;
/** How many categories a sentence lists before "or N more". */
const LISTED = 4;

export type CategoriesRead = { ok: true; categories: string[] } | { ok: false; error: string };

/** The entries of a comma- or space-separated category text, unchecked. */
export function splitCategories(text: string): string[] {
  return text.split(SEPARATORS).filter(Boolean);
}

/**
 * Reads "cs.LG, stat.ML" or "hep-th" as categories, each once: the archive in lower case (arXiv's
 * archives are), the subject class as written. The first entry that is not a category is named.
 */
export function parseCategories(text: string): CategoriesRead {
  const categories: string[] = [];
  for (const entry of splitCategories(text)) {
    const match = CATEGORY.exec(entry);
    if (!match) return { ok: false, error: notACategory(entry) };
    const [, archive = '', subject] = match;
    const category = subject === undefined ? archive.toLowerCase() : `${archive.toLowerCase()}.${subject}`;
    if (!categories.includes(category)) categories.push(category);
  }
  return { ok: true, categories };
}

function notACategory(entry: string): string {
  const shown = entry.length > QUOTED ? `${entry.slice(0, QUOTED)}…` : entry;
  return `“${shown}” is not an arXiv category; write them like cs.LG, stat.ML or hep-th`;
}

/** Why a filter cannot be used, as a sentence, or null when it can. */
export function snapshotFilterProblem(filter: SnapshotFilter): string | null {
  const read = parseCategories(filter.categories.join(' '));
  if (!read.ok) return read.error;
  if (!filter.followed && !read.categories.length) {
    return 'the snapshot filter keeps no record: tick “Records naming an author you follow” or name categories (Paperlens does not import the whole snapshot)';
  }
  return null;
}

/** Whether a record's categories (`cs.LG cs.CL`) meet any wanted one; an archive (`cs`) takes all of its classes. */
export function categoryTest(wanted: readonly string[]): (categories: readonly string[]) => boolean {
  const read = parseCategories(wanted.join(' '));
  const wantedSet = new Set(read.ok ? read.categories : []);
  return (categories) =>
    categories.some((category) => {
      const dot = category.indexOf('.');
      const archive = (dot === -1 ? category : category.slice(0, dot)).toLowerCase();
      return wantedSet.has(archive) || (dot !== -1 && wantedSet.has(`${archive}${category.slice(dot)}`));
    });
}

/** The keep-predicate for the snapshot reader; `namesFollowed` says whether authors name a followed author. */
export function snapshotKeep(
  filter: SnapshotFilter,
  namesFollowed: (authors: string[]) => boolean,
): (record: SnapshotFacts) => boolean {
  if (!filter.categories.length) return ({ authors }) => filter.followed && namesFollowed(authors);
  const inCategories = categoryTest(filter.categories);
  if (!filter.followed) return ({ categories }) => inCategories(categories);
  // Categories first: a set lookup is cheaper than matching every author name.
  return filter.join === 'and'
    ? ({ authors, categories }) => inCategories(categories) && namesFollowed(authors)
    : ({ authors, categories }) => inCategories(categories) || namesFollowed(authors);
}

/** What a kept record is, after "none": "names an author you follow or is in cs.LG". */
export function describeSnapshotFilter(filter: SnapshotFilter): string {
  const read = parseCategories(filter.categories.join(' '));
  const categories = read.ok ? read.categories : filter.categories;
  const inCategories = categories.length ? `is in ${listed(categories)}` : '';
  if (!filter.followed) return inCategories;
  const followed = 'names an author you follow';
  return inCategories ? `${followed} ${filter.join} ${inCategories}` : followed;
}

function listed(categories: readonly string[]): string {
  if (categories.length > LISTED)
    return `${categories.slice(0, LISTED).join(', ')} or ${categories.length - LISTED} other categories`;
  if (categories.length === 1) return categories.join('');
  return `${categories.slice(0, -1).join(', ')} or ${categories.at(-1)}`;
}
