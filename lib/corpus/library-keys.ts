import { getMeta, type PaperlensDatabase } from '../db';
import type { LookupRequest } from '../message-schemas';
import { isDoiKey } from '../paper-key';
import { buildLibraryFilter, type LibraryFilterMessage } from '../scan/library-filter';

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
export async function readLibraryKeys(db: PaperlensDatabase): Promise<LibraryKeys> {
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
