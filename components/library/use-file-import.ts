import type { RefObject } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { isRestartError, plainError } from '../../lib/errors';
import { plural } from '../../lib/format';
import type { FollowedAuthor } from '../../lib/library/schema';
import type { SnapshotFilter } from '../../lib/library/snapshot-filter';
import { STAGING_GONE } from '../../lib/library/staging';
import type { ImportDecisions, LibraryImportSummary } from '../../lib/library/write';
import type { LibraryImportRequest } from '../../lib/message-schemas';
import { sendMessage } from '../../lib/messages';
import { importRequest, NO_DECISIONS, type StagedFile } from './import-request';
import { createLiveValue, type LiveValue } from './live-value';
import { type Reading, readAndStage } from './read-and-stage';
import { type PreviewState, useImportPreview } from './use-import-preview';
import type { Notices } from './use-notice';

/** A file import from choosing the file to pressing Import. */
export interface FileImport {
  /** The file being read (its progress changes without re-rendering the page), or null. */
  reading: LiveValue<Reading> | null;
  staged: StagedFile | null;
  decisions: ImportDecisions;
  preview: PreviewState;
  committing: boolean;
  /** Reads `file`; an arXiv snapshot keeps the records `snapshot` wants. */
  choose(file: File, snapshot?: SnapshotFilter): void;
  cancelReading(): void;
  decide(change: (decisions: ImportDecisions) => ImportDecisions): void;
  commit(): void;
  close(): void;
}

function summaryText({ added, updated, followed }: LibraryImportSummary): string {
  const following = followed.length ? ` Now following ${followed.join(', ')}.` : '';
  return `Added ${plural(added, 'paper')}, updated ${updated}.${following}`;
}

/**
 * After a worker restart mid-commit, whether the import went through: its staged batches are dropped in the
 * commit's own transaction, so while they are still there nothing was written and Import can be pressed again.
 */
async function stillStaged(request: LibraryImportRequest): Promise<boolean | null> {
  try {
    await sendMessage('previewLibraryImport', request);
    return true;
  } catch (error) {
    return error instanceof Error && error.message === STAGING_GONE ? false : null;
  }
}

/** What the library page hands its file import, read when it is needed. */
export type FileImportSource = RefObject<{ authors: readonly FollowedAuthor[]; notices: Notices; reload: () => void }>;

/**
 * The library page's side of the file import: the same object on every render, so the import's own state
 * (kept by {@link useFileImportFlow} in the import section) never redraws the whole page and its author list.
 */
export function useFileImport(
  authors: readonly FollowedAuthor[],
  notices: Notices,
  reload: () => void,
): FileImportSource {
  const source = useRef({ authors, notices, reload });
  source.current = { authors, notices, reload };
  return source;
}

/** The notices of the page as it is when one is given (the source is a ref: it changes with each render). */
const currentNotices = (source: FileImportSource) => ({
  say: (text: string) => source.current.notices.say(text),
  fail: (text: string) => source.current.notices.fail(text),
});

/** The library file import: read and stage, preview with the user's decisions, and write only on Import. */
export function useFileImportFlow(source: FileImportSource): FileImport {
  const notices = currentNotices(source);
  // Progress changes often: kept out of the import's state, so only the progress bar redraws.
  const [reading, setReading] = useState<LiveValue<Reading> | null>(null);
  const [staged, setStaged] = useState<StagedFile | null>(null);
  const [decisions, setDecisions] = useState<ImportDecisions>(NO_DECISIONS);
  const [committing, setCommitting] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const request = useMemo(() => staged && importRequest(staged, decisions), [staged, decisions]);
  const preview = useImportPreview(request);

  const load = async (file: File, snapshot?: SnapshotFilter) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setStaged(null);
    source.current.notices.dismiss();
    const live = createLiveValue<Reading>({ name: file.name, bytes: 0, total: file.size, staged: 0, step: 'reading' });
    setReading(live);
    const followed = source.current.authors;
    const result = await readAndStage(file, { followed, snapshot }, live.set, abort.signal);
    if (controller.current !== abort) return;
    controller.current = null;
    setReading(null);
    if (abort.signal.aborted) return notices.say(`Stopped reading “${file.name}”; nothing was changed.`);
    if (!result.ok) return notices.fail(result.error);
    setDecisions(NO_DECISIONS);
    setStaged(result.staged);
  };

  // A worker stopped mid-commit leaves the library as it was, or (stopped after the write) imported: ask which.
  const commitFailed = async (error: unknown, sent: LibraryImportRequest, file: string) => {
    if (!isRestartError(error))
      return notices.fail(`Could not import “${file}”: ${plainError(error)} Nothing was changed.`);
    const staging = await stillStaged(sent);
    if (staging === false) {
      setStaged(null);
      notices.say(`Imported “${file}”; Paperlens restarted before it could say how many papers.`);
      return source.current.reload();
    }
    notices.fail(
      staging
        ? `Paperlens restarted while importing “${file}”, so nothing was changed. Press Import to try again.`
        : `Could not import “${file}”: ${plainError(error)} If the library above did not change, import the file again.`,
    );
  };

  const commit = async () => {
    if (!request || !staged) return;
    setCommitting(true);
    try {
      const summary = await sendMessage('commitLibraryImport', request);
      setStaged(null);
      notices.say(summaryText(summary));
      source.current.reload();
    } catch (e) {
      await commitFailed(e, request, staged.source);
    } finally {
      setCommitting(false);
    }
  };

  return {
    reading,
    staged,
    decisions,
    preview,
    committing,
    choose: (file, snapshot) => void load(file, snapshot),
    cancelReading: () => controller.current?.abort(),
    decide: setDecisions,
    commit: () => void commit(),
    close: () => {
      if (staged) notices.say(`Did not import “${staged.source}”; nothing was changed.`);
      setStaged(null);
    },
  };
}
