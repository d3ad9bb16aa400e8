import type { LibraryFileKind } from '../../lib/library/file-import';
import type { FollowedAuthor } from '../../lib/library/schema';
import type { SkippedEntry } from '../../lib/library/sources/bibtex';
import type { ImportDecisions, NewAuthor } from '../../lib/library/write';
import type { LibraryImportRequest } from '../../lib/message-schemas';

/** A file read and handed to the background, waiting for the user's Import. */
export interface StagedFile {
  importId: string;
  /** The file's name. */
  source: string;
  kind: LibraryFileKind;
  papers: number;
  follow: NewAuthor | null;
  titles: string[];
  /** A Paperlens library file's followed authors, restored as they are (its papers are staged as stored). */
  restoreAuthors: FollowedAuthor[] | null;
  skipped: SkippedEntry[];
}

export const NO_DECISIONS: ImportDecisions = { follow: [], resolved: [] };

export function importRequest(staged: StagedFile, decisions: ImportDecisions): LibraryImportRequest {
  return {
    importId: staged.importId,
    staged: staged.papers,
    source: staged.source,
    follow: staged.follow,
    decisions,
    titles: staged.titles,
    ...(staged.restoreAuthors ? { authors: staged.restoreAuthors } : {}),
  };
}
