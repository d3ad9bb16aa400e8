// The insights page's charts and tables, worked out in the background: what the page draws, whatever the library's size.
import { coauthorChunks, getMeta, type PaperlensDatabase } from '../db';
import { type DerivedReader, readDerived, readDerivedRange } from '../library/derived-store';
import type { FollowedAuthor, LibraryPaper } from '../library/schema';
import { type CoauthorNetwork, coauthorNetwork } from './coauthor-network';
import { corpusDate } from './corpus-date';
import { type InsightsCache, storedInsights } from './insights-cache';
import { type DateRange, dateRange, mostNovel, type NoveltyDensity, noveltyDensity } from './novelty-density';
import { type NoveltyPoint, noveltyPoints } from './novelty-points';
import { type PapersPerYear, papersPerYearByCategory } from './papers-per-year';
import { type RelatedPaper, relatedPapers } from './related-papers';
import { type CoauthorRow, coauthorsOfPapers, type SharedPapers, topCoauthors } from './top-coauthors';

/** Past these, the page gets the first rows and how many there are in all, so its message never grows with the library. */
export const INSIGHTS_LIMITS = {
  /** Up to this many scored papers every one is a dot; past it, a density grid and the most novel as dots. */
  allDots: 200,
  mostNovel: 100,
  coauthors: 100,
  related: 100,
  /** Coauthors drawn in the network, most shared first: more names than this cannot be read. */
  network: 40,
} as const;

/** The first rows of a longer list, and its length. */
export interface Bounded<T> {
  rows: T[];
  total: number;
}

export interface NoveltyView {
  /** Papers with a novelty score. */
  scored: number;
  /** The dates the scored papers span (the time axis), null when none is scored. */
  range: DateRange | null;
  /** The dots and the table's rows: every scored paper (oldest first), or the most novel (most novel first). */
  points: NoveltyPoint[];
  /** When `points` are not every scored paper: all of them counted on a grid of dates × scores. */
  density: NoveltyDensity | null;
}

/** A paper of the related-papers table, with its most similar papers. */
export interface RelatedRow {
  id: string;
  title: string;
  related: RelatedPaper[];
}

/** What the insights page receives: aggregates and bounded lists, a few hundred kilobytes at most. */
export interface InsightsData {
  /** The followed author shown, or null for everyone. */
  authorId: string | null;
  /** Papers shown: the author's, or the library's. */
  papers: number;
  /** Followed authors, so a page can tell "everyone" is its view before it has the list of them. */
  followed: number;
  /** The newest paper's date. */
  date: string | null;
  /** Whether coauthors, novelty and related papers have caught up with the library. */
  derivedReady: boolean;
  /** Papers whose novelty is not worked out yet. */
  pending: number;
  perYear: PapersPerYear;
  novelty: NoveltyView;
  /** One author's network of their most frequent coauthors; null for everyone (a network has one centre). */
  network: CoauthorNetwork | null;
  /** Coauthors, most shared papers first. */
  coauthors: Bounded<CoauthorRow>;
  /** The newest papers, each with its related papers. */
  related: Bounded<RelatedRow>;
}

/** What the charts read of a paper: no abstract, no author list. */
type ChartPaper = Pick<
  LibraryPaper,
  'id' | 'date' | 'year' | 'category' | 'categoryName' | 'displayTitle' | 'novelty' | 'related'
>;
type Scored = ChartPaper & { novelty: NonNullable<ChartPaper['novelty']> };

/** The papers and coauthors the insights are worked out from, read in one transaction. */
interface Source {
  author: FollowedAuthor | null;
  papers: ChartPaper[];
  /** The author's whole records, for the network's words; empty for everyone. */
  records: LibraryPaper[];
  coauthors: SharedPapers[];
  followed: number;
  derivedReady: boolean;
  /** The revision the papers were read at, once derived data has caught up with it (the figures hold still); else null. */
  settled: string | null;
}

const project = ({ id, date, year, category, categoryName, displayTitle, novelty, related }: LibraryPaper) => ({
  id,
  date,
  year,
  category,
  categoryName,
  displayTitle,
  novelty,
  related,
});

const isScored = (paper: ChartPaper): paper is Scored => paper.novelty !== null;
const newestFirst = (a: ChartPaper, b: ChartPaper): number =>
  a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1;

/**
 * The insights of one followed author (`authorId`) or of the whole library
 * (null): read through the `by-followed` index or in batches, only the fields
 * the charts need kept, and only bounded lists returned. The whole library's
 * are kept in `cache` for the revision they were read at.
 */
export async function readInsights(
  db: PaperlensDatabase,
  authorId: string | null,
  cache: InsightsCache = storedInsights,
): Promise<InsightsData> {
  if (authorId !== null) return insightsOf(db, await readAuthor(db, authorId));
  const settled = await settledRevision(db);
  const hit = settled === null ? null : await cache.get(settled);
  if (hit) return hit;
  const source = await readEveryone(db);
  const data = await insightsOf(db, source);
  if (source.settled !== null) await cache.set(source.settled, data);
  return data;
}

/** The charts and tables of the papers and coauthors read. */
async function insightsOf(db: PaperlensDatabase, source: Source): Promise<InsightsData> {
  const scored = source.papers.filter(isScored);
  const dense = scored.length > INSIGHTS_LIMITS.allDots;
  const dots = dense ? mostNovel(scored, INSIGHTS_LIMITS.mostNovel) : scored;
  const newest = [...source.papers].sort(newestFirst).slice(0, INSIGHTS_LIMITS.related);
  const titles = new Map(source.papers.map((paper) => [paper.id, paper.displayTitle]));
  const named = await readTitles(db, untitled([...dots, ...newest], titles));
  const titleOf = (id: string) => titles.get(id) ?? named.get(id);
  const range = dateRange(scored);
  const points = noveltyPoints(dots, titleOf);
  return {
    authorId: source.author?.id ?? null,
    papers: source.papers.length,
    followed: source.followed,
    date: corpusDate(source.papers),
    derivedReady: source.derivedReady,
    pending: source.papers.length - scored.length,
    perYear: papersPerYearByCategory(source.papers),
    novelty: {
      scored: scored.length,
      range,
      // Stable: equal scores stay oldest first.
      points: dense ? points.sort((a, b) => b.score - a.score) : points,
      density: dense && range ? noveltyDensity(scored, range) : null,
    },
    network:
      source.author && coauthorNetwork(source.records, source.coauthors, source.author.name, INSIGHTS_LIMITS.network),
    coauthors: bounded(topCoauthors(source.papers, source.coauthors), INSIGHTS_LIMITS.coauthors),
    related: {
      rows: newest.map((paper) => ({
        id: paper.id,
        title: paper.displayTitle,
        related: relatedPapers(paper, titleOf),
      })),
      total: source.papers.length,
    },
  };
}

const bounded = <T>(rows: readonly T[], limit: number): Bounded<T> => ({
  rows: rows.slice(0, limit),
  total: rows.length,
});

async function readAuthor(db: PaperlensDatabase, authorId: string): Promise<Source> {
  const tx = db.transaction(['papers', 'derived', 'authors', 'coauthors', 'meta']);
  const [author, followed, stored, coauthors, revisions] = await Promise.all([
    tx.objectStore('authors').get(authorId),
    tx.objectStore('authors').count(),
    tx.objectStore('papers').index('by-followed').getAll(authorId),
    tx.objectStore('coauthors').getAll(coauthorChunks(authorId)),
    readRevisions(tx.objectStore('meta')),
  ]);
  const records = await readDerived(tx.objectStore('derived'), stored);
  await tx.done;
  if (!author) throw new Error('That author is no longer followed; reload the page.');
  return {
    author,
    papers: records.map(project),
    records,
    coauthors: coauthors.flatMap((chunk) => chunk.coauthors),
    followed,
    ...revisions,
  };
}

/** Every paper, a batch at a time; coauthors from those the papers carry (the store holds them per followed author). */
async function readEveryone(db: PaperlensDatabase): Promise<Source> {
  const tx = db.transaction(['papers', 'derived', 'authors', 'meta']);
  const papers: ChartPaper[] = [];
  const coauthors: Pick<LibraryPaper, 'id' | 'coauthors'>[] = [];
  const [revisions, followed] = await Promise.all([
    readRevisions(tx.objectStore('meta')),
    tx.objectStore('authors').count(),
    inBatches(tx.objectStore('papers'), tx.objectStore('derived'), (paper) => {
      papers.push(project(paper));
      coauthors.push({ id: paper.id, coauthors: paper.coauthors });
    }),
  ]);
  await tx.done;
  return {
    author: null,
    papers,
    records: [],
    coauthors: coauthorsOfPapers(coauthors),
    followed,
    ...revisions,
  };
}

type MetaStore = Parameters<typeof getMeta>[0];

/** Whether derived data has caught up with the library, and if so the revision (the figures then hold still). */
async function readRevisions(meta: MetaStore): Promise<Pick<Source, 'derivedReady' | 'settled'>> {
  const [seeded, revision, derived] = await Promise.all([
    getMeta(meta, 'corpusSeededAt'),
    getMeta(meta, 'libraryRevision'),
    getMeta(meta, 'derivedRevision'),
  ]);
  if (revision === undefined) throw new Error('The library is not loaded yet; reopen Paperlens in a moment.');
  // The seeding time tells a database created again (its revisions start over) from the one before.
  return { derivedReady: derived === revision, settled: derived === revision ? `${seeded ?? ''}#${revision}` : null };
}

async function settledRevision(db: PaperlensDatabase): Promise<string | null> {
  const tx = db.transaction('meta');
  const { settled } = await readRevisions(tx.store);
  await tx.done;
  return settled;
}

/** Records read a batch at a time: only one batch of whole records (abstracts and all) is held at once. */
const BATCH = 2_000;

async function inBatches(
  store: { getAll(query: IDBKeyRange | null, count: number): Promise<LibraryPaper[]> },
  derived: DerivedReader,
  each: (paper: LibraryPaper) => void,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const batch = await store.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), BATCH);
    for (const paper of await readDerivedRange(derived, batch)) each(paper);
    after = batch.at(-1)?.id ?? null;
    if (batch.length < BATCH || after === null) return;
  }
}

/** Ids the shown papers name (closest earlier, related) with no title at hand: derived data not worked out yet. */
function untitled(papers: readonly ChartPaper[], titles: ReadonlyMap<string, string>): string[] {
  const ids = papers.flatMap((paper) => [
    ...(paper.novelty?.closestEarlierId && !paper.novelty.closestEarlierTitle ? [paper.novelty.closestEarlierId] : []),
    ...paper.related.filter((related) => !related.title).map((related) => related.id),
  ]);
  return [...new Set(ids)].filter((id) => !titles.has(id));
}

/** Display titles of a few papers by key (bounded by the shown rows). */
async function readTitles(db: PaperlensDatabase, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const store = db.transaction('papers').store;
  const papers = await Promise.all(ids.map((id) => store.get(id)));
  return new Map(papers.filter((paper) => paper !== undefined).map((paper) => [paper.id, paper.displayTitle]));
}
