import { plainError } from '../../lib/errors';
import { type ReadLibraryFileOptions, readLibraryFile, stagePapers } from '../../lib/library/file-import';
import { sendMessage } from '../../lib/messages';
import type { StagedFile } from './import-request';

/** How far reading a file has got. */
export interface Reading {
  name: string;
  bytes: number;
  total: number;
  /** Reading the file, or handing its papers to the background. */
  step: 'reading' | 'staging';
}

/** Reads a file the user chose (a snapshot through `selection`'s filter) and stages its papers; nothing is written to the library. */
export async function readAndStage(
  file: File,
  selection: Pick<ReadLibraryFileOptions, 'followed' | 'snapshot'>,
  progress: (reading: Reading) => void,
  signal: AbortSignal,
): Promise<{ ok: true; staged: StagedFile } | { ok: false; error: string }> {
  const reading = { name: file.name, bytes: 0, total: file.size };
  const read = await readLibraryFile(file, {
    ...selection,
    onProgress: (bytes, total) => progress({ ...reading, bytes, total, step: 'reading' }),
    signal,
  });
  if (!read.ok) return read;
  progress({ ...reading, bytes: file.size, step: 'staging' });
  try {
    const importId = await stagePapers(read, (batch) => sendMessage('stageLibraryImport', batch), signal);
    const { kind, follow, titles, restore, skipped } = read;
    return {
      ok: true,
      staged: {
        importId,
        source: sourceName(file.name),
        kind,
        papers: read.papers.length + (restore?.records.length ?? 0),
        follow,
        titles,
        restoreAuthors: restore ? [...restore.authors] : null,
        skipped,
      },
    };
  } catch (e) {
    return { ok: false, error: `Could not hand “${file.name}” to Paperlens: ${plainError(e)} Nothing was imported.` };
  }
}

/** What the library records as the papers' source: the file's name, as long as the background takes. */
function sourceName(name: string): string {
  return name.trim().slice(0, 300) || 'a file';
}
