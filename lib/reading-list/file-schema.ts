import { z } from 'zod';
import { ReadingListEntrySchema } from './schema';

/** The `format` every Paperlens reading-list file declares. */
export const READING_LIST_FORMAT = 'paperlens-reading-list';
/** The file version this Paperlens writes and reads; a newer Paperlens that changes the file bumps it. */
export const READING_LIST_FILE_VERSION = 1;

/**
 * The largest file one import takes. A paper takes 150 to 500 bytes in an export, depending on its note: 5 MiB
 * holds some 30,000 papers (10,000 papers, a third of them with notes, take 3 MiB).
 */
export const IMPORT_LIMITS = { bytes: 5 * 1024 * 1024, papers: 30_000 } as const;
/** The import limit, said the same way everywhere, in MiB and in papers. */
export const IMPORT_LIMIT_TEXT = `Paperlens imports reading-list files of up to ${IMPORT_LIMITS.bytes / 1024 / 1024} MiB (some ${IMPORT_LIMITS.papers.toLocaleString('en')} papers).`;

/** A reading-list file, as the JSON export writes it (version 1). */
export const ReadingListFileSchema = z
  .object({
    format: z.literal(READING_LIST_FORMAT),
    version: z.literal(READING_LIST_FILE_VERSION),
    /** ISO timestamp of the export. */
    exportedAt: z.iso.datetime(),
    entries: z.array(ReadingListEntrySchema),
  })
  .superRefine((file, ctx) => {
    const first = new Map<string, number>();
    file.entries.forEach((entry, index) => {
      const earlier = first.get(entry.id);
      if (earlier === undefined) first.set(entry.id, index);
      else {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', index, 'id'],
          message: `arXiv:${entry.id} is listed twice (also entries.${earlier})`,
        });
      }
    });
  });
export type ReadingListFile = z.infer<typeof ReadingListFileSchema>;
