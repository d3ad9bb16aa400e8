import { openDB } from 'idb';
import { z } from 'zod';
import { DB_NAME, type PaperlensDatabase, type PaperlensDB } from '../db';
import { describeZodError } from '../zod-error';
import { type IncomingPaper, IncomingPaperSchema } from './incoming';
import { type LibraryPaper, LibraryPaperSchema } from './schema';

/** One batch of papers a library page read from a file, kept in the `staging` store until the import is committed. */
export interface StagedBatch {
  importId: string;
  /** From 0, in the order the page sent them. */
  batch: number;
  /** Papers and records staged for this import up to and including this batch. */
  total: number;
  /** When it was staged (ms since the epoch). */
  at: number;
  papers: IncomingPaper[];
  records: LibraryPaper[];
}

/** What a page is told when the staged file is not all there (a batch was never stored). */
export const STAGING_LOST =
  'Paperlens restarted while the file was being handed over, so part of it was lost. Nothing was changed; choose the file again.';

/** What a page is told when a staged batch is not what an import file gives (it was changed, or written by a bug). */
const stagingInvalid = (problem: string) =>
  `Part of the file handed over is not what Paperlens reads (${problem.split('\n')[0]}). Nothing was changed; choose the file again.`;

/** What a page is told when the import it names is no longer staged. */
export const STAGING_GONE =
  'This import is no longer waiting (Paperlens restarted or it was imported); choose the file again.';

/** The most papers held for imports at once, and how long a staged import is kept after its last batch. */
const MAX_STAGED = 250_000;
const KEEP_MS = 60 * 60_000;

/** The part of the staging store a reader needs, in a transaction of any mode. */
export interface StagingReader {
  get(key: [string, number]): Promise<StagedBatch | undefined>;
  index(name: 'by-import'): {
    openKeyCursor(range?: IDBKeyRange | null, direction?: IDBCursorDirection): Promise<BatchKeyCursor | null>;
  };
}

/** A cursor over `by-import` keys: `[importId, batch, total, at]`. */
interface BatchKeyCursor {
  key: [string, number, number, number];
  continue(): Promise<BatchKeyCursor | null>;
}

interface ImportBatches {
  batches: number;
  total: number;
  at: number;
}

/** Each staged import's batch count, total and last time, from the index keys alone (no papers are read). */
async function stagedImports(store: StagingReader): Promise<Map<string, ImportBatches>> {
  const imports = new Map<string, ImportBatches>();
  for (let cursor = await store.index('by-import').openKeyCursor(); cursor; cursor = await cursor.continue()) {
    const [importId, batch, total, at] = cursor.key;
    const known = imports.get(importId);
    if (!known || batch >= known.batches) imports.set(importId, { batches: batch + 1, total, at });
  }
  return imports;
}

/** Every batch of an import, by primary key. */
export const stagedRange = (importId: string) => IDBKeyRange.bound([importId, 0], [importId, Number.MAX_SAFE_INTEGER]);

const StagedContentsSchema = z.object({
  papers: z.array(IncomingPaperSchema).max(2_000),
  records: z.array(LibraryPaperSchema).max(2_000),
});

/**
 * Opens the database for a library page's file reader, which stages batches itself: in Chrome an extension
 * message costs about 110 ms a megabyte, an IndexedDB write about a third of that. It never creates or upgrades
 * the database (only the background does; the page stages batch 0 through it first), and closes when the
 * background wants to upgrade.
 */
export async function openStagingDb(): Promise<PaperlensDatabase> {
  const db = await openDB<PaperlensDB>(DB_NAME, undefined, { blocking: () => db.close() });
  if (!db.objectStoreNames.contains('staging')) {
    db.close();
    throw new Error('Paperlens is being updated; reload this page and choose the file again.');
  }
  return db;
}

/**
 * Imports staged in the `staging` store, batch by batch, so a file of 100k
 * papers never sits in the worker's memory and a worker restart loses none of it.
 * Imports not touched for an hour are dropped when the next batch comes. Batches
 * are staged by the background (from a message) or by the page's file reader
 * itself; the background checks each one against the schemas the first time it
 * reads it, and remembers which it checked until it restarts.
 */
export function createStaging(now: () => number = Date.now) {
  const checked = new Set<string>();
  const check = (batch: StagedBatch): StagedBatch => {
    const key = `${batch.importId} ${batch.batch} ${batch.total}`;
    if (checked.has(key)) return batch;
    const result = StagedContentsSchema.safeParse({ papers: batch.papers, records: batch.records });
    if (!result.success) throw new Error(stagingInvalid(describeZodError(result.error)));
    checked.add(key);
    return { ...batch, ...result.data };
  };
  return {
    /** The staged batches of an import, each checked against the schemas (see {@link stagedBatches}). */
    async *batches(store: StagingReader, importId: string, expected: number): AsyncGenerator<StagedBatch> {
      for await (const batch of stagedBatches(store, importId, expected)) yield check(batch);
    },
    /** Stores batch `batch` of an import; the papers and records staged for it so far. */
    async add(
      db: PaperlensDatabase,
      importId: string,
      batch: number,
      papers: readonly IncomingPaper[],
      records: readonly LibraryPaper[] = [],
    ): Promise<number> {
      const tx = db.transaction('staging', 'readwrite');
      const imports = await stagedImports(tx.store);
      for (const [id, entry] of imports) {
        if (now() - entry.at > KEEP_MS) {
          imports.delete(id);
          void tx.store.delete(stagedRange(id));
        }
      }
      const before = imports.get(importId);
      const known = await stagedBefore(tx.store, importId, batch, before);
      if (known === undefined) throw new Error(STAGING_LOST);
      const held = [...imports].reduce((n, [id, entry]) => n + (id === importId ? known : entry.total), 0);
      if (held + papers.length + records.length > MAX_STAGED) {
        throw new Error(
          `Paperlens takes at most ${MAX_STAGED.toLocaleString('en')} papers in one import; import the file in parts.`,
        );
      }
      const total = known + papers.length + records.length;
      // A batch sent again replaces itself and drops any after it: the page goes on from there.
      if (before && batch < before.batches)
        void tx.store.delete(IDBKeyRange.bound([importId, batch], [importId, Number.MAX_SAFE_INTEGER]));
      void tx.store.put({ importId, batch, total, at: now(), papers: [...papers], records: [...records] });
      await tx.done;
      // Whoever stages a batch has checked it already (the background's message handler, the page's reader).
      checked.add(`${importId} ${batch} ${total}`);
      return total;
    },
    /** Forgets an import (committed elsewhere, or given up). */
    async drop(db: PaperlensDatabase, importId: string): Promise<void> {
      await db.delete('staging', stagedRange(importId));
      this.forget(importId);
    },
    /** Forgets which batches of an import were checked (it was committed or dropped). */
    forget(importId: string): void {
      for (const key of checked) if (key.startsWith(`${importId} `)) checked.delete(key);
    },
  };
}
export type Staging = ReturnType<typeof createStaging>;

/**
 * The papers an import staged before batch `batch`, from the previous batch's index key; undefined when
 * `batch` cannot come next. Batches come in order from 0, or the same one again after a lost answer.
 */
async function stagedBefore(
  store: StagingReader,
  importId: string,
  batch: number,
  known: ImportBatches | undefined,
): Promise<number | undefined> {
  if (batch === 0) return 0;
  if (!known || batch > known.batches) return undefined;
  const range = IDBKeyRange.bound(
    [importId, batch - 1],
    [importId, batch - 1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  );
  const cursor = await store.index('by-import').openKeyCursor(range);
  return cursor?.key[2];
}

/** How many batches and papers an import has staged, or null when it has none. */
export async function stagedSize(store: StagingReader, importId: string): Promise<ImportBatches | null> {
  const range = IDBKeyRange.bound([importId], [importId, Number.MAX_SAFE_INTEGER]);
  const cursor = await store.index('by-import').openKeyCursor(range, 'prev');
  if (!cursor) return null;
  const [, batch, total, at] = cursor.key;
  return { batches: batch + 1, total, at };
}

/**
 * The staged batches of an import, in order, read one ahead inside the caller's
 * transaction (so the next one is on its way while this one is worked on).
 * Throws {@link STAGING_GONE} when nothing is staged, and {@link STAGING_LOST}
 * when the staged count is not `expected` (the page staged more than was kept).
 */
export async function* stagedBatches(
  store: StagingReader,
  importId: string,
  expected: number,
): AsyncGenerator<StagedBatch, void, undefined> {
  const size = await stagedSize(store, importId);
  if (!size) throw new Error(STAGING_GONE);
  if (size.total !== expected) throw new Error(STAGING_LOST);
  // Read ahead; a read the caller never takes (it stopped, the transaction aborted) must not go unhandled.
  const ahead = (batch: number) => {
    const read = store.get([importId, batch]);
    read.catch(() => {});
    return read;
  };
  let next = ahead(0);
  for (let batch = 0; batch < size.batches; batch++) {
    const current = await next;
    if (batch + 1 < size.batches) next = ahead(batch + 1);
    if (!current) throw new Error(STAGING_LOST);
    yield current;
  }
}
