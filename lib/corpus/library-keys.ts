import { getMeta, type PaperlensDatabase, putParts, readParts, StaleParts } from '../db';
import type { LookupRequest } from '../message-schemas';
import { isDoiKey } from '../paper-key';
import { buildLibraryFilter, FILTER_FORMAT, type LibraryFilterMessage } from '../scan/library-filter';

/** A library of at most this many papers is sent whole with a page's first lookup (`wholeIfSmall`). */
export const WHOLE_IF_AT_MOST = 200;

/** Every key a page may name a library paper by, each to the paper's key: no record, only keys. */
export interface LibraryKeys {
  ids: ReadonlySet<string>;
  /** DOI → the key `by-doi` gives first (what `index.get` answers). */
  dois: ReadonlyMap<string, string>;
  /** Normalized title → the key `by-title` gives first. */
  titles: ReadonlyMap<string, string>;
  /** The `libraryRevision` they were read at, in the same transaction. */
  revision: number | undefined;
}

type KeyCursor = { key: unknown; primaryKey: unknown; continue(): Promise<unknown> } | null;

/** One index's keys, each to the first paper under it, without reading a record (abstracts and all). */
async function indexEntries(index: { openKeyCursor(): Promise<KeyCursor> }): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  for (let cursor = await index.openKeyCursor(); cursor; cursor = (await cursor.continue()) as KeyCursor) {
    const key = String(cursor.key);
    if (!entries.has(key)) entries.set(key, String(cursor.primaryKey));
  }
  return entries;
}

/** The library's keys and DOI and title index entries, with their revision, in one transaction. */
async function walkLibraryKeys(db: PaperlensDatabase): Promise<LibraryKeys> {
  const tx = db.transaction(['papers', 'meta']);
  const papers = tx.objectStore('papers');
  const [ids, dois, titles, revision] = await Promise.all([
    papers.getAllKeys(),
    indexEntries(papers.index('by-doi')),
    indexEntries(papers.index('by-title')),
    getMeta(tx.objectStore('meta'), 'libraryRevision'),
  ]);
  await tx.done;
  return { ids: new Set(ids), dois, titles, revision };
}

/** The keys as stored for the next worker start: one part of each kind's entries. */
export interface LibraryKeysPart {
  ids: string[];
  dois: [string, string][];
  titles: [string, string][];
}

/** Entries of each kind a stored part holds (~1 MB of titles): each part is read in a task of its own. */
export const KEYS_PER_PART = 10_000;

/**
 * The library's keys: those stored for the current `libraryRevision` when there are, else walked from the
 * indexes and stored. Walking is a request per index entry: at 100k papers ~3 s in the worker (~6 s for the
 * titles from a page), while a page's filter waits for them; the stored parts read back in a fraction of that.
 */
export async function readLibraryKeys(db: PaperlensDatabase): Promise<LibraryKeys> {
  const stored = await readStoredKeys(db);
  if (stored) return stored;
  const keys = await walkLibraryKeys(db);
  // Keys not stored (a full disk, say) are only walked again next start: never a reason to fail the lookups.
  await storeLibraryKeys(db, keys).catch((error: unknown) => console.error('[paperlens] library keys', error));
  return keys;
}

async function readStoredKeys(db: PaperlensDatabase): Promise<LibraryKeys | null> {
  const tx = db.transaction('meta');
  const [revision, head] = await Promise.all([getMeta(tx.store, 'libraryRevision'), getMeta(tx.store, 'libraryKeys')]);
  if (revision === undefined || head?.revision !== revision) return null;
  const keys = { ids: new Set<string>(), dois: new Map<string, string>(), titles: new Map<string, string>(), revision };
  try {
    for await (const part of readParts('libraryKeys', head, (key) => getMeta(db.transaction('meta').store, key))) {
      for (const id of part.ids) keys.ids.add(id);
      for (const [doi, key] of part.dois) keys.dois.set(doi, key);
      for (const [title, key] of part.titles) keys.titles.set(title, key);
    }
  } catch (error) {
    // Stored again for another revision meanwhile: walked afresh.
    if (error instanceof StaleParts) return null;
    throw error;
  }
  return keys;
}

async function storeLibraryKeys(db: PaperlensDatabase, keys: LibraryKeys): Promise<void> {
  if (keys.revision === undefined) return;
  const { revision } = keys;
  const [ids, dois, titles] = [[...keys.ids], [...keys.dois], [...keys.titles]];
  const count = Math.ceil(Math.max(ids.length, dois.length, titles.length, 1) / KEYS_PER_PART);
  const slice = <T>(list: T[], i: number) => list.slice(i * KEYS_PER_PART, (i + 1) * KEYS_PER_PART);
  const parts = Array.from({ length: count }, (_, i) => ({
    ids: slice(ids, i),
    dois: slice(dois, i),
    titles: slice(titles, i),
  }));
  const tx = db.transaction('meta', 'readwrite');
  // Kept only while the library is as they were read: a change since then leaves them unstored.
  if ((await getMeta(tx.store, 'libraryRevision')) !== revision) return;
  await Promise.all([...putParts(tx.store, 'libraryKeys', { revision }, parts), tx.done]);
}

/**
 * The pages' filter as stored for the current `libraryRevision`, or null. A restarted worker answers a page's
 * filter with one record instead of reading the keys' parts and building it (~0.8 s at 100k papers).
 */
export async function readStoredFilter(db: PaperlensDatabase): Promise<LibraryFilterMessage | null> {
  const tx = db.transaction('meta');
  const [revision, stored] = await Promise.all([
    getMeta(tx.store, 'libraryRevision'),
    getMeta(tx.store, 'libraryFilter'),
  ]);
  const current = revision !== undefined && stored?.revision === revision && stored.format === FILTER_FORMAT;
  return current ? stored.filter : null;
}

/** Stores the filter built from keys read at `revision`, unless the library changed since. */
export async function storeFilter(
  db: PaperlensDatabase,
  revision: number | undefined,
  filter: LibraryFilterMessage,
): Promise<void> {
  if (revision === undefined) return;
  const tx = db.transaction('meta', 'readwrite');
  if ((await getMeta(tx.store, 'libraryRevision')) !== revision) return;
  await Promise.all([
    tx.store.put({ key: 'libraryFilter', value: { revision, format: FILTER_FORMAT, filter } }),
    tx.done,
  ]);
}

/**
 * The filter pages test their links against (lib/scan/library-filter.ts):
 * the papers' arXiv ids, DOIs, normalized titles and titles' first words.
 */
export function filterOf(keys: LibraryKeys): LibraryFilterMessage {
  return buildLibraryFilter({
    ids: [...keys.ids].filter((key) => !isDoiKey(key)),
    dois: [...keys.dois.keys()],
    titles: [...keys.titles.keys()],
    papers: keys.ids.size,
  });
}

/**
 * The keys of the library papers a lookup names, each once, in the order the
 * request names them (ids, DOIs, titles, then the whole of a small library).
 */
export function resolveCandidates(keys: LibraryKeys, request: LookupRequest): string[] {
  const found = new Set<string>();
  for (const id of request.ids) if (keys.ids.has(id)) found.add(id);
  for (const doi of request.dois) {
    const key = keys.dois.get(doi);
    if (key !== undefined) found.add(key);
  }
  for (const title of request.titles) {
    const key = keys.titles.get(title);
    if (key !== undefined) found.add(key);
  }
  if (request.wholeIfSmall && keys.ids.size <= WHOLE_IF_AT_MOST) for (const id of keys.ids) found.add(id);
  return [...found];
}
