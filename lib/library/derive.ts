import type { Coauthor } from '../corpus/schema';
import { getMeta, type PaperlensDatabase } from '../db';
import { computeNovelty, computeRelated } from '../insights/novelty';
import { tfidfVectors } from '../insights/text-vectors';
import { nameKey } from '../names';
import { createAuthorMatcher } from './match';
import type { FollowedAuthor, LibraryPaper } from './schema';
import { libraryCoauthor } from './seed';

/**
 * Derived data, worked out in the background after each change to the
 * library: coauthors per followed author (only for the authors a change
 * touched), and novelty and related papers (over the library's papers, the
 * measure docs/corpus.md defines). Until `derivedRevision` catches up with
 * `libraryRevision`, pages say the figures are being worked out.
 */

/** The coauthors of one followed author over their library papers: never themselves, never a group. */
export function coauthorsOf(author: FollowedAuthor, papers: readonly LibraryPaper[]): Coauthor[] {
  const self = createAuthorMatcher([author]);
  const shared = new Map<string, LibraryPaper[]>();
  for (const paper of papers) {
    for (const name of new Set(paper.authors)) {
      // A group ("Mistral-AI") has no given name: it is not a person.
      if (!nameKey(name)?.given.length || self.match([name]).ids.length) continue;
      shared.set(name, [...(shared.get(name) ?? []), paper]);
    }
  }
  return [...shared]
    .map(([name, list]) => ({
      name,
      paperIds: [...list].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)).map((p) => p.id),
      count: list.length,
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'));
}

/** Rewrites the coauthors of the given followed authors from their papers (by index: only their papers are read). */
export async function recomputeCoauthors(db: PaperlensDatabase, authorIds: readonly string[]): Promise<void> {
  const tx = db.transaction(['papers', 'authors', 'coauthors'], 'readwrite');
  const coauthors = tx.objectStore('coauthors');
  await Promise.all(
    authorIds.map(async (id) => {
      const [author, papers] = await Promise.all([
        tx.objectStore('authors').get(id),
        tx.objectStore('papers').index('by-followed').getAll(id),
      ]);
      await coauthors.delete(IDBKeyRange.bound([id, ''], [id, '\uffff']));
      if (!author) return;
      await Promise.all(coauthorsOf(author, papers).map((c) => coauthors.put(libraryCoauthor(id, c))));
    }),
  );
  await tx.done;
}

/** Novelty and related papers of every library paper, from title and abstract. */
export function deriveTexts(papers: readonly LibraryPaper[]): Map<string, Pick<LibraryPaper, 'novelty' | 'related'>> {
  const vectors = tfidfVectors(papers.map((paper) => `${paper.title}\n${paper.abstract}`));
  const dated = papers.map((paper, i) => ({ id: paper.id, date: paper.date, vector: vectors[i] ?? new Map() }));
  const novelty = computeNovelty(dated);
  const related = computeRelated(dated);
  return new Map(
    papers.map((paper) => [paper.id, { novelty: novelty.get(paper.id) ?? null, related: related.get(paper.id) ?? [] }]),
  );
}

/**
 * Brings novelty and related papers up to the library's revision. Reads the
 * papers, computes outside any transaction, then writes only the papers whose
 * figures changed, in one transaction that first checks nothing changed
 * meanwhile (if it did, the caller runs again). Returns whether it finished.
 */
export async function recomputeTexts(db: PaperlensDatabase): Promise<boolean> {
  const read = db.transaction(['papers', 'meta']);
  const [papers, revision] = await Promise.all([
    read.objectStore('papers').getAll(),
    getMeta(read.objectStore('meta'), 'libraryRevision'),
  ]);
  await read.done;
  const derived = deriveTexts(papers);
  const tx = db.transaction(['papers', 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  if ((await getMeta(meta, 'libraryRevision')) !== revision) {
    tx.abort();
    await tx.done.catch(() => {});
    return false;
  }
  await Promise.all([
    ...papers.flatMap((paper) => {
      const next = { ...paper, ...derived.get(paper.id) };
      return JSON.stringify(next) === JSON.stringify(paper) ? [] : [tx.objectStore('papers').put(next)];
    }),
    meta.put({ key: 'derivedRevision', value: revision ?? 0 }),
  ]);
  await tx.done;
  return true;
}
