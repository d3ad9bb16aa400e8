import type { LibraryPaper } from './schema';

/**
 * Derived data kept apart from the papers (the `derived` store, v5): a pass writes one small record a paper
 * instead of rewriting the paper with its abstract and five indexes (at 100k papers 0.2 against 0.6 ms a
 * record in this Chromium, and the papers' indexes no longer collect a stale entry per rewrite). Readers
 * lay a paper's record over it; a paper with none (not worked out since v5) keeps what it carries.
 */
export type PaperDerived = Pick<LibraryPaper, 'id' | 'novelty' | 'related' | 'coauthors'>;

/** The derived part of a paper (what the bundle's papers carry, say). */
export const derivedPart = ({ id, novelty, related, coauthors }: LibraryPaper): PaperDerived => ({
  id,
  novelty,
  related,
  ...(coauthors ? { coauthors } : {}),
});

/** A paper with its derived record laid over it. */
export function withDerived(paper: LibraryPaper, derived: PaperDerived | undefined): LibraryPaper {
  if (!derived) return paper;
  const { novelty, related, coauthors } = derived;
  return { ...paper, novelty, related, ...(coauthors ? { coauthors } : {}) };
}

/** What reading derived records needs of a transaction's `derived` store. */
export interface DerivedReader {
  get(id: string): Promise<PaperDerived | undefined>;
  getAll(range: IDBKeyRange): Promise<PaperDerived[]>;
}

/** Papers read by key, with their derived records read by key in the same transaction. */
export async function readDerived(store: DerivedReader, papers: readonly LibraryPaper[]): Promise<LibraryPaper[]> {
  const records = await Promise.all(papers.map((paper) => store.get(paper.id)));
  return papers.map((paper, i) => withDerived(paper, records[i]));
}

/** A batch of papers read in key order, with the derived records of its key range (one request). */
export async function readDerivedRange(store: DerivedReader, papers: readonly LibraryPaper[]): Promise<LibraryPaper[]> {
  const [first, last] = [papers[0], papers.at(-1)];
  if (!first || !last) return [];
  const byId = new Map((await store.getAll(IDBKeyRange.bound(first.id, last.id))).map((r) => [r.id, r]));
  return papers.map((paper) => withDerived(paper, byId.get(paper.id)));
}

/** Whether two derived records say the same (a pass writes only those that changed). */
export const sameDerived = (a: PaperDerived | undefined, b: PaperDerived): boolean =>
  a !== undefined &&
  JSON.stringify([a.novelty, a.related, a.coauthors]) === JSON.stringify([b.novelty, b.related, b.coauthors]);
