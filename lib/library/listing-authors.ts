import type { IDBPObjectStore } from 'idb';
import type { LibraryCoauthor, PaperlensDatabase, PaperlensDB } from '../db';
import type { AuthorTag, ListingAuthorsRequest, ListingAuthorsResponse, ListingEntryMatch } from '../message-schemas';
import { type NameKey, nameKey, sameName } from '../names';
import { createAuthorMatcher } from './match';
import type { FollowedAuthor } from './schema';
import { coauthorEntries } from './seed';

/**
 * What an arXiv listing's entries say about the people you follow: the
 * followed authors on each, the coauthors of followed authors on each, and
 * whether the paper is already in the library. Reads the followed authors
 * (hundreds at most) and the coauthor records of those whose coauthors have a
 * family name on the page: its cost follows the page and the people followed,
 * not the library's papers.
 */
export async function matchListingAuthors(
  db: PaperlensDatabase,
  request: ListingAuthorsRequest,
): Promise<ListingAuthorsResponse> {
  const tx = db.transaction(['authors', 'coauthors', 'papers']);
  const keys = new Map<string, NameKey>();
  for (const entry of request.entries) {
    for (const name of entry.authors) {
      const key = nameKey(name);
      if (key) keys.set(name, key);
    }
  }
  const families = [...new Set([...keys.values()].map((key) => key.family))];
  const ids = [...new Set(request.entries.flatMap((entry) => (entry.id ? [entry.id] : [])))];
  const [authors, coauthorLists, inLibrary] = await Promise.all([
    tx.objectStore('authors').getAll(),
    coauthorsNamed(tx.objectStore('coauthors'), families),
    Promise.all(ids.map((id) => tx.objectStore('papers').getKey(id))),
  ]);
  await tx.done;
  const tags = new Map(authors.map((author) => [author.id, tagOf(author)]));
  const coauthorsOf = coauthorFinder(coauthorLists, tags);
  const matcher = createAuthorMatcher(authors);
  const known = new Set(inLibrary.filter((key) => key !== undefined));
  return {
    entries: request.entries.map((entry): ListingEntryMatch => {
      // A written name that is a followed author is shown as them, not as somebody's coauthor.
      const people = entry.authors.map((name) => ({ name, followed: matcher.match([name]).ids }));
      return {
        followed: [...new Set(people.flatMap((p) => p.followed))].flatMap((id) => tags.get(id) ?? []),
        // Most shared papers first, as the card lists them.
        coauthors: people
          .flatMap((p) => (p.followed.length ? [] : coauthorsOf(keys.get(p.name))))
          .sort((a, b) => b.sharedPapers - a.sharedPapers || a.name.localeCompare(b.name, 'en')),
        inLibrary: entry.id !== null && known.has(entry.id),
      };
    }),
  };
}

type CoauthorStore = IDBPObjectStore<PaperlensDB, ['authors', 'coauthors', 'papers'], 'coauthors'>;

/** The coauthors with one of these family names: each chunk of coauthors that has one is read once. */
async function coauthorsNamed(store: CoauthorStore, families: readonly string[]): Promise<LibraryCoauthor[]> {
  const keys = await Promise.all(families.map((family) => store.index('by-family').getAllKeys(family)));
  const chunks = new Map(keys.flat().map((key) => [key.join('\u0000'), key]));
  const records = await Promise.all([...chunks.values()].map((key) => store.get(key)));
  const wanted = new Set(families);
  return records.flatMap((record) =>
    record ? coauthorEntries(record).filter((coauthor) => wanted.has(coauthor.family)) : [],
  );
}

const tagOf = ({ id, name, color }: FollowedAuthor): AuthorTag => ({ id, name, color });

/** Finds, for a written name, the followed authors it is a coauthor of (once each), with the coauthor's name. */
function coauthorFinder(
  coauthors: readonly LibraryCoauthor[],
  tags: ReadonlyMap<string, AuthorTag>,
): (key: NameKey | undefined) => ListingEntryMatch['coauthors'] {
  const byFamily = new Map<string, { key: NameKey; coauthor: LibraryCoauthor }[]>();
  for (const coauthor of coauthors) {
    const key = nameKey(coauthor.name);
    if (!key) continue;
    byFamily.set(key.family, [...(byFamily.get(key.family) ?? []), { key, coauthor }]);
  }
  // A chip names the coauthor as the library knows them ("Maciej Pióro"), however the page writes them ("M. Pioro").
  return (key) => {
    if (!key) return [];
    const byAuthor = new Map<string, LibraryCoauthor>();
    for (const { key: known, coauthor } of byFamily.get(key.family) ?? []) {
      if (sameName(key, known) && !byAuthor.has(coauthor.authorId)) byAuthor.set(coauthor.authorId, coauthor);
    }
    return [...byAuthor.values()].flatMap(({ authorId, name, count }) => {
      const tag = tags.get(authorId);
      return tag ? [{ name, sharedPapers: count, of: tag }] : [];
    });
  };
}
