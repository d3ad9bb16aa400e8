import {
  type DBSchema,
  type IDBPDatabase,
  type IDBPObjectStore,
  type IDBPTransaction,
  openDB,
  type StoreNames,
} from 'idb';
import type { LibraryKeysPart } from './corpus/library-keys';
import type { Coauthor } from './corpus/schema';
import type { StoredIndex } from './insights/similarity-index';
import type { StoredDerived } from './library/derived-store';
import type { FollowedAuthor, LibraryPaper } from './library/schema';
import type { StoredFacets } from './library/search-first-page';
import type { KeptRow, StoredSearchIndex, StoredSearchRows } from './library/search-index';
import type { StagedBatch } from './library/staging';
import type { ImportSummary } from './message-schemas';
import { type ReadingListEntry, ReadingListEntrySchema } from './reading-list/schema';
import type { LibraryFilterMessage } from './scan/library-filter';

export const DB_NAME = 'paperlens';
/** The latest schema version; {@link upgrade} climbs to it one step at a time. */
export const DB_VERSION = 5;

/** The values kept in the `meta` store, by key. */
export interface MetaValues {
  corpusHash: string;
  corpusSeededAt: string;
  /** The bundled corpus's paper ids, so a new bundle can take back the papers it no longer has. */
  bundledIds: string[];
  /** The user unfollowed the bundled author: later bundles leave the library alone. */
  bundleUnfollowed: boolean;
  /** Bumped by every change to the library; derived data records the revision it was computed for. */
  libraryRevision: number;
  /** The library revision the derived data (coauthors, novelty, related papers) was last computed for. */
  derivedRevision: number;
  /** Entries removed lately, newest first, so a remove can be undone from anywhere (a page's card too). */
  recentlyRemoved: RemovedEntry[];
  /** What the latest imports did, by the id their page gave them: an import sent twice is done once. */
  recentImports: { id: string; summary: ImportSummary }[];
  /** The popup's search rows as last built, for a quick start after a worker restart (lib/library/search-index.ts). */
  searchRows: StoredSearchRows;
  /** Those rows, a part a record (each read in a task of its own). */
  [part: `searchRows/${number}`]: StoredPart<KeptRow[]>;
  /** The popup's full-text index as last built (MiniSearch JSON), loaded in slices after the rows. */
  searchIndex: StoredSearchIndex;
  /** Its terms, a part a record. */
  [part: `searchIndex/${number}`]: StoredPart<string>;
  /** The facets (categories, years) of the library and of each followed author, for the popup's opening page. */
  searchFacets: StoredFacets;
  /** The library's keys as last walked (lib/corpus/library-keys.ts), for the `libraryRevision` they were read at. */
  libraryKeys: { revision: number; parts: number };
  [part: `libraryKeys/${number}`]: StoredPart<LibraryKeysPart>;
  /** The pages' filter built from those keys (lib/scan/library-filter.ts), for the `libraryRevision` it was built at. */
  libraryFilter: { revision: number; format: number; filter: LibraryFilterMessage };
  /** The similarity index as last built, with the revision it matches, so a restarted worker does not rebuild it. */
  similarityIndex: { revision: number; index: StoredIndex };
}

/** A coauthor of one followed author, with the library papers they share. */
export interface LibraryCoauthor extends Coauthor {
  authorId: string;
}

/**
 * A chunk of the coauthors of one followed author (v5): a few records per
 * author at 100k papers rather than one per coauthor (~290k), so working them
 * out writes little. Chunks stay under ~32 KB: Chromium keeps an IndexedDB
 * value over 64 KB as a blob, and reading hundreds of those took seconds.
 */
export interface AuthorCoauthors {
  authorId: string;
  /** 0, 1, …: the author's chunks in order. */
  chunk: number;
  /** Most shared papers first. */
  coauthors: Coauthor[];
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

/** One part of a whole kept in parts, with the revision of the whole it belongs to. */
export interface StoredPart<T> {
  revision: string | number;
  part: T;
}

/**
 * Wholes kept in `meta` in parts: the head at `key` (its revision and how many parts), the parts at `key/0`, `key/1`,
 * …. Read back a part a transaction, each part is unwrapped and parsed in a task of its own: stored as one value,
 * a 30–50 MB whole at 100k papers was one task of ~0.8 s that held up every page and popup asking the worker.
 */
export type PartedKey = 'searchRows' | 'searchIndex' | 'libraryKeys';
type PartOf<K extends PartedKey> = MetaValues[`${K}/${number}`]['part'];
type MetaWrites = { put(value: Meta): Promise<unknown>; delete(range: IDBKeyRange): Promise<unknown> };

/** Requests (in the caller's read-write transaction) that store a whole's head and parts, and no earlier part. */
export function putParts<K extends PartedKey>(
  store: MetaWrites,
  key: K,
  head: Omit<MetaValues[K], 'parts'>,
  parts: readonly PartOf<K>[],
): Promise<unknown>[] {
  const { revision } = head;
  // Requests run in the order they are made: the delete goes first, so an earlier store's extra parts go.
  return [
    store.delete(IDBKeyRange.bound(`${key}/`, `${key}/\uffff`)),
    ...parts.map((part, i) => store.put({ key: `${key}/${i}`, value: { revision, part } } as Meta)),
    store.put({ key, value: { ...head, parts: parts.length } } as Meta),
  ];
}

/** A part missing or of another revision than its head: the whole was stored again while it was read. */
export class StaleParts extends Error {}

/** The parts of a whole whose head was read, in order; `get` reads one in a transaction of its own. */
export async function* readParts<K extends PartedKey>(
  key: K,
  head: MetaValues[K],
  get: (partKey: `${K}/${number}`) => Promise<StoredPart<PartOf<K>> | undefined>,
): AsyncGenerator<PartOf<K>> {
  for (let i = 0; i < head.parts; i++) {
    const stored = await get(`${key}/${i}`);
    if (stored?.revision !== head.revision) throw new StaleParts(`${key}/${i} is not of revision ${head.revision}`);
    yield stored.part;
  }
}

/**
 * The library's and its derived data's revisions as one key (`3/2`), read from `meta` (in the caller's
 * transaction), and whether derived data is current: what is worked out from the library is kept by this key.
 */
export async function readRevision(meta: {
  get(key: 'libraryRevision' | 'derivedRevision'): Promise<Meta | undefined>;
}): Promise<{ revision: string; derived: boolean; loaded: boolean }> {
  const [library, derived] = await Promise.all([getMeta(meta, 'libraryRevision'), getMeta(meta, 'derivedRevision')]);
  // `loaded`: the library was ever seeded (a revision is written with the bundled papers).
  return { revision: `${library ?? 0}/${derived ?? 0}`, derived: library === derived, loaded: library !== undefined };
}

/**
 * The database as of {@link DB_VERSION}.
 *
 * - v1: `papers` (by id, index `by-title`), `readingList` (by id), `meta`.
 * - v2: `papers` gains `by-category`, `by-year` and a multi-entry `by-author`;
 *   `coauthors` is added; reading-list entries gain status, note, tags and
 *   source (v1 entries are rewritten with defaults).
 * - v3: the library of many authors. `authors` (followed authors) is added;
 *   papers gain a multi-entry `by-followed`, `by-doi`, `by-added` and a
 *   multi-entry `by-family` (folded family names on the author list);
 *   coauthors are kept per followed author (`[authorId, name]`, indexes
 *   `by-followed` and `by-family`). Papers and coauthors held only the bundled
 *   corpus, so they are emptied and reseeded; the reading list is untouched.
 * - v4: `staging` holds the batches of a file import until it is committed or
 *   expires (keyed `[importId, batch]`; index `by-import` gives each batch's
 *   running total and time without reading its papers).
 * - v5: `coauthors` holds a few chunks per followed author (keyed
 *   `[authorId, chunk]`, no index: listings ask the worker's index of them) instead of one record per pair, and `derived` each
 *   paper's novelty, related papers and coauthor counts (keyed `id`), so a
 *   derived pass no longer rewrites the papers; both are derived data, so the
 *   next pass works them out again.
 */
export interface PaperlensDB extends DBSchema {
  papers: {
    key: string;
    value: LibraryPaper;
    indexes: {
      'by-title': string;
      'by-followed': string;
      'by-doi': string;
      'by-family': string;
      'by-date': string;
    };
  };
  authors: { key: string; value: FollowedAuthor };
  derived: { key: string; value: StoredDerived };
  coauthors: { key: [string, number]; value: AuthorCoauthors };
  readingList: { key: string; value: ReadingListEntry; indexes: { 'by-saved': string } };
  meta: { key: Meta['key']; value: Meta };
  staging: {
    key: [string, number];
    value: StagedBatch;
    indexes: { 'by-import': [string, number, number, number] };
  };
}

export type PaperlensDatabase = IDBPDatabase<PaperlensDB>;
/** One store of a read-write transaction over several stores. */
export type WriteStore<Name extends StoreNames<PaperlensDB>> = IDBPObjectStore<
  PaperlensDB,
  ArrayLike<StoreNames<PaperlensDB>>,
  Name,
  'readwrite'
>;
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
    droppedIndex(papers, 'by-category', 'category');
    droppedIndex(papers, 'by-year', 'year');
    droppedIndex(papers, 'by-author', 'authors', { multiEntry: true });
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
  if (oldVersion < 3 && toVersion >= 3) upgradeToLibrary(db, tx);
  if (oldVersion < 4 && toVersion >= 4) {
    const staging = db.createObjectStore('staging', { keyPath: ['importId', 'batch'] });
    staging.createIndex('by-import', ['importId', 'batch', 'total', 'at']);
    upgradePaperIndexes(tx);
  }
  if (oldVersion < 5 && toVersion >= 5) upgradeDerived(db, tx);
}

/** v5: coauthors in chunks per followed author, derived data a store of its own; marked behind so both are worked out again. */
function upgradeDerived(db: IDBPDatabase<PaperlensDB>, tx: UpgradeTransaction): void {
  db.deleteObjectStore('coauthors');
  db.createObjectStore('coauthors', { keyPath: ['authorId', 'chunk'] });
  db.createObjectStore('derived', { keyPath: 'id' });
  void tx.objectStore('meta').delete('derivedRevision');
}

/**
 * v4: papers gain `by-date` (the popup's opening page reads the newest by it) and lose the
 * indexes nothing reads: every write of a paper updated them (`by-author` one entry per
 * name on its author list), and at 100k papers they took tens of megabytes.
 */
function upgradePaperIndexes(tx: UpgradeTransaction): void {
  const papers = tx.objectStore('papers');
  papers.createIndex('by-date', 'date');
  const raw = papers as unknown as IDBObjectStore;
  for (const unread of ['by-category', 'by-year', 'by-author', 'by-added']) {
    if (raw.indexNames.contains(unread)) raw.deleteIndex(unread);
  }
}

/** An index an older version had and v4 dropped (the schema's type names only today's). */
function droppedIndex(store: object, name: string, keyPath: string, options?: IDBIndexParameters): void {
  (store as IDBObjectStore).createIndex(name, keyPath, options);
}

/** v3: followed authors, papers that know whose they are, coauthors per followed author. */
function upgradeToLibrary(db: IDBPDatabase<PaperlensDB>, tx: UpgradeTransaction): void {
  db.createObjectStore('authors', { keyPath: 'id' });
  const papers = tx.objectStore('papers');
  void papers.clear();
  papers.createIndex('by-followed', 'followedAuthorIds', { multiEntry: true });
  papers.createIndex('by-doi', 'doi');
  droppedIndex(papers, 'by-added', 'addedAt');
  papers.createIndex('by-family', 'authorFamilies', { multiEntry: true });
  db.deleteObjectStore('coauthors');
  const coauthors = db.createObjectStore('coauthors', { keyPath: ['authorId', 'name'] }) as unknown as IDBObjectStore;
  coauthors.createIndex('by-followed', 'authorId');
  coauthors.createIndex('by-family', 'family');
  const meta = tx.objectStore('meta');
  // The one author of v2 becomes a followed author when the bundled corpus is seeded again.
  void meta.delete('corpusHash');
  void meta.delete('author' as Meta['key']);
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

/** All the coauthor chunks of one followed author, as a key range. */
export const coauthorChunks = (authorId: string, from = 0): IDBKeyRange =>
  IDBKeyRange.bound([authorId, from], [authorId, Infinity]);
