import { useMemo, useRef, useState } from 'preact/hooks';
import { isRestartError, plainError } from '../../lib/errors';
import { plural } from '../../lib/format';
import type { FollowedAuthor } from '../../lib/library/schema';
import type { SnapshotFilter } from '../../lib/library/snapshot-filter';
import type { ImportDecisions, LibraryImportSummary } from '../../lib/library/write';
import { sendMessage } from '../../lib/messages';
import { importRequest, NO_DECISIONS, type StagedFile } from './import-request';
import { type Reading, readAndStage } from './read-and-stage';
import { type PreviewState, useImportPreview } from './use-import-preview';
import type { Notices } from './use-notice';

/** A file import from choosing the file to pressing Import. */
export interface FileImport {
  reading: Reading | null;
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

// A worker restarted mid-commit may have written it all: the page cannot tell, the library shown can.
function commitFailure(error: unknown, source: string): string {
  const after = isRestartError(error)
    ? ' If the library above did not change, import the file again.'
    : ' Nothing was changed.';
  return `Could not import “${source}”: ${plainError(error)}${after}`;
}

/** The library file import: read and stage, preview with the user's decisions, and write only on Import. */
export function useFileImport(authors: readonly FollowedAuthor[], notices: Notices, reload: () => void): FileImport {
  const [reading, setReading] = useState<Reading | null>(null);
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
    notices.dismiss();
    setReading({ name: file.name, bytes: 0, total: file.size, step: 'reading' });
    const result = await readAndStage(file, { followed: authors, snapshot }, setReading, abort.signal);
    if (controller.current !== abort) return;
    controller.current = null;
    setReading(null);
    if (abort.signal.aborted) return notices.say(`Stopped reading “${file.name}”; nothing was changed.`);
    if (!result.ok) return notices.fail(result.error);
    setDecisions(NO_DECISIONS);
    setStaged(result.staged);
  };

  const commit = async () => {
    if (!request || !staged) return;
    setCommitting(true);
    try {
      const summary = await sendMessage('commitLibraryImport', request);
      setStaged(null);
      notices.say(summaryText(summary));
      reload();
    } catch (e) {
      notices.fail(commitFailure(e, staged.source));
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
