import { lookupPapers } from '../corpus/lookup';
import { getMeta, type PaperlensDatabase, readRevision } from '../db';
import type { SearchPage, SearchRequest } from '../message-schemas';
import { byNewest, countsFromFacets, queryWords, type SearchFacets } from '../search';

/** The facets of the whole library ('') and of each followed author, stored with the search rows. */
export interface StoredFacets {
  revision: string;
  byAuthor: Record<string, SearchFacets>;
}

/** Keys read past the page, so papers of the same date at the page's end are ordered as the full search orders them. */
const TIES = 20;

/** What the popup asks for on opening: no query, no filter, newest first (or by relevance, which is the same then). */
export const isOpeningPage = (request: SearchRequest): boolean =>
  queryWords(request.query).length === 0 &&
  request.categories.length === 0 &&
  request.year === null &&
  !request.hasCode &&
  request.sort !== 'novel';

/** The keys and dates of the newest papers (by the `by-date` index, from the newest back), or of one author's papers. */
async function newestKeys(db: PaperlensDatabase, request: SearchRequest) {
  const tx = db.transaction(['papers', 'meta']);
  const papers = tx.objectStore('papers');
  const meta = tx.objectStore('meta');
  const facets = getMeta(meta, 'searchFacets');
  const revision = readRevision(meta);
  if (request.authorId !== null) {
    const all = await papers.index('by-followed').getAll(request.authorId);
    return { rows: all.map(({ id, date }) => ({ id, date })).sort(byNewest), total: all.length, facets: await facets };
  }
  const wanted = request.offset + request.limit + TIES;
  const rows: { id: string; date: string }[] = [];
  let cursor = await papers.index('by-date').openKeyCursor(null, 'prev');
  while (cursor && rows.length < wanted) {
    rows.push({ id: String(cursor.primaryKey), date: String(cursor.key) });
    cursor = await cursor.continue();
  }
  const stored = await facets;
  const total = countsFromFacets(stored, (await revision).revision)?.get('') ?? (await papers.count());
  return { rows: rows.sort(byNewest), total, facets: stored };
}

/**
 * The popup's first page straight from IndexedDB, read by index, while the
 * background is still loading its search rows (a restarted worker): a few
 * dozen keys, not the library. Marked incomplete, so the popup asks again.
 */
export async function openingPage(db: PaperlensDatabase, request: SearchRequest): Promise<SearchPage> {
  const { rows, total, facets } = await newestKeys(db, request);
  const ids = rows.slice(request.offset, request.offset + request.limit).map((row) => row.id);
  const { papers } = await lookupPapers(db, { ids, dois: [], titles: [] });
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  return {
    total,
    hits: ids.flatMap((id) => {
      const paper = byId.get(id);
      return paper ? [{ paper, score: 0, terms: [] }] : [];
    }),
    facets: facets?.byAuthor[request.authorId ?? ''] ?? { categories: [], years: [] },
    complete: false,
  };
}
