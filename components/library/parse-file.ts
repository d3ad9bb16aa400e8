import { browser } from 'wxt/browser';
import { plainError } from '../../lib/errors';
import type { LibraryFileStreamed, ReadBatch, ReadLibraryFileOptions } from '../../lib/library/file-import';

/** The sentence for a file whose papers could not be staged. */
export const handOverFailed = (name: string, error: unknown): string =>
  `Could not hand “${name}” to Paperlens: ${plainError(error)} Nothing was imported.`;

/** What the page asks of the parse worker: read `file` and stage its batches from `firstBatch` on. */
export type ParseRequest = Pick<ReadLibraryFileOptions, 'followed' | 'snapshot'> & {
  file: File;
  importId: string;
  firstBatch: number;
};

/** What the parse worker tells the page. */
export type ParseReply =
  | { type: 'progress'; bytes: number; total: number }
  | { type: 'staged'; count: number }
  | { type: 'done'; result: ParsedFile };

export type ParsedFile = LibraryFileStreamed | { ok: false; error: string };

export interface ParseHandlers {
  onProgress(bytes: number, total: number): void;
  /** Papers staged so far. */
  onStaged(count: number): void;
  /** Stages a batch through the background: only where there are no workers (the unit tests). */
  onBatch(batch: ReadBatch): Promise<void>;
  signal: AbortSignal;
}

/**
 * Reads, checks and stages a file in a worker, so the page's main thread only
 * shows progress; where there are no workers (the unit tests), on the page
 * itself, staging each batch through the background.
 */
export function parseFile(request: ParseRequest, handlers: ParseHandlers): Promise<ParsedFile> {
  // Loaded only here, so the page's own bundle carries no parser.
  if (typeof Worker === 'undefined')
    return import('../../lib/library/file-import').then(({ streamLibraryFile }) =>
      streamLibraryFile(request.file, { ...request, ...handlers }),
    );
  const worker = new Worker(browser.runtime.getURL('/parse-worker.js'));
  return new Promise<ParsedFile>((resolve) => {
    const finish = (result: ParsedFile) => {
      worker.terminate();
      handlers.signal.removeEventListener('abort', cancelled);
      resolve(result);
    };
    const cancelled = () =>
      finish({ ok: false, error: `“${request.file.name}” was not read: the import was cancelled.` });
    handlers.signal.addEventListener('abort', cancelled, { once: true });
    worker.onerror = (event) =>
      finish({
        ok: false,
        error: `Could not read “${request.file.name}” (${event.message || 'the reader stopped'}); choose it again.`,
      });
    worker.onmessage = ({ data }: MessageEvent<ParseReply>) => {
      if (data.type === 'progress') handlers.onProgress(data.bytes, data.total);
      else if (data.type === 'staged') handlers.onStaged(data.count);
      else finish(data.result);
    };
    worker.postMessage(request);
  });
}
