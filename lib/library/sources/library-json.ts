import { z } from 'zod';
import type { Library } from '../../message-schemas';
import { describeZodError } from '../../zod-error';
import type { IncomingPaper, SourceResult } from '../incoming';
import { type FollowedAuthor, FollowedAuthorSchema, type LibraryPaper, LibraryPaperSchema } from '../schema';
import type { NewAuthor } from '../write';

/** The `format` every Paperlens library file declares. */
export const LIBRARY_FORMAT = 'paperlens-library';
export const LIBRARY_FILE_VERSION = 1;

/**
 * A Paperlens library file: the followed authors and every library paper, as
 * stored (derived figures included), so an export imported into another
 * install and exported again gives the same content.
 */
export const LibraryFileSchema = z
  .object({
    format: z.literal(LIBRARY_FORMAT),
    version: z.literal(LIBRARY_FILE_VERSION),
    exportedAt: z.iso.datetime(),
    authors: z.array(FollowedAuthorSchema).max(5_000),
    papers: z.array(LibraryPaperSchema).max(1_000_000),
  })
  .superRefine((file, ctx) => {
    // A paper may only belong to authors the file follows: a dangling id could never be unfollowed.
    const followed = new Set(file.authors.map((author) => author.id));
    file.papers.forEach((paper, index) => {
      const unknown = paper.followedAuthorIds.find((id) => !followed.has(id));
      if (unknown) {
        ctx.addIssue({
          code: 'custom',
          path: ['papers', index, 'followedAuthorIds'],
          message: `names ${unknown}, whom the file does not follow`,
        });
      }
    });
    for (const [list, key] of [
      [file.authors, 'authors'],
      [file.papers, 'papers'],
    ] as const) {
      const first = new Map<string, number>();
      list.forEach((record, index) => {
        const earlier = first.get(record.id);
        if (earlier === undefined) first.set(record.id, index);
        else
          ctx.addIssue({
            code: 'custom',
            path: [key, index, 'id'],
            message: `${record.id} is listed twice (also ${key}.${earlier})`,
          });
      });
    }
  });
export type LibraryFile = z.infer<typeof LibraryFileSchema>;

/** What a library file holds: its records as they are, and its papers as a source gives them (for the preview). */
export type LibraryFileResult = SourceResult<{
  authors: FollowedAuthor[];
  records: LibraryPaper[];
  follow: NewAuthor[];
}>;

/** Reads a Paperlens library file. Never throws: any problem is one sentence naming the entry. */
export function parseLibraryFile(text: string): LibraryFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `is not JSON (${(error as Error).message})` };
  }
  if ((json as { format?: unknown } | null)?.format !== LIBRARY_FORMAT) {
    return { ok: false, error: `is not a Paperlens library file (its "format" is not "${LIBRARY_FORMAT}")` };
  }
  const parsed = LibraryFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: `has problems: ${describeZodError(parsed.error)}` };
  const { authors, papers } = parsed.data;
  return {
    ok: true,
    authors,
    records: papers,
    papers: papers.map(asIncoming),
    follow: authors.map(({ name, variants, arxivQuery, scholarFeedId, profile }) => ({
      name,
      variants,
      arxivQuery,
      scholarFeedId,
      profile,
    })),
  };
}

/** A stored paper as a source would give it. */
function asIncoming(paper: LibraryPaper): IncomingPaper {
  const doi = paper.doi;
  return {
    arxivId: paper.id.startsWith('doi:') ? null : paper.id,
    version: paper.version,
    doi,
    title: paper.title,
    authors: paper.authors,
    abstract: paper.abstract,
    primaryCategory: paper.primaryCategory === 'other' ? null : paper.primaryCategory,
    categories: paper.primaryCategory === 'other' ? [] : [paper.primaryCategory],
    date: paper.date,
    updated: null,
    journalRef: null,
    comments: null,
  };
}

/**
 * The library as a Paperlens library file: authors in the order they were
 * followed, papers by key, every record's fields in its schema's order (so
 * the same library always gives the same text).
 */
export function libraryFileText(library: Pick<Library, 'authors' | 'papers'>, now: Date): string {
  const file: LibraryFile = {
    format: LIBRARY_FORMAT,
    version: LIBRARY_FILE_VERSION,
    exportedAt: now.toISOString(),
    authors: [...library.authors]
      .sort((a, b) => a.followedAt.localeCompare(b.followedAt) || a.id.localeCompare(b.id))
      .map((author) => FollowedAuthorSchema.parse(author)),
    papers: [...library.papers]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((paper) => LibraryPaperSchema.parse(paper)),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
