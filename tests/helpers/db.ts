import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { CorpusSchema } from '../../lib/corpus/schema';
import {
  coauthorChunks,
  DB_NAME,
  type LibraryCoauthor,
  type PaperlensDatabase,
  type PaperlensDB,
  upgrade,
} from '../../lib/db';
import { withDerived } from '../../lib/library/derived-store';
import type { LibraryPaper } from '../../lib/library/schema';
import { authorCoauthors, bundleOf, coauthorEntries, fromBundle } from '../../lib/library/seed';

export const corpus = CorpusSchema.parse(JSON.parse(readFileSync(resolve('data/corpus.json'), 'utf8')));

export interface DbFixture {
  version: number;
  stores: Record<string, unknown[]>;
}

export function readDbFixture(version: number): DbFixture {
  return JSON.parse(readFileSync(resolve(`tests/fixtures/db/v${version}.json`), 'utf8'));
}

/**
 * Creates a database as the extension at `fixture.version` left it (the
 * ladder climbed only that far) and fills it with the fixture's records.
 */
export async function createFromFixture(factory: IDBFactory, fixture: DbFixture): Promise<void> {
  const db = await openAt(factory, fixture.version);
  for (const [store, records] of Object.entries(fixture.stores)) {
    const tx = db.transaction(store as 'meta', 'readwrite');
    await Promise.all(records.map((record) => tx.store.put(record as never)));
    await tx.done;
  }
  db.close();
}

export const freshFactory = () => new IDBFactory();

/** Opens a database climbing the ladder only to `version` (a step between two fixtures). */
export async function openAt(factory: IDBFactory, version: number): Promise<PaperlensDatabase> {
  const previous = globalThis.indexedDB;
  globalThis.indexedDB = factory;
  try {
    return await openDB<PaperlensDB>(DB_NAME, version, {
      upgrade: (database, oldVersion, _newVersion, tx) => upgrade(database, oldVersion, tx, version),
    });
  } finally {
    globalThis.indexedDB = previous;
  }
}

/** The bundled author's id in the library. */
export const BUNDLED_AUTHOR_ID = 'jan-ludziejewski';

/** The corpus papers as the library stores them after a first seed. */
export const libraryPapers: LibraryPaper[] = corpus.papers.map((paper) =>
  fromBundle(paper, undefined, bundleOf(corpus, BUNDLED_AUTHOR_ID), '2026-12-01T00:00:00.000Z'),
);

/** The corpus coauthors as the library stores them. */
export const libraryCoauthors: LibraryCoauthor[] = authorCoauthors(BUNDLED_AUTHOR_ID, corpus.coauthors).flatMap(
  coauthorEntries,
);

/** A library paper as pages see it: its record with its derived record laid over it (lib/library/derived-store.ts). */
export async function libraryPaper(db: PaperlensDatabase, id: string): Promise<LibraryPaper | undefined> {
  const [paper, derived] = await Promise.all([db.get('papers', id), db.get('derived', id)]);
  return paper && withDerived(paper, derived);
}

/** Every library paper as pages see it, in key order. */
export async function libraryPaperList(db: PaperlensDatabase): Promise<LibraryPaper[]> {
  const derived = new Map((await db.getAll('derived')).map((record) => [record.id, record]));
  return (await db.getAll('papers')).map((paper) => withDerived(paper, derived.get(paper.id)));
}

/** One followed author's coauthor of that name as stored, or undefined. */
export async function coauthorOf(db: PaperlensDatabase, authorId: string, name: string) {
  const chunks = await db.getAll('coauthors', coauthorChunks(authorId));
  return chunks.flatMap((chunk) => chunk.coauthors).find((coauthor) => coauthor.name === name);
}

/** Every coauthor stored, each with the followed author they share papers with. */
export async function allCoauthors(db: PaperlensDatabase): Promise<LibraryCoauthor[]> {
  return (await db.getAll('coauthors')).flatMap(coauthorEntries);
}
