import { z } from 'zod';
import { PaperSchema } from '../corpus/schema';
import { AnyArxivIdSchema } from '../reading-list/schema';

/**
 * The library: the followed authors and every paper they (or an imported
 * bibliography) brought in, as stored in IndexedDB (schema v3).
 */

/** A library paper's key: its bare arXiv id, or `doi:` and its lowercased DOI when it has no arXiv id. */
export const PaperKeySchema = z.union([
  AnyArxivIdSchema,
  z.string().regex(/^doi:10\.\d{4,9}\/\S+$/, 'must be an arXiv id or doi: and a DOI'),
]); // The same rule as lib/paper-key.ts, for pages without zod.
export type PaperKey = z.infer<typeof PaperKeySchema>;

/** The key of a paper known only by its DOI. */
export const doiKey = (doi: string): string => `doi:${doi.toLowerCase()}`;

/** Where papers came from: the bundled corpus, arXiv's API, or a file the user imported. */
export const SourceKindSchema = z.enum(['bundled', 'arxiv', 'file']);
export const AuthorSourceSchema = z.object({
  kind: SourceKindSchema,
  /** What it was: the file's name, the arXiv query, "Paperlens". */
  name: z.string().min(1).max(300),
  /** ISO timestamp of the last time papers came from it. */
  at: z.iso.datetime(),
});
export type AuthorSource = z.infer<typeof AuthorSourceSchema>;

/** Figures a source such as a ScholarFeed profile gives; null where it gives none (shown as unknown, never 0). */
export const ProfileFiguresSchema = z.object({
  hIndex: z.number().int().nonnegative().nullable(),
  citations: z.number().int().nonnegative().nullable(),
  /** The profile's novelty figure, as a fraction. */
  novelty: z.number().min(0).max(1).nullable(),
  aiScore: z.number().nonnegative().nullable(),
  /** How many papers the source says the author has (the library may hold fewer). */
  papers: z.number().int().nonnegative().nullable(),
  primaryCategory: z.string().min(1).nullable(),
  /** Which source gave them and when. */
  source: AuthorSourceSchema,
});
export type ProfileFigures = z.infer<typeof ProfileFiguresSchema>;

const name = z.string().trim().min(1).max(200);

export const FollowedAuthorSchema = z.object({
  /** Stable id (`jan-ludziejewski`); kept when the author is renamed. */
  id: z.string().regex(/^[a-z0-9-]{1,80}$/),
  name,
  /** Other spellings that identify them in author lists ("M. Pioro"). */
  variants: z.array(name).max(50),
  /** Written names the user said are not this person (after an ambiguous match). */
  notVariants: z.array(name).max(200),
  arxivQuery: z.string().max(300).nullable(),
  orcid: z
    .string()
    .regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/)
    .nullable(),
  scholarFeedId: z.string().max(100).nullable(),
  /** `#rrggbb`, the colour their badges and chips are drawn in. */
  color: z.string().regex(/^#[0-9a-f]{6}$/),
  sources: z.array(AuthorSourceSchema).max(100),
  /** ISO timestamp of the last arXiv refresh, or null. */
  refreshedAt: z.iso.datetime().nullable(),
  followedAt: z.iso.datetime(),
  profile: ProfileFiguresSchema.nullable(),
});
export type FollowedAuthor = z.infer<typeof FollowedAuthorSchema>;

/** Novelty, once the background has computed it against the library (null until then). */
const LibraryNoveltySchema = z.object({
  score: z.number().min(0).max(1),
  closestEarlierId: PaperKeySchema.nullable(),
  similarity: z.number().min(0).max(1).nullable(),
  /** That paper's display title, kept here so a page's lookup reads no other record (derived). */
  closestEarlierTitle: z.string().optional(),
});

/** A coauthor of one of a paper's followed authors on its author list, with how many papers they share. */
export const PaperCoauthorSchema = z.object({
  name: z.string(),
  sharedPapers: z.number().int().nonnegative(),
  /** The followed author they share those papers with. */
  authorId: z.string(),
});
export type PaperCoauthor = z.infer<typeof PaperCoauthorSchema>;

export const LibraryPaperSchema = PaperSchema.extend({
  id: PaperKeySchema,
  /** Empty when the source gives none (a BibTeX entry). */
  abstract: z.string(),
  /** The arXiv version last seen (2 for v2), when a source said. */
  version: z.number().int().positive().nullable(),
  doi: z.string().nullable(),
  /** Ids of the followed authors its author list names (possibly none: an imported bibliography). */
  followedAuthorIds: z.array(z.string()),
  /** The folded family names on its author list (index `by-family`), so a newly followed author finds their papers. */
  authorFamilies: z.array(z.string()),
  /** Kinds of source that brought it; a paper is dropped only when none is left. */
  sources: z.array(SourceKindSchema).min(1),
  /** ISO timestamp of when it joined the library: papers newer than an author's previous refresh are new. */
  addedAt: z.iso.datetime(),
  novelty: LibraryNoveltySchema.nullable(),
  /** The most similar library papers, with their titles (derived, so a lookup reads no other record). */
  related: z
    .array(z.object({ id: PaperKeySchema, similarity: z.number().min(0).max(1), title: z.string().optional() }))
    .max(3),
  /** The coauthors of its followed authors on it, with their shared papers (derived; absent until worked out). */
  coauthors: z.array(PaperCoauthorSchema).optional(),
});
export type LibraryPaper = z.infer<typeof LibraryPaperSchema>;

/** Light-mode colours for followed authors, given in turn; each keeps 4.5:1 contrast with white text. */
export const AUTHOR_COLORS = ['#1f5fbf', '#b3261e', '#1d7a46', '#7a3fc2', '#b25000', '#0b7285', '#9c2f6b', '#4d5b00'];
