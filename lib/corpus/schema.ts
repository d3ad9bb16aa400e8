import { z } from 'zod';

/** A bare new-style arXiv id (no version), the key of every paper. */
export const ArxivIdSchema = z.string().regex(/^\d{4}\.\d{4,5}$/, 'must be a bare arXiv id like 2402.07871');

export const IsoDateSchema = z.iso.date();

/** Header figures of the author's profile. */
export const AuthorProfileSchema = z.object({
  name: z.string().min(1),
  primaryCategory: z.string().min(1),
  primaryCategoryName: z.string().min(1),
  hIndex: z.number().int().nonnegative(),
  papers: z.number().int().nonnegative(),
  citations: z.number().int().nonnegative(),
  /** The profile's novelty figure, as a fraction (50% is 0.5). */
  novelty: z.number().min(0).max(1),
  aiScore: z.number().nonnegative(),
});
export type AuthorProfile = z.infer<typeof AuthorProfileSchema>;

/** Why a paper got its novelty score: its closest earlier paper, or none for the first paper. */
export const NoveltySchema = z.object({
  /** 1 − highest cosine similarity to an earlier corpus paper; 1 for the earliest paper. */
  score: z.number().min(0).max(1),
  closestEarlierId: ArxivIdSchema.nullable(),
  similarity: z.number().min(0).max(1).nullable(),
});
export type Novelty = z.infer<typeof NoveltySchema>;

export const RelatedSchema = z.object({
  id: ArxivIdSchema,
  similarity: z.number().min(0).max(1),
});

export const PaperSchema = z.object({
  id: ArxivIdSchema,
  /** The title as the profile writes it, LaTeX included. */
  title: z.string().min(1),
  /** Plain-text title for display (`μ-Parametrization …`). */
  displayTitle: z.string().min(1),
  /** `normalizeText(title)`: the form link texts and searches are compared in. */
  normalizedTitle: z.string().min(1),
  authors: z.array(z.string().min(1)).min(1),
  /** True when the paper has more authors than `authors` lists. */
  authorsTruncated: z.boolean(),
  /** The profile's affiliation text after "·", as given (it may be wrong; see notes). */
  affiliation: z.string().nullable(),
  date: IsoDateSchema,
  year: z.number().int(),
  /** The profile's category code (`LG`). */
  category: z.string().min(1),
  /** The arXiv primary category (`cs.LG`). */
  primaryCategory: z.string().min(1),
  categoryName: z.string().min(1),
  hasCode: z.boolean(),
  codeUrl: z.url().nullable(),
  abstract: z.string().min(1),
  notes: z.string().nullable(),
  novelty: NoveltySchema,
  related: z.array(RelatedSchema).max(3),
});
export type Paper = z.infer<typeof PaperSchema>;

export const CoauthorSchema = z.object({
  name: z.string().min(1),
  /** Corpus papers shared with the author, newest first. */
  paperIds: z.array(ArxivIdSchema).min(1),
  count: z.number().int().positive(),
});
export type Coauthor = z.infer<typeof CoauthorSchema>;

export const CorpusSchema = z
  .object({
    version: z.literal(1),
    /** SHA-256 of the corpus content; the background reseeds IndexedDB when it changes. */
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    author: AuthorProfileSchema,
    papers: z.array(PaperSchema).min(1),
    coauthors: z.array(CoauthorSchema),
  })
  .superRefine((corpus, ctx) => {
    const ids = new Set<string>();
    corpus.papers.forEach((paper, index) => {
      if (ids.has(paper.id)) {
        ctx.addIssue({ code: 'custom', path: ['papers', index, 'id'], message: `duplicate paper id ${paper.id}` });
      }
      ids.add(paper.id);
    });
  });
export type Corpus = z.infer<typeof CorpusSchema>;

/** One paper's verified facts (`data/paper-facts.json`), joined to the profile by title. */
export const PaperFactSchema = z.object({
  title: z.string().min(1),
  arxivId: ArxivIdSchema,
  primaryCategory: z.string().regex(/^[a-z-]+(\.[A-Za-z-]+)?$/, 'must be an arXiv category like cs.LG'),
  authors: z.array(z.string().min(1)).min(1),
  authorsComplete: z.boolean(),
  codeUrl: z.url().nullable(),
  notes: z.string().nullable(),
});
export const PaperFactsSchema = z.object({
  source: z.string(),
  author: z.string().min(1),
  /** Names in author lists that are groups, not people (never coauthors). */
  groups: z.array(z.string()),
  papers: z.array(PaperFactSchema).min(1),
});
export type PaperFacts = z.infer<typeof PaperFactsSchema>;
