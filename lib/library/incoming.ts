import { z } from 'zod';
import { AnyArxivIdSchema } from '../reading-list/schema';
import { withoutControls } from '../text/controls';

/**
 * A paper as a source gives it, before it joins the library: every importer
 * (arXiv API Atom, arXiv JSON Lines snapshot, BibTeX, ScholarFeed profile,
 * Paperlens library JSON) turns its records into this one shape, and the
 * library's writer (lib/library/write.ts) decides what is new and who it belongs to.
 */

/** A DOI, lowercased (DOIs are case-insensitive): `10.48550/arxiv.2402.07871`. */
export const DoiSchema = z
  .string()
  .trim()
  .transform((doi) => doi.toLowerCase())
  .pipe(z.string().regex(/^10\.\d{4,9}\/\S+$/, 'must be a DOI like 10.1000/xyz'));

const text = (max: number) =>
  z
    .string()
    .transform((value) => withoutControls(value).replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(max));

export const IncomingPaperSchema = z
  .object({
    /** Bare arXiv id, new style (`2402.07871`) or old style (`hep-th/9901001`), no version. */
    arxivId: AnyArxivIdSchema.nullable(),
    /** The arXiv version the source describes (2 for `2402.07871v2`), when it says. */
    version: z.number().int().positive().nullable(),
    doi: DoiSchema.nullable(),
    title: text(1_000).pipe(z.string().min(1, 'has no title')),
    /** Author names as written in the source, in order. */
    authors: z
      .array(text(300).pipe(z.string().min(1)))
      .min(1, 'has no authors')
      .max(5_000),
    abstract: text(20_000),
    /** arXiv primary category (`cs.LG`), when known. */
    primaryCategory: z
      .string()
      .regex(/^[a-z-]+(\.[A-Za-z-]+)?$/)
      .nullable(),
    /** Every arXiv category listed, primary first. */
    categories: z.array(z.string().regex(/^[a-z-]+(\.[A-Za-z-]+)?$/)).max(50),
    /** First publication (arXiv v1, or the year of a BibTeX entry as YYYY-01-01). */
    date: z.iso.date(),
    /** Last update, when the source says. */
    updated: z.iso.date().nullable(),
    journalRef: text(1_000).nullable(),
    comments: text(2_000).nullable(),
  })
  .refine((paper) => paper.arxivId !== null || paper.doi !== null, {
    message: 'has neither an arXiv id nor a DOI',
    path: ['arxivId'],
  });
export type IncomingPaper = z.infer<typeof IncomingPaperSchema>;
/** What a source hands the schema (before trimming and lowercasing). */
export type IncomingPaperInput = z.input<typeof IncomingPaperSchema>;

/** A source's verdict: the papers it holds, or one plain sentence naming the line or entry that is wrong. */
export type SourceResult<Extra = object> =
  | ({ ok: true; papers: IncomingPaper[] } & Extra)
  | { ok: false; error: string };
