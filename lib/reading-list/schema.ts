import { z } from 'zod';
import { MAX_SOURCE_TEXT, MAX_SOURCE_URL, MAX_TITLE } from './source';

/** Any arXiv id a reading-list entry may hold: new style (`2402.07871`) or old style (`hep-th/9901001`). */
export const AnyArxivIdSchema = z
  .string()
  .regex(/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})$/, 'must be a bare arXiv id like 2402.07871 or hep-th/9901001');

/** Limits of what an entry holds (the schema's, and every editor's and merger's). */
export const MAX_NOTE_LENGTH = 20_000;
export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 50;

export const ReadingStatusSchema = z.enum(['to-read', 'reading', 'read']);
export type ReadingStatus = z.infer<typeof ReadingStatusSchema>;

/** One saved paper, as stored in the `readingList` store (schema v2). */
export const ReadingListEntrySchema = z.object({
  id: AnyArxivIdSchema,
  title: z.string().trim().min(1).max(MAX_TITLE),
  /** ISO timestamp. */
  savedAt: z.iso.datetime(),
  status: ReadingStatusSchema,
  note: z.string().max(MAX_NOTE_LENGTH),
  tags: z.array(z.string().trim().min(1).max(MAX_TAG_LENGTH)).max(MAX_TAGS),
  /** Where a paper was found, for papers saved from a page. */
  source: z.object({ url: z.string().max(MAX_SOURCE_URL), linkText: z.string().max(MAX_SOURCE_TEXT) }).nullable(),
  /** False for arXiv papers outside the bundled corpus. */
  inCorpus: z.boolean(),
});
export type ReadingListEntry = z.infer<typeof ReadingListEntrySchema>;
