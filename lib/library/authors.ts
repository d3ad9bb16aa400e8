import { getMeta, type PaperlensDatabase } from '../db';
import type { UpdateAuthorRequest } from '../message-schemas';
import { allOrNothing } from './write';

/** Renames, recolours or re-spells a followed author; the library revision moves so pages and membership follow. */
export async function updateAuthor(db: PaperlensDatabase, request: UpdateAuthorRequest): Promise<void> {
  const tx = db.transaction(['authors', 'meta'], 'readwrite');
  const author = await tx.objectStore('authors').get(request.id);
  if (!author) {
    await tx.done;
    throw new Error('That author is no longer followed; reload the page.');
  }
  const { id: _id, ...changes } = request;
  const revision = await getMeta(tx.objectStore('meta'), 'libraryRevision');
  await allOrNothing(tx, [
    () => tx.objectStore('authors').put({ ...author, ...changes }),
    () => tx.objectStore('meta').put({ key: 'libraryRevision', value: (revision ?? 0) + 1 }),
  ]);
}

/**
 * Unfollows an author in one transaction: their papers no other followed
 * author shares leave the library, and their coauthors go. The reading list
 * is never touched. Unfollowing the bundled author keeps later bundles from following them again.
 */
export async function unfollowAuthor(db: PaperlensDatabase, id: string): Promise<{ removedPapers: number }> {
  const tx = db.transaction(['authors', 'papers', 'coauthors', 'meta'], 'readwrite');
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
  const removed = next.filter((paper) => !paper.followedAuthorIds.length);
  const kept = next.filter((paper) => paper.followedAuthorIds.length);
  const bundled = author.sources.some((source) => source.kind === 'bundled');
  await allOrNothing(tx, [
    () => tx.objectStore('authors').delete(id),
    ...removed.map((paper) => () => tx.objectStore('papers').delete(paper.id)),
    ...kept.map((paper) => () => tx.objectStore('papers').put(paper)),
    () => tx.objectStore('coauthors').delete(IDBKeyRange.bound([id, ''], [id, '\uffff'])),
    () => tx.objectStore('meta').put({ key: 'libraryRevision', value: (revision ?? 0) + 1 }),
    ...(bundled ? [() => tx.objectStore('meta').put({ key: 'bundleUnfollowed', value: true })] : []),
  ]);
  return { removedPapers: removed.length };
}
