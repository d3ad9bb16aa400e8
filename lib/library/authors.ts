import { coauthorChunks, getMeta, type PaperlensDatabase } from '../db';
import type { UpdateAuthorRequest } from '../message-schemas';
import { createAuthorMatcher } from './match';
import { familiesOf } from './paper';
import type { LibraryPaper } from './schema';
import { allOrNothing } from './write';

/** Renames, recolours or re-spells a followed author; the library revision moves so pages and membership follow. */
export async function updateAuthor(db: PaperlensDatabase, request: UpdateAuthorRequest): Promise<void> {
  const tx = db.transaction(['authors', 'papers', 'meta'], 'readwrite');
  const author = await tx.objectStore('authors').get(request.id);
  if (!author) {
    await tx.done;
    throw new Error('That author is no longer followed; reload the page.');
  }
  const { id: _id, ...changes } = request;
  const next = { ...author, ...changes };
  // A new display name does not forget the old spelling: it still identifies them in author lists.
  if (changes.name && changes.name !== author.name && !next.variants.includes(author.name)) {
    next.variants = [...next.variants, author.name];
  }
  const [revision, others, candidates] = await Promise.all([
    getMeta(tx.objectStore('meta'), 'libraryRevision'),
    tx.objectStore('authors').getAll(),
    papersWithFamilies(tx.objectStore('papers'), [next.name, ...next.variants]),
  ]);
  // A new spelling can make papers the library already has theirs.
  const matcher = createAuthorMatcher(others.map((a) => (a.id === next.id ? next : a)));
  const gained = candidates.filter(
    (paper) => !paper.followedAuthorIds.includes(next.id) && matcher.match(paper.authors).ids.includes(next.id),
  );
  await allOrNothing(tx, [
    () => tx.objectStore('authors').put(next),
    ...gained.map(
      (paper) => () =>
        tx.objectStore('papers').put({ ...paper, followedAuthorIds: [...paper.followedAuthorIds, next.id] }),
    ),
    () => tx.objectStore('meta').put({ key: 'libraryRevision', value: (revision ?? 0) + 1 }),
  ]);
}

/** Library papers whose author lists carry the family name of any of `names` (by index). */
async function papersWithFamilies(
  papers: { index(name: 'by-family'): { getAll(key: string): Promise<LibraryPaper[]> } },
  names: readonly string[],
): Promise<LibraryPaper[]> {
  const found = await Promise.all(familiesOf(names).map((family) => papers.index('by-family').getAll(family)));
  return [...new Map(found.flat().map((paper) => [paper.id, paper])).values()];
}

/**
 * Unfollows an author in one transaction: their papers no other followed
 * author shares leave the library (unless a file brought them: an imported
 * bibliography stays whole), and their coauthors go. The reading list is
 * never touched. Unfollowing the bundled author keeps later bundles from following them again.
 */
export async function unfollowAuthor(db: PaperlensDatabase, id: string): Promise<{ removedPapers: number }> {
  const tx = db.transaction(['authors', 'papers', 'derived', 'coauthors', 'meta'], 'readwrite');
  const [author, papers, revision] = await Promise.all([
    tx.objectStore('authors').get(id),
    tx.objectStore('papers').index('by-followed').getAll(id),
    getMeta(tx.objectStore('meta'), 'libraryRevision'),
  ]);
  if (!author) {
    await tx.done;
    return { removedPapers: 0 };
  }
  const next = papers.map((paper) => ({
    ...paper,
    followedAuthorIds: paper.followedAuthorIds.filter((a) => a !== id),
  }));
  // A file the user imported (a bibliography) stays whole: only what arXiv or the bundle brought for them goes.
  const removed = next.filter((paper) => !paper.followedAuthorIds.length && !paper.sources.includes('file'));
  const kept = next.filter((paper) => !removed.includes(paper));
  const bundled = author.sources.some((source) => source.kind === 'bundled');
  await allOrNothing(tx, [
    () => tx.objectStore('authors').delete(id),
    ...removed.flatMap((paper) => [
      () => tx.objectStore('papers').delete(paper.id),
      () => tx.objectStore('derived').delete(paper.id),
    ]),
    ...kept.map((paper) => () => tx.objectStore('papers').put(paper)),
    () => tx.objectStore('coauthors').delete(coauthorChunks(id)),
    () => tx.objectStore('meta').put({ key: 'libraryRevision', value: (revision ?? 0) + 1 }),
    ...(bundled ? [() => tx.objectStore('meta').put({ key: 'bundleUnfollowed', value: true })] : []),
  ]);
  return { removedPapers: removed.length };
}
