import type { PaperlensDatabase } from '../db';
import { type DbConnection, readMeta } from '../db-connection';
import {
  buildIndex,
  fromStoredInSlices,
  type Neighbor,
  nearest,
  type SimilarityIndex,
  STORED_VERSION,
  type TextDoc,
} from '../insights/similarity-index';
import {
  type ClosePaper,
  type RelatePaperRequest,
  type RelatePaperResponse,
  SUMMARY_AUTHORS,
} from '../message-schemas';
import { docOf, paperText, scanPapers, type TextMemory, yieldToMessages } from './derive-texts';
import { followedOn, readEntryFacts } from './listing-authors';

/**
 * relatePaper: an abstract page's paper (not in the library) set beside the
 * library, from the page's own title, abstract and author list. The followed
 * authors on it come from the listing matcher (listing-authors.ts); its
 * closest library papers and novelty from the similarity index derived data
 * keeps (the same TF-IDF cosine over title and abstract as novelty and
 * related papers). The index is the worker's in memory; after a restart the
 * copy derived data stored (loaded once); only when there is none, a build
 * from the papers (fine for a small library, and kept for its revision).
 */

/** How many close library papers the answer lists. */
export const CLOSEST = 3;
/** Neighbours asked for beyond CLOSEST: the page's own paper or one removed since the index was built may be among them. */
const SLACK = 2;

const NO_NOVELTY: RelatePaperResponse['novelty'] = { similarity: null, closestId: null };

/** The library papers most similar to a page's title and abstract, best first, without `exclude`: relatePaper's core. */
export function closestTo(index: SimilarityIndex, title: string, abstract: string, exclude?: string): Neighbor[] {
  return nearest(index, paperText(title, abstract), CLOSEST + SLACK).filter((found) => found.id !== exclude);
}

/** An index over every library paper, read a batch at a time (the last resort: no memory, nothing stored). */
async function buildFromPapers(db: PaperlensDatabase): Promise<SimilarityIndex> {
  const docs: TextDoc[] = [];
  await scanPapers(db, (paper) => docs.push(docOf(paper)));
  return buildIndex(docs);
}

/**
 * The index relatePaper asks: the worker's in memory when derived data has
 * run since it started; else the stored copy, loaded once (it is only stored
 * again by a run, which leaves an index in memory); else one built from the
 * papers, kept until the library's revision changes.
 */
export function createIndexSource(db: DbConnection, memory: () => TextMemory | null): () => Promise<SimilarityIndex> {
  let kept: { index: SimilarityIndex; stored: boolean; revision: number } | null = null;
  let loading: Promise<SimilarityIndex> | null = null;
  const load = async (): Promise<SimilarityIndex> => {
    const revision = (await readMeta(db, 'libraryRevision')) ?? 0;
    if (kept && (kept.stored || kept.revision === revision)) return kept.index;
    const read = await readMeta(db, 'similarityIndex');
    // A copy in an older format is passed over: the next derived pass stores the index again.
    const stored = read?.index.version === STORED_VERSION ? read : undefined;
    const index = stored ? await fromStoredInSlices(stored.index, yieldToMessages) : await db.run(buildFromPapers);
    kept = { index, stored: Boolean(stored), revision };
    return index;
  };
  return async () => {
    const live = memory();
    if (live) {
      // The copy loaded meanwhile is no longer needed: its memory goes back.
      kept = null;
      return live.index;
    }
    loading ??= load().finally(() => {
      loading = null;
    });
    return loading;
  };
}

/** The found papers still in the library, described for the panel (display title, first authors), at most CLOSEST. */
async function closePapers(db: DbConnection, found: readonly Neighbor[]): Promise<ClosePaper[]> {
  const papers = await db.run(async (open) => {
    const tx = open.transaction('papers');
    const read = await Promise.all(found.map((neighbor) => tx.store.get(neighbor.id)));
    await tx.done;
    return read;
  });
  return found
    .flatMap(({ id, similarity }, i): ClosePaper[] => {
      const paper = papers[i];
      return paper
        ? [{ id, title: paper.displayTitle, similarity, authors: paper.authors.slice(0, SUMMARY_AUTHORS) }]
        : [];
    })
    .slice(0, CLOSEST);
}

/** What the page's id and author list say: followed authors on it (as listings match them), library paper, saved. */
async function pageFacts(db: DbConnection, { id, authors }: RelatePaperRequest) {
  const names = authors.map((name) => name.trim()).filter(Boolean);
  return db.run(async (open) => {
    const [facts, savedKey] = await Promise.all([
      readEntryFacts(open, { entries: [{ id: id ?? null, authors: names }] }),
      id ? open.getKey('readingList', id) : undefined,
    ]);
    return {
      followed: followedOn(facts, names),
      inLibrary: id !== undefined && facts.inLibrary.has(id),
      saved: savedKey !== undefined,
    };
  });
}

/**
 * relatePaper's answer (the request already validated): followed authors on
 * the page's author list and whether it is saved; unless its id is a library
 * paper, the closest library papers and its novelty relative to the library.
 */
export function createPaperRelations(db: DbConnection, memory: () => TextMemory | null) {
  const indexOf = createIndexSource(db, memory);
  return async (request: RelatePaperRequest): Promise<RelatePaperResponse> => {
    const facts = await pageFacts(db, request);
    if (facts.inLibrary) return { ...facts, closest: [], novelty: NO_NOVELTY };
    const closest = await closePapers(db, closestTo(await indexOf(), request.title, request.abstract, request.id));
    const top = closest[0];
    const novelty = top ? { similarity: top.similarity, closestId: top.id } : NO_NOVELTY;
    return { ...facts, closest, novelty };
  };
}
