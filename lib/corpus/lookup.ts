import { getMeta, type PaperlensDatabase } from '../db';
import { closestEarlierTitle } from '../insights/novelty';
import type {
  CoauthorNames,
  CorpusKeys,
  Library,
  LookupRequest,
  LookupResponse,
  PaperSummary,
} from '../message-schemas';
import type { Paper } from './schema';

/** What a summary needs beyond the paper itself, gathered in the lookup's one transaction. */
interface SummaryContext {
  author: string;
  sharedPapers: ReadonlyMap<string, number>;
  saved: ReadonlySet<string>;
  titles: ReadonlyMap<string, string>;
}

/** What a badge and its card show about one paper: the paper without its long texts, with what relates it. */
export function summarize(
  { abstract: _abstract, notes: _notes, ...paper }: Paper,
  context: SummaryContext,
): PaperSummary {
  return {
    ...paper,
    followedAuthors: [context.author],
    coauthors: paper.authors
      .filter((name) => context.sharedPapers.has(name))
      .map((name) => ({ name, sharedPapers: context.sharedPapers.get(name) ?? 0 })),
    closestEarlierTitle: closestEarlierTitle(paper.novelty, (id) => context.titles.get(id)),
    relatedPapers: paper.related.map((related) => ({
      ...related,
      title: context.titles.get(related.id) ?? `arXiv:${related.id}`,
    })),
    saved: context.saved.has(paper.id),
  };
}

/** The ids whose titles a paper's summary names: its closest earlier paper and its related papers. */
const referencedIds = (paper: Paper): string[] => [
  ...(paper.novelty.closestEarlierId ? [paper.novelty.closestEarlierId] : []),
  ...paper.related.map((related) => related.id),
];

/**
 * One scan's batched lookup: the corpus papers among `request`'s ids and
 * normalized titles, summarized. Reads only the records it names, by key or
 * index, in one transaction.
 */
export async function lookupPapers(db: PaperlensDatabase, request: LookupRequest): Promise<LookupResponse> {
  const tx = db.transaction(['papers', 'coauthors', 'readingList', 'meta']);
  const papers = tx.objectStore('papers');
  const [byId, byTitle, coauthors, author] = await Promise.all([
    Promise.all([...new Set(request.ids)].map((id) => papers.get(id))),
    Promise.all([...new Set(request.titles)].map((title) => papers.index('by-title').get(title))),
    tx.objectStore('coauthors').getAll(),
    getMeta(tx.objectStore('meta'), 'author'),
  ]);
  const found = new Map([...byId, ...byTitle].filter((p) => p !== undefined).map((p) => [p.id, p]));
  const referenced = [...new Set([...found.values()].flatMap(referencedIds))];
  const [named, savedKeys] = await Promise.all([
    Promise.all(referenced.map((id) => papers.get(id))),
    Promise.all([...found.keys()].map((id) => tx.objectStore('readingList').getKey(id))),
  ]);
  await tx.done;
  const context: SummaryContext = {
    author: author?.name ?? '',
    sharedPapers: new Map(coauthors.map((coauthor) => [coauthor.name, coauthor.count])),
    saved: new Set(savedKeys.filter((key) => key !== undefined)),
    titles: new Map(named.filter((p) => p !== undefined).map((p) => [p.id, p.displayTitle])),
  };
  return { papers: [...found.values()].map((paper) => summarize(paper, context)) };
}

/** The corpus papers' ids and normalized titles, so a content script can tell corpus links from the rest. */
export async function corpusKeys(db: PaperlensDatabase): Promise<CorpusKeys> {
  const papers = await db.getAll('papers');
  return { ids: papers.map((paper) => paper.id), titles: papers.map((paper) => paper.normalizedTitle) };
}

const byShared = (a: { name: string; count: number }, b: { name: string; count: number }) =>
  b.count - a.count || a.name.localeCompare(b.name, 'en');

/** The author and their coauthors' names, most shared papers first (for chips on arXiv listings). */
export async function coauthorNames(db: PaperlensDatabase): Promise<CoauthorNames> {
  const tx = db.transaction(['coauthors', 'meta']);
  const [coauthors, author] = await Promise.all([
    tx.objectStore('coauthors').getAll(),
    getMeta(tx.objectStore('meta'), 'author'),
  ]);
  await tx.done;
  return { author: author?.name ?? '', names: coauthors.sort(byShared).map((coauthor) => coauthor.name) };
}

/** The whole library for the extension's own pages: the author, papers newest first, coauthors. */
export async function readLibrary(db: PaperlensDatabase): Promise<Library> {
  const tx = db.transaction(['papers', 'coauthors', 'meta']);
  const [papers, coauthors, author] = await Promise.all([
    tx.objectStore('papers').getAll(),
    tx.objectStore('coauthors').getAll(),
    getMeta(tx.objectStore('meta'), 'author'),
  ]);
  await tx.done;
  if (!author) throw new Error('The corpus is not loaded yet; reopen Paperlens in a moment.');
  return {
    author,
    papers: papers.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)),
    coauthors: coauthors.sort(byShared),
  };
}
