import type { IncomingPaper } from './incoming';
import { keyOf } from './paper';
import type { LibraryPaper } from './schema';
import type { Staging, StagingReader } from './staging';

/** How many papers an import in memory is worked through at once (a staged import goes batch by batch). */
export const CHUNK = 2_000;

/** An import's papers, a chunk at a time, read inside the import's own transaction. */
export type PaperChunks = (staging: StagingReader) => AsyncIterable<readonly IncomingPaper[]>;

/** Papers held in memory (an arXiv refresh, a test), in chunks. */
export function papersInMemory(papers: readonly IncomingPaper[]): PaperChunks {
  return async function* () {
    for (let start = 0; start < papers.length; start += CHUNK) yield papers.slice(start, start + CHUNK);
  };
}

/** The papers a page staged under `importId` (`count` of them), batch by batch from the staging store, checked. */
export function papersStaged(staging: Pick<Staging, 'batches'>, importId: string, count: number): PaperChunks {
  return async function* (store) {
    for await (const batch of staging.batches(store, importId, count)) yield batch.papers;
  };
}

/** The part of the papers store an import reads. */
export interface PaperReader {
  get(key: string): Promise<LibraryPaper | undefined>;
  getKey(key: string): Promise<string | undefined>;
  getAllKeys(query?: IDBKeyRange, count?: number): Promise<string[]>;
  index(name: 'by-doi' | 'by-title' | 'by-family'): {
    get(key: string): Promise<LibraryPaper | undefined>;
    getAll(key: string): Promise<LibraryPaper[]>;
    openKeyCursor(): Promise<DoiCursor | null>;
  };
}

interface DoiCursor {
  key: string;
  primaryKey: string;
  continue(): Promise<DoiCursor | null>;
}

/** From this many papers on, an import reads every key of the library once rather than a range per chunk. */
const ALL_KEYS_FROM = 5_000;

/**
 * Finds the library papers a chunk names, by key or (for a paper the library
 * keeps under another key) by DOI. A large import reads the library's keys once,
 * so a chunk of papers the library lacks costs no request at all, and the next
 * chunk is worked out while IndexedDB still writes the last one; a small one
 * asks for the keys in its chunk's range (a snapshot is sorted), or one by one.
 * The library's DOIs are read once per import, and only if a chunk needs them.
 */
export function createStoredLookup(papers: PaperReader, importSize: number) {
  let dois: Promise<Map<string, string>> | null = null;
  let allKeys: Promise<Set<string>> | null = null;
  const doiKeys = async () => {
    const map = new Map<string, string>();
    for (let cursor = await papers.index('by-doi').openKeyCursor(); cursor; cursor = await cursor.continue()) {
      map.set(cursor.key, cursor.primaryKey);
    }
    return map;
  };
  return async (chunk: readonly IncomingPaper[]): Promise<Map<string, LibraryPaper>> => {
    const keys = chunk.map(keyOf);
    if (importSize >= ALL_KEYS_FROM) allKeys ??= papers.getAllKeys().then((found) => new Set(found));
    const present = allKeys ? await allKeys : await existingKeys(papers, keys);
    const wanted = new Map<string, string>();
    for (const [i, paper] of chunk.entries()) {
      const key = keys[i] as string;
      if (present.has(key)) wanted.set(key, key);
      else if (paper.doi) {
        dois ??= doiKeys();
        const stored = (await dois).get(paper.doi);
        if (stored) wanted.set(key, stored);
      }
    }
    const records = await Promise.all([...wanted.values()].map((stored) => papers.get(stored)));
    const byKey = new Map<string, LibraryPaper>();
    [...wanted.keys()].forEach((key, i) => {
      const record = records[i];
      if (record) byKey.set(key, record);
    });
    return byKey;
  };
}

/** Which of `keys` the library holds. */
async function existingKeys(papers: PaperReader, keys: readonly string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const sorted = [...keys].sort();
  const limit = keys.length * 4;
  const range = IDBKeyRange.bound(sorted[0], sorted.at(-1));
  const inRange = await papers.getAllKeys(range, limit);
  if (inRange.length < limit) return new Set(inRange);
  // The chunk is spread over much of the library: ask for each key.
  const found = await Promise.all(sorted.map((key) => papers.getKey(key)));
  return new Set(found.filter((key) => key !== undefined));
}
