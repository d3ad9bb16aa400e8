import { type NameKey, nameKey, sameName } from '../names';

/** A followed author as the matcher sees them. */
export interface MatchableAuthor {
  id: string;
  name: string;
  /** Other spellings the user or a source confirmed ("M. Pioro", "Maciej Pioro"). */
  variants: readonly string[];
  /** Written names the user said are not this person, after an ambiguity prompt. */
  notVariants?: readonly string[];
}

/** A written name that could be two or more followed authors. */
export interface Ambiguity {
  written: string;
  /** Followed author ids, in the order the matcher was given the authors. */
  candidates: string[];
}

/** Who a paper belongs to: ids in the order the matcher was given the authors, and the names it could not settle. */
export interface AuthorMatch {
  ids: string[];
  ambiguous: Ambiguity[];
}

export interface AuthorMatcher {
  match(authorList: readonly string[]): AuthorMatch;
}

/** A written name the import preview could offer to follow, and on how many papers it appears. */
export interface FrequentAuthor {
  name: string;
  papers: number;
}

interface Entry {
  order: number;
  id: string;
  keys: NameKey[];
  /** The keys a written name is compared to with sameName. */
  looseKeys: NameKey[];
  spellings: Set<string>;
  notSpellings: Set<string>;
}

/** A person's name key, or null for blanks and groups like "Mistral-AI" (no given name). */
function personKey(name: string): NameKey | null {
  const key = nameKey(name);
  return key?.given.length ? key : null;
}

/** The folded full name, given names first: "Pióro, Maciej" and "Maciej Pioro" are both "maciej pioro". */
function spelling(key: NameKey): string {
  return [...key.given, key.family].join(' ');
}

function personKeys(names: readonly string[]): NameKey[] {
  return names.map(personKey).filter((key): key is NameKey => key !== null);
}

/** Whether `full` spells out the initial `short` stands for: "Maciej Pióro" refines "M. Pioro". */
function refines(full: NameKey, short: NameKey): boolean {
  return (full.given[0]?.length ?? 0) > 1 && short.given[0]?.length === 1 && sameName(full, short);
}

/** Drops initials the author's own keys spell out, so a confirmed "M. Pioro" does not let in "Marek Pióro". */
function looseKeysOf(keys: readonly NameKey[]): NameKey[] {
  return keys.filter((short) => !keys.some((full) => refines(full, short)));
}

function toEntry(author: MatchableAuthor, order: number): Entry {
  const keys = personKeys([author.name, ...author.variants]);
  const notSpellings = new Set(personKeys(author.notVariants ?? []).map(spelling));
  const spellings = new Set(keys.map(spelling));
  return { order, id: author.id, keys, looseKeys: looseKeysOf(keys), spellings, notSpellings };
}

/** Entries under every family name they are known by, each list in `authors` order. */
function indexByFamily(entries: readonly Entry[]): Map<string, Entry[]> {
  const index = new Map<string, Entry[]>();
  for (const entry of entries) {
    for (const family of new Set(entry.keys.map((key) => key.family))) {
      const list = index.get(family);
      if (list) list.push(entry);
      else index.set(family, [entry]);
    }
  }
  return index;
}

/** The entries a written name could be: one exact spelling wins; otherwise every sameName match. */
function candidatesFor(key: NameKey, written: string, sameFamily: readonly Entry[]): Entry[] {
  const open = sameFamily.filter((entry) => !entry.notSpellings.has(written));
  const exact = open.filter((entry) => entry.spellings.has(written));
  if (exact.length === 1) return exact;
  return open.filter((entry) => entry.spellings.has(written) || entry.looseKeys.some((known) => sameName(key, known)));
}

function idsInOrder(found: Iterable<Entry>): string[] {
  const sorted = [...found].sort((a, b) => a.order - b.order);
  return [...new Set(sorted.map((entry) => entry.id))];
}

/**
 * Indexes followed authors by folded family name once, so that matching a
 * paper costs O(names on the paper), not O(followed authors).
 */
export function createAuthorMatcher(authors: readonly MatchableAuthor[]): AuthorMatcher {
  const byFamily = indexByFamily(authors.map(toEntry));
  return {
    match(authorList) {
      const found = new Set<Entry>();
      const ambiguous = new Map<string, Ambiguity>();
      for (const written of authorList) {
        const key = personKey(written);
        if (!key) continue;
        const folded = spelling(key);
        const candidates = candidatesFor(key, folded, byFamily.get(key.family) ?? []);
        const [only] = candidates;
        if (only && candidates.length === 1) found.add(only);
        else if (candidates.length > 1 && !ambiguous.has(folded))
          ambiguous.set(folded, { written, candidates: idsInOrder(candidates) });
      }
      return { ids: idsInOrder(found), ambiguous: [...ambiguous.values()] };
    },
  };
}

interface Tally {
  papers: number;
  writtenAs: Map<string, number>;
}

function foldCached(written: string, cache: Map<string, string | null>): string | null {
  let folded = cache.get(written);
  if (folded === undefined) {
    const key = personKey(written);
    folded = key ? spelling(key) : null;
    cache.set(written, folded);
  }
  return folded;
}

/** Papers per folded full name, and how often each spelling of it was written. */
function tallyAuthors(authorLists: Iterable<readonly string[]>): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  // Most names recur across papers: fold each distinct spelling once.
  const cache = new Map<string, string | null>();
  for (const list of authorLists) {
    const onPaper = new Set<string>();
    for (const raw of list) {
      const written = raw.trim();
      const folded = foldCached(written, cache);
      if (folded === null || onPaper.has(folded)) continue;
      onPaper.add(folded);
      const tally = tallies.get(folded) ?? { papers: 0, writtenAs: new Map<string, number>() };
      tally.papers++;
      tally.writtenAs.set(written, (tally.writtenAs.get(written) ?? 0) + 1);
      tallies.set(folded, tally);
    }
  }
  return tallies;
}

/** The most written spelling; the first seen on a tie. */
function commonest(writtenAs: Map<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [written, count] of writtenAs) {
    if (count > bestCount) [best, bestCount] = [written, count];
  }
  return best;
}

function isFollowed(matcher: AuthorMatcher, name: string): boolean {
  const { ids, ambiguous } = matcher.match([name]);
  return ids.length > 0 || ambiguous.length > 0;
}

/**
 * The written names on the most papers, most first and ties by folded name,
 * for the import preview's "follow the authors this file names most" offer.
 * Spellings that fold to the same full name count once per paper and show
 * as their commonest spelling ("M. Pioro" and "Maciej Pióro" stay apart).
 * Groups are skipped, and so is any name `exclude` matches or finds ambiguous.
 */
export function mostFrequentAuthors(
  authorLists: Iterable<readonly string[]>,
  limit: number,
  exclude?: AuthorMatcher,
): FrequentAuthor[] {
  const ranked = [...tallyAuthors(authorLists)].sort(
    ([nameA, a], [nameB, b]) => b.papers - a.papers || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0),
  );
  const result: FrequentAuthor[] = [];
  for (const [, tally] of ranked) {
    if (result.length >= limit) break;
    const name = commonest(tally.writtenAs);
    if (!exclude || !isFollowed(exclude, name)) result.push({ name, papers: tally.papers });
  }
  return result;
}

/**
 * A stable id for a followed author: `Pióro, Maciej` → `maciej-pioro`,
 * suffixed `-2`, `-3`… while `taken` has it; `author` when nothing ASCII is left.
 */
export function slugForAuthor(name: string, taken: ReadonlySet<string>): string {
  const key = nameKey(name);
  const folded = key ? spelling(key) : '';
  const base = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'author';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}
