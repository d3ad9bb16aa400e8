import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { AuthorProfile, Coauthor, Corpus, Paper } from './corpus/schema';
import type { ImportSummary } from './message-schemas';
import { type ReadingListEntry, ReadingListEntrySchema } from './reading-list/schema';

export const DB_NAME = 'paperlens';
/** The latest schema version; {@link upgrade} climbs to it one step at a time. */
export const DB_VERSION = 2;

/** The values kept in the `meta` store, by key. */
export interface MetaValues {
  corpusHash: string;
  corpusSeededAt: string;
  author: AuthorProfile;
  /** Entries removed lately, newest first, so a remove can be undone from anywhere (a page's card too). */
  recentlyRemoved: RemovedEntry[];
  /** What the latest imports did, by the id their page gave them: an import sent twice is done once. */
  recentImports: { id: string; summary: ImportSummary }[];
}

/** A reading-list entry as it was when removed. */
export interface RemovedEntry {
  entry: ReadingListEntry;
  /** ISO timestamp. */
  removedAt: string;
}
/** A key-value pair of the `meta` store. */
export type Meta = { [K in keyof MetaValues]: { key: K; value: MetaValues[K] } }[keyof MetaValues];

/** Reads one `meta` value with its type (the store holds a union). */
export async function getMeta<K extends keyof MetaValues>(
  store: { get(key: NoInfer<K>): Promise<Meta | undefined> },
  key: K,
): Promise<MetaValues[K] | undefined> {
  return (await store.get(key))?.value as MetaValues[K] | undefined;
}

/**
 * The database as of {@link DB_VERSION}.
 *
 * - v1: `papers` (by id, index `by-title`), `readingList` (by id), `meta`.
 * - v2: `papers` gains `by-category`, `by-year` and a multi-entry `by-author`;
 *   `coauthors` is added; reading-list entries gain status, note, tags and
 *   source (v1 entries are rewritten with defaults).
 */
export interface PaperlensDB extends DBSchema {
  papers: {
    key: string;
    value: Paper;
    indexes: { 'by-title': string; 'by-category': string; 'by-year': number; 'by-author': string };
  };
  coauthors: { key: string; value: Coauthor };
  readingList: { key: string; value: ReadingListEntry; indexes: { 'by-saved': string } };
  meta: { key: Meta['key']; value: Meta };
}

export type PaperlensDatabase = IDBPDatabase<PaperlensDB>;
type UpgradeTransaction = IDBPTransaction<PaperlensDB, StoreNames<PaperlensDB>[], 'versionchange'>;

/**
 * The upgrade ladder. Each step only ever grows, and each runs exactly once
 * per database, in order, inside the version-change transaction.
 */
export function upgrade(
  db: IDBPDatabase<PaperlensDB>,
  oldVersion: number,
  tx: UpgradeTransaction,
  toVersion = DB_VERSION,
): void {
  if (oldVersion < 1 && toVersion >= 1) {
    const papers = db.createObjectStore('papers', { keyPath: 'id' });
    papers.createIndex('by-title', 'normalizedTitle');
    db.createObjectStore('readingList', { keyPath: 'id' });
    db.createObjectStore('meta', { keyPath: 'key' });
  }
  if (oldVersion < 2 && toVersion >= 2) {
    const papers = tx.objectStore('papers');
    papers.createIndex('by-category', 'category');
    papers.createIndex('by-year', 'year');
    papers.createIndex('by-author', 'authors', { multiEntry: true });
    db.createObjectStore('coauthors', { keyPath: 'name' });
    const readingList = tx.objectStore('readingList');
    readingList.createIndex('by-saved', 'savedAt');
    // v1 entries were { id, title, savedAt }: give them the v2 fields without losing any.
    void readingList.openCursor().then(async function migrate(cursor): Promise<void> {
      if (!cursor) return;
      const upgraded = upgradeReadingListEntryV1(cursor.value);
      // An entry that cannot be read as v1 is kept as it is rather than dropped.
      if (upgraded) await cursor.update(upgraded);
      return migrate(await cursor.continue());
    });
    // A corpus seeded by v1 lacks the coauthor index: forget its hash so the next seed refills both.
    void tx.objectStore('meta').delete('corpusHash');
  }
}

/** A v1 reading-list record in the v2 shape (status "to read", no note, tags or source), or null if unreadable. */
export function upgradeReadingListEntryV1(value: unknown): ReadingListEntry | null {
  const old = (typeof value === 'object' && value ? value : {}) as Record<string, unknown>;
  const result = ReadingListEntrySchema.safeParse({
    status: 'to-read',
    note: '',
    tags: [],
    source: null,
    inCorpus: true,
    ...old,
  });
  return result.success ? result.data : null;
}

/** Opens (creating or upgrading) the Paperlens database. Only the background calls this. */
export function openPaperlensDb(factory?: IDBFactory): Promise<PaperlensDatabase> {
  return withFactory(factory, () =>
    openDB<PaperlensDB>(DB_NAME, DB_VERSION, {
      upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
    }),
  );
}

/**
 * idb's `openDB` reads the global `indexedDB`; tests pass a fresh
 * fake-indexeddb factory instead.
 */
async function withFactory<T>(factory: IDBFactory | undefined, open: () => Promise<T>): Promise<T> {
  if (!factory) return open();
  const previous = globalThis.indexedDB;
  globalThis.indexedDB = factory;
  try {
    return await open();
  } finally {
    globalThis.indexedDB = previous;
  }
}

export interface SeedResult {
  seeded: boolean;
  papers: number;
}

/**
 * Puts the bundled corpus into the database when its hash differs from the
 * one stored: papers, coauthors and the hash in one transaction, so a failure
 * leaves the previous corpus whole. The reading list is never touched.
 */
export async function seedCorpus(db: PaperlensDatabase, corpus: Corpus): Promise<SeedResult> {
  const tx = db.transaction(['papers', 'coauthors', 'meta'], 'readwrite');
  const stored = await getMeta(tx.objectStore('meta'), 'corpusHash');
  if (stored === corpus.hash) {
    await tx.done;
    return { seeded: false, papers: corpus.papers.length };
  }
  const papers = tx.objectStore('papers');
  const coauthors = tx.objectStore('coauthors');
  const meta = tx.objectStore('meta');
  await Promise.all([papers.clear(), coauthors.clear()]);
  await Promise.all([
    ...corpus.papers.map((paper) => papers.put(paper)),
    ...corpus.coauthors.map((coauthor) => coauthors.put(coauthor)),
    meta.put({ key: 'corpusHash', value: corpus.hash }),
    meta.put({ key: 'author', value: corpus.author }),
    meta.put({ key: 'corpusSeededAt', value: new Date().toISOString() }),
  ]);
  await tx.done;
  return { seeded: true, papers: corpus.papers.length };
}
