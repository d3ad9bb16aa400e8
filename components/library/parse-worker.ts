import { type ReadBatch, streamLibraryFile } from '../../lib/library/file-import';
import { createStaging, openStagingDb } from '../../lib/library/staging';
import { handOverFailed, type ParseReply, type ParseRequest } from './parse-file';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
  postMessage(message: ParseReply): void;
};

/**
 * Stages each batch straight into IndexedDB (the next is read while one is written), numbered on from
 * `first`: the page staged batch 0 through the background, which opened and upgraded the database.
 */
async function stageFrom(request: ParseRequest) {
  const db = await openStagingDb();
  const staging = createStaging();
  let next = request.firstBatch;
  let writing: Promise<unknown> = Promise.resolve();
  let failure: { error: unknown } | null = null;
  const stage = async (batch: ReadBatch) => {
    await writing;
    if (failure) throw failure.error;
    const number = next++;
    writing = staging.add(db, request.importId, number, batch.papers, batch.records).then(
      (count) => scope.postMessage({ type: 'staged', count }),
      (error: unknown) => {
        failure = { error };
      },
    );
  };
  const finish = async () => {
    await writing;
    db.close();
    return failure;
  };
  return { stage, finish };
}

/** Bytes read, told the page at most ten times a second (each one redraws its progress bar). */
function progressEvery(ms: number) {
  let last = 0;
  return (bytes: number, total: number) => {
    if (bytes < total && Date.now() - last < ms) return;
    last = Date.now();
    scope.postMessage({ type: 'progress', bytes, total });
  };
}

async function read(request: ParseRequest): Promise<void> {
  const stager = await stageFrom(request);
  const result = await streamLibraryFile(request.file, {
    followed: request.followed,
    snapshot: request.snapshot,
    onProgress: progressEvery(100),
    onBatch: stager.stage,
  });
  const failure = await stager.finish();
  scope.postMessage({
    type: 'done',
    result: failure ? { ok: false, error: handOverFailed(request.file.name, failure.error) } : result,
  });
}

/**
 * The library page's file reader, off the page's main thread: it streams and checks the file and stages its
 * papers; the page only shows the progress. Cancelling terminates the worker.
 */
export function startParseWorker(): void {
  scope.onmessage = ({ data }) => {
    read(data).catch((error: unknown) =>
      scope.postMessage({
        type: 'done',
        result: { ok: false, error: error instanceof Error ? error.message : String(error) },
      }),
    );
  };
}
