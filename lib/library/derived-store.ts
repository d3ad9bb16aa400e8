import { fnv1a } from '../text/fnv';
import type { LibraryPaper, PaperCoauthor } from './schema';

/**
 * Derived data kept apart from the papers (the `derived` store, v5): a pass writes one small record a paper
 * instead of rewriting the paper with its abstract and five indexes (at 100k papers 0.2 against 0.6 ms a
 * record in this Chromium, and the papers' indexes no longer collect a stale entry per rewrite). Readers
 * lay a paper's record over it; a paper with none (not worked out since v5) keeps what it carries.
 */
export type PaperDerived = Pick<LibraryPaper, 'id' | 'novelty' | 'related' | 'coauthors'>;

/** One followed author's coauthors on a paper: shared papers by position in its author list (null: not a coauthor). */
export type CoauthorCounts = [authorId: string, counts: (number | null)[]];

/**
 * A derived record as stored. Coauthors are kept as {@link CoauthorCounts}, not as names the paper already
 * holds: at 100k papers a third of the record, ~11 MB on disk. A list that its author list cannot express
 * (names not on it, out of its order) is kept as it is, in `coauthors`.
 */
export interface StoredDerived extends Pick<LibraryPaper, 'id' | 'novelty' | 'related'> {
  shared?: CoauthorCounts[];
  /** The fingerprint of the author list `shared` follows: counts of another list are never read against this one. */
  of?: number;
  coauthors?: PaperCoauthor[];
}

/** An author list's fingerprint (FNV-1a of the names in order). */
const authorsOf = (authors: readonly string[]): number => fnv1a(authors.join('\u0001'));

/** Coauthors from counts by position in `authors`. */
function namedCoauthors(shared: readonly CoauthorCounts[], authors: readonly string[]): PaperCoauthor[] {
  return shared.flatMap(([authorId, counts]) =>
    counts.flatMap((sharedPapers, i) =>
      sharedPapers === null ? [] : [{ name: authors[i] as string, sharedPapers, authorId }],
    ),
  );
}

/** Counts by author position, grouped by followed author in the order the list names them. */
function countedCoauthors(coauthors: readonly PaperCoauthor[], authors: readonly string[]): CoauthorCounts[] {
  const groups = new Map<string, (number | null)[]>();
  for (const { name, sharedPapers, authorId } of coauthors) {
    const counts = groups.get(authorId) ?? authors.map(() => null);
    groups.set(authorId, counts);
    authors.forEach((author, i) => {
      if (author === name) counts[i] = sharedPapers;
    });
  }
  return [...groups];
}

/** A paper's derived part as its record stores it, given the paper's author list. */
export function storedDerived(
  { id, novelty, related, coauthors }: PaperDerived,
  authors: readonly string[],
): StoredDerived {
  const record: StoredDerived = { id, novelty, related };
  if (!coauthors) return record;
  const shared = countedCoauthors(coauthors, authors);
  // Kept as counts only when they give back the very same list.
  const exact = JSON.stringify(namedCoauthors(shared, authors)) === JSON.stringify(coauthors);
  return exact ? { ...record, shared, of: authorsOf(authors) } : { ...record, coauthors };
}

/**
 * The coauthors a stored record gives a paper with these authors; undefined when not worked out, or worked out
 * for an author list the paper no longer has (an import changed it and derived data has not caught up): readers
 * then count them from the coauthor records, never name the wrong people.
 */
export function storedCoauthors(record: StoredDerived, authors: readonly string[]): PaperCoauthor[] | undefined {
  if (!record.shared) return record.coauthors;
  return record.of === authorsOf(authors) ? namedCoauthors(record.shared, authors) : undefined;
}

/** A record with its coauthors as another stored them (a pass that did not touch them keeps them as they are). */
export const withStoredCoauthors = (record: StoredDerived, from: StoredDerived | undefined): StoredDerived => ({
  ...record,
  ...(from?.shared ? { shared: from.shared, of: from.of } : {}),
  ...(from?.coauthors ? { coauthors: from.coauthors } : {}),
});

/** The derived part of a paper (what the bundle's papers carry, say). */
export const derivedPart = ({ id, novelty, related, coauthors }: LibraryPaper): PaperDerived => ({
  id,
  novelty,
  related,
  ...(coauthors ? { coauthors } : {}),
});

/** The derived record a paper's own figures make. */
export const derivedRecord = (paper: LibraryPaper): StoredDerived => storedDerived(derivedPart(paper), paper.authors);

/** A paper with its derived record laid over it. */
export function withDerived(paper: LibraryPaper, derived: StoredDerived | undefined): LibraryPaper {
  if (!derived) return paper;
  const { novelty, related } = derived;
  const coauthors = storedCoauthors(derived, paper.authors);
  return { ...paper, novelty, related, ...(coauthors ? { coauthors } : {}) };
}

/** What reading derived records needs of a transaction's `derived` store. */
export interface DerivedReader {
  get(id: string): Promise<StoredDerived | undefined>;
  getAll(range: IDBKeyRange): Promise<StoredDerived[]>;
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

/** Whether two stored records say the same (a pass writes only those that changed). */
export const sameDerived = (a: StoredDerived | undefined, b: StoredDerived): boolean =>
  a !== undefined &&
  JSON.stringify([a.novelty, a.related, a.shared, a.of, a.coauthors]) ===
    JSON.stringify([b.novelty, b.related, b.shared, b.of, b.coauthors]);
