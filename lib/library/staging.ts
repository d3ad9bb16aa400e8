import type { IncomingPaper } from './incoming';
import type { LibraryPaper } from './schema';

/** Papers a library page read from a file, kept until the user commits or cancels the import. */
export interface StagedImport {
  papers: IncomingPaper[];
  records: LibraryPaper[];
  /** Batches taken so far. */
  batches: number;
  at: number;
}

/** What a page is told when the worker forgot part of a file (it was stopped while the file was handed over). */
export const STAGING_LOST =
  'Paperlens restarted while the file was being handed over, so part of it was lost. Nothing was changed; choose the file again.';

/** The most papers held for imports at once (a few hundred MB at worst), and how long a staged import is kept. */
const MAX_STAGED = 250_000;
const KEEP_MS = 60 * 60_000;

/**
 * Imports staged in memory, batch by batch (a message carries at most 2,000
 * papers). A worker stopped meanwhile forgets them: the page reads its file again.
 */
export function createStaging(now: () => number = Date.now) {
  const staged = new Map<string, StagedImport>();
  const size = () => [...staged.values()].reduce((n, s) => n + s.papers.length + s.records.length, 0);
  const expire = () => {
    for (const [id, entry] of staged) if (now() - entry.at > KEEP_MS) staged.delete(id);
  };
  return {
    add(
      importId: string,
      batch: number,
      papers: readonly IncomingPaper[],
      records: readonly LibraryPaper[] = [],
    ): number {
      expire();
      // Batches come in order from 0; any other next batch means the ones before it were forgotten.
      if (batch !== (staged.get(importId)?.batches ?? 0)) throw new Error(STAGING_LOST);
      if (size() + papers.length + records.length > MAX_STAGED) {
        throw new Error(
          `Paperlens takes at most ${MAX_STAGED.toLocaleString('en')} papers in one import; import the file in parts.`,
        );
      }
      const entry = staged.get(importId) ?? { papers: [], records: [], batches: 0, at: now() };
      entry.batches += 1;
      entry.papers.push(...papers);
      entry.records.push(...records);
      entry.at = now();
      staged.set(importId, entry);
      return entry.papers.length + entry.records.length;
    },
    /** The import staged under `importId`; given `count`, it must hold that many papers and records. */
    get(importId: string, count?: number): StagedImport {
      expire();
      const entry = staged.get(importId);
      if (!entry)
        throw new Error(
          'This import is no longer waiting (Paperlens restarted or it was imported); choose the file again.',
        );
      if (count !== undefined && entry.papers.length + entry.records.length !== count) throw new Error(STAGING_LOST);
      return entry;
    },
    drop(importId: string): void {
      staged.delete(importId);
    },
  };
}
export type Staging = ReturnType<typeof createStaging>;
