import type { IDBPTransaction, StoreNames } from 'idb';
import { coauthorChunks, getMeta, type PaperlensDatabase, type PaperlensDB, readRevision } from '../db';
import { closestEarlierTitle } from '../insights/novelty';
import { paperCoauthors } from '../library/derive';
import { readDerived, type StoredDerived, withDerived } from '../library/derived-store';
import type { FollowedAuthor, LibraryPaper } from '../library/schema';
import { coauthorEntries } from '../library/seed';
import {
  type Library,
  type LibraryOverview,
  type LookupRequest,
  type LookupResponse,
  type PaperSummary,
  SUMMARY_AUTHORS,
  SUMMARY_FIELDS,
} from '../message-schemas';
import type { LibraryFilterMessage } from '../scan/library-filter';
import { countsFromFacets } from '../search';
import { filterOf, readLibraryKeys, WHOLE_IF_AT_MOST } from './library-keys';

/** What a summary needs beyond the paper itself, gathered in the lookup's one transaction. */
export interface SummaryContext {
  /** The followed authors the papers name, by id. */
  authors: ReadonlyMap<string, FollowedAuthor>;
  /** Papers each coauthor shares with a followed author, by `authorId` then name. */
  sharedPapers: ReadonlyMap<string, ReadonlyMap<string, number>>;
  saved: ReadonlySet<string>;
  titles: ReadonlyMap<string, string>;
}

/** What a badge and its card show about one paper (only that), with what relates it. */
export function summarize(paper: LibraryPaper, context: SummaryContext): PaperSummary {
  const followed = paper.followedAuthorIds
    .map((id) => context.authors.get(id))
    .filter((author) => author !== undefined);
  const { coauthors } = paper;
  const following = new Set(followed.map((author) => author.id));
  const fields = Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, paper[field]])) as Pick<
    LibraryPaper,
    (typeof SUMMARY_FIELDS)[number]
  >;
  return {
    ...fields,
    authors: paper.authors.slice(0, SUMMARY_AUTHORS),
    authorsTruncated: paper.authorsTruncated || paper.authors.length > SUMMARY_AUTHORS,
    followedAuthors: followed.map(({ id, name, color }) => ({ id, name, color })),
    // Worked out with the derived data; a paper written before then is counted from the coauthors store.
    coauthors: (coauthors ?? paperCoauthors({ ...paper, coauthors: [] }, context.sharedPapers)).filter((c) =>
      following.has(c.authorId),
    ),
    closestEarlierTitle:
      paper.novelty &&
      (paper.novelty.closestEarlierTitle ?? closestEarlierTitle(paper.novelty, (id) => context.titles.get(id))),
    relatedPapers: paper.related.map((related) => ({
      ...related,
      title: related.title ?? context.titles.get(related.id) ?? `arXiv:${related.id}`,
    })),
    saved: context.saved.has(paper.id),
  };
}

/** The ids whose titles a paper's summary names and it does not carry (derived data not worked out yet). */
const referencedIds = (paper: LibraryPaper): string[] => [
  ...(paper.novelty?.closestEarlierId && !paper.novelty.closestEarlierTitle ? [paper.novelty.closestEarlierId] : []),
  ...paper.related.filter((related) => !related.title).map((related) => related.id),
];

/** The whole library when it is small; asks for one key more than that, not a count (which visits every record). */
async function wholeIfSmall(papers: {
  getAllKeys(query: null, count: number): Promise<string[]>;
  getAll(): Promise<LibraryPaper[]>;
}) {
  return (await papers.getAllKeys(null, WHOLE_IF_AT_MOST + 1)).length <= WHOLE_IF_AT_MOST ? papers.getAll() : [];
}

/** A read-only transaction over at least the stores a summary reads. */
export type SummaryTransaction = IDBPTransaction<PaperlensDB, ArrayLike<StoreNames<PaperlensDB>>, 'readonly'>;

/** What a caller already holds of a summary's context (lookup-cache.ts keeps both), so it is not read again. */
export interface KnownContext {
  authors?: ReadonlyMap<string, FollowedAuthor>;
  saved?: ReadonlySet<string>;
}

/**
 * What the found papers' summaries need beyond the papers, read in `tx`:
 * their followed authors, the reading list's keys, and for papers whose
 * derived data is not worked out yet, the titles they name and their coauthors.
 */
export async function readSummaryContext(
  tx: SummaryTransaction,
  found: readonly LibraryPaper[],
  known: KnownContext = {},
): Promise<SummaryContext> {
  const papers = tx.objectStore('papers');
  const referenced = [...new Set(found.flatMap(referencedIds))];
  // Papers carry their coauthors' counts once derived data is worked out: only older records need the store.
  const coauthorsOf = [...new Set(found.filter((paper) => !paper.coauthors).flatMap((p) => p.followedAuthorIds))];
  const authorIds = known.authors ? [] : [...new Set(found.flatMap((paper) => paper.followedAuthorIds))];
  const [named, savedKeys, authors, coauthors] = await Promise.all([
    Promise.all(referenced.map((id) => papers.get(id))),
    // One request, whatever the number of papers found: the reading list is the user's, not the library.
    known.saved ?? (found.length ? tx.objectStore('readingList').getAllKeys() : []),
    Promise.all(authorIds.map((id) => tx.objectStore('authors').get(id))),
    Promise.all(coauthorsOf.map((authorId) => tx.objectStore('coauthors').getAll(coauthorChunks(authorId)))),
  ]);
  return {
    authors: known.authors ?? new Map(authors.filter((a) => a !== undefined).map((a) => [a.id, a])),
    sharedPapers: new Map(
      coauthorsOf.map((authorId, i) => [
        authorId,
        new Map((coauthors[i] ?? []).flatMap((chunk) => chunk.coauthors.map((c) => [c.name, c.count] as const))),
      ]),
    ),
    saved: savedKeys instanceof Set ? savedKeys : new Set(savedKeys),
    titles: new Map(named.filter((p) => p !== undefined).map((p) => [p.id, p.displayTitle])),
  };
}

/**
 * One scan's batched lookup: the library papers among `request`'s ids, DOIs
 * and normalized titles, summarized. Reads only the records it names, by key or
 * index, in one transaction: its cost follows the request, not the library.
 * The background answers pages through lookup-cache.ts, which comes here
 * only until the library's keys are in memory.
 */
export async function lookupPapers(db: PaperlensDatabase, request: LookupRequest): Promise<LookupResponse> {
  const tx = db.transaction(['papers', 'derived', 'authors', 'coauthors', 'readingList']);
  const papers = tx.objectStore('papers');
  const [byId, byDoi, byTitle, whole] = await Promise.all([
    Promise.all([...new Set(request.ids)].map((id) => papers.get(id))),
    Promise.all([...new Set(request.dois)].map((doi) => papers.index('by-doi').get(doi))),
    Promise.all([...new Set(request.titles)].map((title) => papers.index('by-title').get(title))),
    request.wholeIfSmall ? wholeIfSmall(papers) : [],
  ]);
  const unique = new Map(
    [...byId, ...byDoi, ...byTitle, ...whole].filter((p) => p !== undefined).map((p) => [p.id, p]),
  );
  const found = await readDerived(tx.objectStore('derived'), [...unique.values()]);
  const context = await readSummaryContext(tx, found);
  await tx.done;
  return { papers: found.map((paper) => summarize(paper, context)) };
}

/**
 * The filter pages test their links against (lib/scan/library-filter.ts).
 * Keys only, from the store and its indexes: no paper record is read.
 */
export const libraryFilter = async (db: PaperlensDatabase): Promise<LibraryFilterMessage> =>
  filterOf(await readLibraryKeys(db));

const byShared = (a: { name: string; count: number }, b: { name: string; count: number }) =>
  b.count - a.count || a.name.localeCompare(b.name, 'en');

/**
 * The followed authors, their paper counts and the library's size: from the search facets stored for this
 * revision when there are some, else counted by index (no paper is read, but Chromium's count visits every
 * entry: ~1 s for 500 authors at 100k papers).
 */
export async function readLibraryOverview(db: PaperlensDatabase): Promise<LibraryOverview> {
  const tx = db.transaction(['papers', 'authors', 'meta']);
  const papers = tx.objectStore('papers');
  const meta = tx.objectStore('meta');
  const [authors, revision, facets] = await Promise.all([
    tx.objectStore('authors').getAll(),
    readRevision(meta),
    getMeta(meta, 'searchFacets'),
  ]);
  const stored = countsFromFacets(facets, revision.revision);
  const [total, counts] = await Promise.all([
    stored?.get('') ?? papers.count(),
    Promise.all(authors.map((author) => stored?.get(author.id) ?? papers.index('by-followed').count(author.id))),
  ]);
  await tx.done;
  if (!revision.loaded) throw new Error('The library is not loaded yet; reopen Paperlens in a moment.');
  return {
    authors: authors.sort(byFollowedAt),
    paperCounts: Object.fromEntries(authors.map((author, i) => [author.id, counts[i] ?? 0])),
    papers: total,
    derivedReady: revision.derived,
  };
}

const byFollowedAt = (a: FollowedAuthor, b: FollowedAuthor) =>
  a.followedAt.localeCompare(b.followedAt) || a.name.localeCompare(b.name, 'en');

/** The library records among `ids`, in one transaction (a reading list's papers, a batch at a time). */
export async function readPapers(db: PaperlensDatabase, ids: readonly string[]): Promise<LibraryPaper[]> {
  const tx = db.transaction(['papers', 'derived']);
  const papers = await Promise.all([...new Set(ids)].map((id) => tx.objectStore('papers').get(id)));
  return readDerived(
    tx.objectStore('derived'),
    papers.filter((paper) => paper !== undefined),
  );
}

/** The whole library for the extension's own pages: followed authors, papers newest first, coauthors. */
export async function readLibrary(db: PaperlensDatabase): Promise<Library> {
  const tx = db.transaction(['papers', 'derived', 'authors', 'coauthors', 'meta']);
  const [papers, records, authors, coauthors, revision, derived] = await Promise.all([
    tx.objectStore('papers').getAll(),
    tx.objectStore('derived').getAll(),
    tx.objectStore('authors').getAll(),
    tx.objectStore('coauthors').getAll(),
    getMeta(tx.objectStore('meta'), 'libraryRevision'),
    getMeta(tx.objectStore('meta'), 'derivedRevision'),
  ]);
  await tx.done;
  if (revision === undefined) throw new Error('The library is not loaded yet; reopen Paperlens in a moment.');
  return {
    authors: authors.sort(byFollowedAt),
    papers: withEachDerived(papers, records).sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)),
    coauthors: coauthors.flatMap(coauthorEntries).sort(byShared),
    derivedReady: derived === revision,
  };
}

/** Every paper with its derived record (the whole library, for the extension's own pages). */
function withEachDerived(papers: readonly LibraryPaper[], records: readonly StoredDerived[]): LibraryPaper[] {
  const byId = new Map(records.map((record) => [record.id, record]));
  return papers.map((paper) => withDerived(paper, byId.get(paper.id)));
}
