import { getMeta, type PaperlensDatabase } from '../db';
import { paperChanged } from './paper';
import type { AuthorSource, FollowedAuthor, LibraryPaper } from './schema';
import { allOrNothing, type LibraryImportSummary, type LibraryPreview } from './write';

/** A Paperlens library file's records, restored as they were (merged with what this library holds). */
export interface LibraryRestore {
  authors: readonly FollowedAuthor[];
  records: readonly LibraryPaper[];
}

const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];

/** The file's author, keeping the spellings and sources this library already knew of them. */
function mergeAuthor(file: FollowedAuthor, existing: FollowedAuthor | undefined): FollowedAuthor {
  if (!existing) return file;
  const key = (s: AuthorSource) => `${s.kind}\u0000${s.name}`;
  const known = new Set(file.sources.map(key));
  return {
    ...file,
    variants: union(file.variants, existing.variants),
    notVariants: union(file.notVariants, existing.notVariants),
    sources: [...file.sources, ...existing.sources.filter((s) => !known.has(key(s)))].slice(0, 100),
  };
}

/** The file's paper, still belonging to whoever it belonged to here, and here since it first came. */
function mergePaper(file: LibraryPaper, existing: LibraryPaper | undefined): LibraryPaper {
  if (!existing) return file;
  return {
    ...file,
    followedAuthorIds: union(file.followedAuthorIds, existing.followedAuthorIds),
    sources: union(file.sources, existing.sources),
    // ISO timestamps sort as text: the earlier one.
    addedAt: [existing.addedAt, file.addedAt].sort()[0] ?? file.addedAt,
  };
}

type AnyTx = ReturnType<PaperlensDatabase['transaction']>;

async function plan(tx: Pick<AnyTx, 'objectStore'>, restore: LibraryRestore) {
  const [authors, papers] = await Promise.all([
    Promise.all(restore.authors.map((a) => tx.objectStore('authors').get(a.id))),
    Promise.all(restore.records.map((p) => tx.objectStore('papers').get(p.id))),
  ]);
  const nextAuthors = restore.authors.map((author, i) => mergeAuthor(author, authors[i]));
  const nextPapers = restore.records.map((paper, i) => ({ paper: mergePaper(paper, papers[i]), before: papers[i] }));
  return { nextAuthors, nextPapers, newAuthors: restore.authors.filter((_, i) => !authors[i]) };
}

const counts = (papers: { paper: LibraryPaper; before: LibraryPaper | undefined }[]) => ({
  added: papers.filter((p) => !p.before).length,
  updated: papers.filter((p) => p.before && paperChanged(p.before, p.paper)).length,
  unchanged: papers.filter((p) => p.before && !paperChanged(p.before, p.paper)).length,
});

/** What restoring a library file would do. */
export async function previewRestore(db: PaperlensDatabase, restore: LibraryRestore): Promise<LibraryPreview> {
  const tx = db.transaction(['papers', 'authors']);
  const { nextPapers, newAuthors } = await plan(tx, restore);
  await tx.done;
  const names = new Map(restore.authors.map((a) => [a.id, a.name]));
  const byAuthor = new Map<string, number>();
  for (const { paper } of nextPapers) {
    for (const id of paper.followedAuthorIds) byAuthor.set(id, (byAuthor.get(id) ?? 0) + 1);
  }
  const isNew = new Set(newAuthors.map((a) => a.id));
  return {
    papers: restore.records.length,
    ...counts(nextPapers),
    byAuthor: [...byAuthor].map(([id, papers]) => ({
      id: isNew.has(id) ? null : id,
      name: names.get(id) ?? id,
      papers,
    })),
    noFollowed: nextPapers.filter(({ paper }) => !paper.followedAuthorIds.length).length,
    ambiguous: [],
    suggestions: [],
  };
}

/** Restores a library file in one transaction: all of it, or nothing. The reading list is not touched. */
export async function commitRestore(db: PaperlensDatabase, restore: LibraryRestore): Promise<LibraryImportSummary> {
  const tx = db.transaction(['papers', 'authors', 'meta'], 'readwrite');
  const { nextAuthors, nextPapers, newAuthors } = await plan(tx, restore);
  const revision = await getMeta(tx.objectStore('meta'), 'libraryRevision');
  const changed = nextPapers.filter((p) => paperChanged(p.before, p.paper));
  await allOrNothing(tx, [
    ...nextAuthors.map((author) => () => tx.objectStore('authors').put(author)),
    ...changed.map(
      ({ paper }) =>
        () =>
          tx.objectStore('papers').put(paper),
    ),
    () => tx.objectStore('meta').put({ key: 'libraryRevision', value: (revision ?? 0) + 1 }),
  ]);
  return {
    ...counts(nextPapers),
    followed: newAuthors.map((a) => a.name),
    addedIds: nextPapers.filter((p) => !p.before).map((p) => p.paper.id),
    touchedAuthors: [...new Set(changed.flatMap(({ paper }) => paper.followedAuthorIds))],
  };
}
