import { type PaperlensDatabase, readRevision } from '../db';
import type { DbConnection } from '../db-connection';
import type { AuthorTag, ListingAuthorsRequest, ListingAuthorsResponse, ListingEntryMatch } from '../message-schemas';
import { type NameKey, nameKey, sameFirstName } from '../names';
import { type AuthorMatcher, createAuthorMatcher } from './match';
import type { FollowedAuthor } from './schema';

/**
 * What an arXiv listing's entries say about the people you follow: the
 * followed authors on each, the coauthors of followed authors on each, and
 * whether the paper is already in the library. Followed authors (hundreds at
 * most) and membership are read per question; coauthors come from an index
 * kept in the worker for the library's revision ({@link createListingAuthors}):
 * a listing names common family names, so reading the chunks that hold its
 * names read nearly all of them at 100k papers (19 s for 400 entries).
 */

/** Followed authors whose coauthors an entry's chips name; more are counted (at 100k, a common name is many people's coauthor). */
export const LISTING_CHIP_AUTHORS = 3;

/** The coauthor a chip names: as the library knows them, with the papers they share with `authorId`. */
interface KnownCoauthor {
  name: string;
  count: number;
  authorId: string;
  /** Their folded first given name: the index holds their family and initial, so this settles `sameName`. */
  first: string;
}

type Chip = ListingEntryMatch['coauthors'][number];

/** Every followed author's coauthors by folded family name and first initial: the only names a written one can be. */
export interface CoauthorIndex {
  candidates(key: NameKey): readonly KnownCoauthor[];
}

/** What a question reads besides coauthors: the followed authors, which entries' papers the library has, the revision. */
export interface EntryFacts {
  /** `libraryRevision/derivedRevision`: coauthors change with either. */
  revision: string;
  tags: ReadonlyMap<string, AuthorTag>;
  matcher: AuthorMatcher;
  inLibrary: ReadonlySet<string>;
}

/** Coauthor chunks read per transaction while indexing (each under 32 KB). */
const CHUNKS_PER_READ = 100;

const indexKey = (key: NameKey): string => `${key.family}\u0000${key.given[0]?.charAt(0) ?? ''}`;

/** Reads every coauthor chunk, a batch per transaction, into an index by family and initial. */
export async function readCoauthorIndex(db: PaperlensDatabase): Promise<CoauthorIndex> {
  const byKey = new Map<string, KnownCoauthor[]>();
  let after: IDBValidKey | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const chunks = await db.getAll('coauthors', range, CHUNKS_PER_READ);
    for (const { authorId, coauthors } of chunks) {
      // Most shared first within an author, so a written name takes an author's likeliest coauthor.
      for (const { name, count } of coauthors) {
        const key = nameKey(name);
        const first = key?.given[0];
        if (!key || !first) continue;
        const list = byKey.get(indexKey(key));
        if (list) list.push({ name, count, authorId, first });
        else byKey.set(indexKey(key), [{ name, count, authorId, first }]);
      }
    }
    const last = chunks.at(-1);
    if (!last || chunks.length < CHUNKS_PER_READ) break;
    after = [last.authorId, last.chunk];
  }
  return { candidates: (key) => (key.given.length ? (byKey.get(indexKey(key)) ?? []) : []) };
}

/** The followed authors, which of the entries' ids the library has, and the revision, in one transaction. */
export async function readEntryFacts(db: PaperlensDatabase, request: ListingAuthorsRequest): Promise<EntryFacts> {
  const tx = db.transaction(['authors', 'papers', 'meta']);
  const ids = [...new Set(request.entries.flatMap((entry) => (entry.id ? [entry.id] : [])))];
  const [authors, inLibrary, { revision }] = await Promise.all([
    tx.objectStore('authors').getAll(),
    Promise.all(ids.map((id) => tx.objectStore('papers').getKey(id))),
    readRevision(tx.objectStore('meta')),
  ]);
  await tx.done;
  return {
    revision,
    tags: new Map(authors.map((author) => [author.id, tagOf(author)])),
    matcher: createAuthorMatcher(authors),
    inLibrary: new Set(inLibrary.filter((key) => key !== undefined)),
  };
}

/** The followed authors a written author list names, once each, in the order the page names them. */
export function followedOn(facts: EntryFacts, authors: readonly string[]): AuthorTag[] {
  return tagsOf(
    facts,
    authors.map((name) => facts.matcher.match([name]).ids),
  );
}

const tagsOf = (facts: EntryFacts, idsByName: readonly string[][]): AuthorTag[] =>
  [...new Set(idsByName.flat())].flatMap((id) => facts.tags.get(id) ?? []);

/** The answer to a listing's question from what was read. */
export function answerListing(
  request: ListingAuthorsRequest,
  facts: EntryFacts,
  coauthors: CoauthorIndex,
): ListingAuthorsResponse {
  return {
    entries: request.entries.map((entry): ListingEntryMatch => {
      const idsByName = entry.authors.map((name) => facts.matcher.match([name]).ids);
      // A written name that is a followed author is shown as them, not as somebody's coauthor.
      const others = entry.authors.filter((_, i) => !idsByName[i]?.length);
      return {
        followed: tagsOf(facts, idsByName),
        ...chipsOf(others.flatMap((name) => coauthorsNamed(coauthors, facts.tags, name))),
        inLibrary: entry.id !== null && facts.inLibrary.has(entry.id),
      };
    }),
  };
}

/** The coauthors of the followed authors who share most with them, most shared first; the other followed authors counted. */
function chipsOf(found: readonly Chip[]): Pick<ListingEntryMatch, 'coauthors' | 'moreCoauthorsOf'> {
  const byAuthor = new Map<string, Chip[]>();
  for (const chip of found) byAuthor.set(chip.of.id, [...(byAuthor.get(chip.of.id) ?? []), chip]);
  const most = (chips: readonly Chip[]) => Math.max(...chips.map((chip) => chip.sharedPapers));
  const ranked = [...byAuthor.values()].sort(
    (a, b) => most(b) - most(a) || (a[0]?.of.name ?? '').localeCompare(b[0]?.of.name ?? '', 'en'),
  );
  return {
    // Most shared papers first, as the card lists them.
    coauthors: ranked
      .slice(0, LISTING_CHIP_AUTHORS)
      .flat()
      .sort((a, b) => b.sharedPapers - a.sharedPapers || a.name.localeCompare(b.name, 'en')),
    moreCoauthorsOf: Math.max(0, ranked.length - LISTING_CHIP_AUTHORS),
  };
}

/** The question answered from the database alone, the coauthors read in full (tests; the worker keeps the index). */
export async function matchListingAuthors(
  db: PaperlensDatabase,
  request: ListingAuthorsRequest,
): Promise<ListingAuthorsResponse> {
  const [facts, coauthors] = await Promise.all([readEntryFacts(db, request), readCoauthorIndex(db)]);
  return answerListing(request, facts, coauthors);
}

/**
 * The worker's answer to listings: the coauthor index is read once per
 * library revision (~2 s and tens of MB at 100k papers, measured in
 * docs/performance.md) and kept, so a question then costs one small
 * transaction, whatever the library's size.
 */
export function createListingAuthors(
  db: DbConnection,
): (request: ListingAuthorsRequest) => Promise<ListingAuthorsResponse> {
  let kept: { revision: string; index: Promise<CoauthorIndex> } | null = null;
  const indexFor = (revision: string): Promise<CoauthorIndex> => {
    if (kept?.revision === revision) return kept.index;
    const index = db.run(readCoauthorIndex);
    const entry = { revision, index };
    kept = entry;
    index.catch(() => {
      if (kept === entry) kept = null;
    });
    return index;
  };
  return async (request) => {
    const facts = await db.run((open) => readEntryFacts(open, request));
    const wanted = request.entries.some((entry) => entry.authors.length > 0);
    return answerListing(request, facts, wanted ? await indexFor(facts.revision) : NO_COAUTHORS);
  };
}

const NO_COAUTHORS: CoauthorIndex = { candidates: () => [] };

const tagOf = ({ id, name, color }: FollowedAuthor): AuthorTag => ({ id, name, color });

/** The followed authors a written name is a coauthor of (once each), naming the coauthor as the library does. */
function coauthorsNamed(coauthors: CoauthorIndex, tags: ReadonlyMap<string, AuthorTag>, written: string): Chip[] {
  const key = nameKey(written);
  const first = key?.given[0];
  if (!key || !first) return [];
  // A chip names the coauthor as the library knows them ("Maciej Pióro"), however the page writes them ("M. Pioro").
  const byAuthor = new Map<string, KnownCoauthor>();
  for (const known of coauthors.candidates(key)) {
    if (!byAuthor.has(known.authorId) && sameFirstName(first, known.first)) byAuthor.set(known.authorId, known);
  }
  return [...byAuthor.values()].flatMap(({ authorId, name, count }) => {
    const tag = tags.get(authorId);
    return tag ? [{ name, sharedPapers: count, of: tag }] : [];
  });
}
