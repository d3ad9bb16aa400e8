import { isRestartError } from '../../lib/errors';
import type { ReadBatch, ReadLibraryFileOptions } from '../../lib/library/file-import';
import { sendMessage } from '../../lib/messages';
import type { StagedFile } from './import-request';
import { handOverFailed, parseFile } from './parse-file';

/** How far reading a file has got. */
export interface Reading {
  name: string;
  bytes: number;
  total: number;
  /** Papers handed to the background so far. */
  staged: number;
  /** Reading the file (and handing its papers over as they come), or handing over the last of them. */
  step: 'reading' | 'staging';
}

/**
 * Stages a batch through the background. One whose answer was lost to a worker restart is sent once more:
 * the background keeps staged batches in IndexedDB, and takes the same batch again in its place.
 */
async function stageThroughBackground(importId: string, number: number, batch: ReadBatch): Promise<number> {
  const request = { importId, batch: number, papers: batch.papers, records: batch.records };
  try {
    return (await sendMessage('stageLibraryImport', request)).staged;
  } catch (error) {
    if (!isRestartError(error)) throw error;
    return (await sendMessage('stageLibraryImport', request)).staged;
  }
}

/** Reads a file the user chose (a snapshot through `selection`'s filter) and stages its papers; nothing is written to the library. */
export async function readAndStage(
  file: File,
  selection: Pick<ReadLibraryFileOptions, 'followed' | 'snapshot'>,
  progress: (reading: Reading) => void,
  signal: AbortSignal,
): Promise<{ ok: true; staged: StagedFile } | { ok: false; error: string }> {
  const importId = crypto.randomUUID();
  const reading: Reading = { name: file.name, bytes: 0, total: file.size, staged: 0, step: 'reading' };
  const update = (change: Partial<Reading>) => progress({ ...Object.assign(reading, change) });
  // A worker stages its batches itself, after an empty first one that wakes the background and opens the database.
  const inWorker = typeof Worker !== 'undefined';
  let sent = 0;
  const stage = async (batch: ReadBatch) => update({ staged: await stageThroughBackground(importId, sent++, batch) });
  try {
    if (inWorker) await stage({ papers: [], records: [] });
  } catch (error) {
    return { ok: false, error: handOverFailed(file.name, error) };
  }
  let stageError: unknown = null;
  const read = await parseFile(
    { file, followed: selection.followed, snapshot: selection.snapshot, importId, firstBatch: sent },
    {
      onProgress: (bytes, total) => update({ bytes, total, step: bytes >= total ? 'staging' : 'reading' }),
      onStaged: (staged) => update({ staged }),
      onBatch: (batch) =>
        stage(batch).catch((error: unknown) => {
          stageError = error;
          throw error;
        }),
      signal,
    },
  );
  if (stageError) return { ok: false, error: handOverFailed(file.name, stageError) };
  if (!read.ok) return read;
  const { kind, follow, titles, restoreAuthors, skipped, count } = read;
  return {
    ok: true,
    staged: { importId, source: sourceName(file.name), kind, papers: count, follow, titles, restoreAuthors, skipped },
  };
}

/** What the library records as the papers' source: the file's name, as long as the background takes. */
function sourceName(name: string): string {
  return name.trim().slice(0, 300) || 'a file';
}
