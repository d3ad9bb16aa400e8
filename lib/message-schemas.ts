import { z } from 'zod';
import type { LibraryCoauthor } from './db';
import { IncomingPaperSchema } from './library/incoming';
import {
  type FollowedAuthor,
  FollowedAuthorSchema,
  type LibraryPaper,
  LibraryPaperSchema,
  type PaperCoauthor,
  ProfileFiguresSchema,
} from './library/schema';

export type { PaperCoauthor };

import { PAPER_KEY } from './paper-key';
import { IMPORT_LIMIT_TEXT, IMPORT_LIMITS } from './reading-list/file-schema';
import { AnyArxivIdSchema, type ReadingListEntry, ReadingListEntrySchema } from './reading-list/schema';
import { cutText, MAX_SOURCE_TEXT, MAX_TITLE, shortenSourceUrl } from './reading-list/source';
import { withoutControls } from './text/controls';

/**
 * Request schemas of the message protocol. Only the background imports this
 * module (it validates every request); senders use the inferred types, so zod
 * never reaches the content script.
 */

/** Page-derived text longer than this is refused outright (Chrome allows addresses of up to 2 MB). */
const LONGEST_PAGE_TEXT = 2 * 1024 * 1024;

/** One scan's worth of candidates: every arXiv id, DOI and candidate title found, deduplicated. */
export const LookupRequestSchema = z.object({
  ids: z.array(AnyArxivIdSchema).max(20_000),
  dois: z
    .array(
      z
        .string()
        .regex(/^10\.\d{4,9}\/\S+$/, 'must be a DOI like 10.1000/xyz')
        .max(400),
    )
    .max(5_000),
  titles: z.array(z.string().min(1).max(400)).max(5_000),
  /** A page's first lookup: a library this small is sent whole, so links the page adds later are badged at once. */
  wholeIfSmall: z.boolean().optional(),
});
export type LookupRequest = z.infer<typeof LookupRequestSchema>;

export const SaveRequestSchema = z.object({
  id: AnyArxivIdSchema,
  /** Title for papers outside the corpus (the link text); corpus papers use their own. */
  title: z
    .string()
    .max(LONGEST_PAGE_TEXT)
    .transform((title) => cutText(withoutControls(title).trim(), MAX_TITLE))
    .optional(),
  /** Where it was found; a page's very long address or link text is shortened, never refused. */
  source: z
    .object({
      url: z.string().max(LONGEST_PAGE_TEXT).transform(shortenSourceUrl),
      linkText: z
        .string()
        .max(LONGEST_PAGE_TEXT)
        .transform((text) => cutText(withoutControls(text), MAX_SOURCE_TEXT)),
    })
    .nullable()
    .optional(),
});
export type SaveRequest = z.infer<typeof SaveRequestSchema>;

export const IdRequestSchema = z.object({ id: AnyArxivIdSchema });

/** Some saved papers, by id (those another page just changed). */
export const IdsRequestSchema = z.object({ ids: z.array(AnyArxivIdSchema).max(1_000) });
export type IdsRequest = z.infer<typeof IdsRequestSchema>;

/** A page of the reading list: the entries after `after`, newest first (all of them when no limit is given). */
export const ListRequestSchema = z
  .object({
    limit: z.number().int().positive().max(10_000),
    after: z.object({ savedAt: z.iso.datetime(), id: AnyArxivIdSchema }),
  })
  .partial()
  .optional();
export type ListRequest = z.infer<typeof ListRequestSchema>;
export type IdRequest = z.infer<typeof IdRequestSchema>;

const EntryFieldsSchema = ReadingListEntrySchema.pick({ status: true, note: true, tags: true }).partial();

/** Changes to an entry, with what the editor started from (`base`) so changes made elsewhere are not overwritten. */
export const UpdateEntryRequestSchema = EntryFieldsSchema.extend({
  id: AnyArxivIdSchema,
  base: EntryFieldsSchema.omit({ status: true }).optional(),
});
export type UpdateEntryRequest = z.infer<typeof UpdateEntryRequestSchema>;

/** A reading-list file to import, as text: the background reads and checks it, so the page never stalls on it. */
export const ImportRequestSchema = z.object({
  // Characters: a file within the byte limit has no more (parseReadingListFile checks the bytes).
  file: z.string().max(IMPORT_LIMITS.bytes, `is too large to be a reading list. ${IMPORT_LIMIT_TEXT}`),
  /** Names this import, so one sent again (the worker restarted before answering) is done once. */
  importId: z.uuid().optional(),
});
export type ImportRequest = z.infer<typeof ImportRequestSchema>;

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Ids whose note in the file was not added: with it the note would pass the note limit. */
  notesLeftOut: string[];
  /** Tags in the file not added because their entry already held the most it may. */
  tagsLeftOut: number;
}

/** An extension page to open in a new tab (from a page's badge card, which cannot link to it). */
export const OpenPageRequestSchema = z.object({
  page: z.enum(['insights', 'reading-list', 'options']),
  paperId: z.string().max(300).regex(PAPER_KEY).optional(),
});
export type OpenPageRequest = z.infer<typeof OpenPageRequestSchema>;

/** The distinct corpus papers one frame links to, for the toolbar badge count. */
/** A frame's library papers: those its links and mentions name, or (`page`) the paper the page is; each part counts apart. */
export const PapersOnPageRequestSchema = z.object({
  ids: z.array(z.string().max(300).regex(PAPER_KEY)).max(1_000),
  part: z.enum(['links', 'page']).optional(),
});
export type PapersOnPageRequest = z.infer<typeof PapersOnPageRequestSchema>;

/** A followed author as a badge names them. */
export interface AuthorTag {
  id: string;
  name: string;
  /** `#rrggbb`, light mode. */
  color: string;
}

/** The fields of a library paper a badge and its card show; nothing else crosses to a page (each byte costs it time). */
export const SUMMARY_FIELDS = [
  'id',
  'displayTitle',
  'normalizedTitle',
  'doi',
  'date',
  'category',
  'categoryName',
  'primaryCategory',
  'codeUrl',
  'novelty',
  'authorsTruncated',
] as const;

/** How many names of its author list a summary carries: the card shows five, then "et al.". */
export const SUMMARY_AUTHORS = 6;

/** What a badge and its card show about one library paper. */
export interface PaperSummary extends Pick<LibraryPaper, (typeof SUMMARY_FIELDS)[number]> {
  /** The first {@link SUMMARY_AUTHORS} names of its author list (`authorsTruncated` when there are more). */
  authors: string[];
  /** The followed authors on its author list (whose coauthors `coauthors` counts). */
  followedAuthors: AuthorTag[];
  coauthors: PaperCoauthor[];
  /** Display title of the closest earlier paper (the novelty explanation), if any. */
  closestEarlierTitle: string | null;
  /** The three most similar library papers, most similar first. */
  relatedPapers: { id: string; title: string; similarity: number }[];
  saved: boolean;
}

/** The popup's search: one page of results, with the facets of whose papers it searches. */
export const SearchRequestSchema = z.object({
  query: z.string().max(500),
  /** A followed author's id, or null for the whole library. */
  authorId: z.string().max(80).nullable(),
  categories: z.array(z.string().max(40)).max(50),
  year: z.number().int().min(1000).max(3000).nullable(),
  hasCode: z.boolean(),
  sort: z.enum(['relevance', 'newest', 'novel']),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(200),
});
export type SearchRequest = z.infer<typeof SearchRequestSchema>;

/** One result: the paper as a badge's card shows it, its score and the matched terms (to highlight). */
export interface SearchHit {
  paper: PaperSummary;
  score: number;
  terms: string[];
}

export interface SearchPage {
  /** Results in all, of which `hits` are those from `offset` on. */
  total: number;
  hits: SearchHit[];
  /** The categories (most papers first) and years (newest first) of whose papers were searched. */
  facets: { categories: { code: string; name: string; count: number }[]; years: number[] };
  /** False while the full index is loading: titles and authors were searched, by prefix, without typos. */
  complete: boolean;
}

/** Whole library records by key (a reading list's papers), a batch at a time. */
export const PapersRequestSchema = z.object({ ids: z.array(z.string().min(1).max(300)).max(1_000) });
export type PapersRequest = z.infer<typeof PapersRequestSchema>;

/** The insights page: one followed author's papers, or (null) the whole library's. */
export const InsightsRequestSchema = z.object({ authorId: z.string().max(80).nullable() });
export type InsightsRequest = z.infer<typeof InsightsRequestSchema>;

/** The entries of an arXiv listing: each one's arXiv id (when it links one) and its author list. */
export const ListingAuthorsRequestSchema = z.object({
  entries: z
    .array(
      z.object({
        id: AnyArxivIdSchema.nullable(),
        authors: z.array(z.string().min(1).max(300)).max(200),
      }),
    )
    .max(3_000),
});
export type ListingAuthorsRequest = z.infer<typeof ListingAuthorsRequestSchema>;

/** What one listing entry says about the people you follow. */
export interface ListingEntryMatch {
  /** Followed authors on its author list. */
  followed: AuthorTag[];
  /**
   * Coauthors of followed authors on it (as the library names them), with whose and how many papers they share:
   * those of the LISTING_CHIP_AUTHORS followed authors who share most with them.
   */
  coauthors: { name: string; sharedPapers: number; of: AuthorTag }[];
  /** Further followed authors with coauthors on it, counted, not named (a chip each would crowd the entry). */
  moreCoauthorsOf: number;
  /** Whether the paper is in the library (its link has a badge then). */
  inLibrary: boolean;
}

export interface ListingAuthorsResponse {
  /** One per request entry, in order. */
  entries: ListingEntryMatch[];
}

/** An abstract page's paper, as the page shows it, to set beside the library (sent as text, a few KB). */
export const RelatePaperRequestSchema = z.object({
  /** Its bare arXiv id, when the page has one: a library paper is answered `inLibrary` (its own panel shows). */
  id: AnyArxivIdSchema.optional(),
  title: z.string().max(1_000),
  abstract: z.string().max(10_000),
  authors: z.array(z.string().max(200)).max(200),
});
export type RelatePaperRequest = z.infer<typeof RelatePaperRequestSchema>;

/** A library paper close to a page's paper. */
export interface ClosePaper {
  id: string;
  /** Its display title. */
  title: string;
  /** Cosine similarity of title and abstract, 0..1 (4 decimals), as related papers give it. */
  similarity: number;
  /** The first {@link SUMMARY_AUTHORS} names of its author list. */
  authors: string[];
}

/** What the library says about a page's paper: who you follow on it, what is like it, how new it is. */
export interface RelatePaperResponse {
  /** The page's id is a library paper: nothing else is worked out (the page shows that paper's own card). */
  inLibrary: boolean;
  /** Whether the page's id is in the reading list (the panel's Save toggle); false without an id. Always given. */
  saved?: boolean;
  /** Followed authors on its author list. */
  followed: AuthorTag[];
  /** Up to three library papers most similar to it, most similar first (ties by id). */
  closest: ClosePaper[];
  /**
   * Its closest library paper and their similarity (novelty is 1 − similarity, as for library papers, which
   * compare with earlier papers; every library paper counts here); both null when no library paper shares a word.
   */
  novelty: { similarity: number | null; closestId: string | null };
}

export interface LookupResponse {
  papers: PaperSummary[];
}

export interface CorpusStatus {
  papers: number;
  coauthors: number;
  readingList: number;
  corpusHash: string | null;
  schemaVersion: number;
  /** Why the corpus bundled with this version was not loaded (the last good copy is served), or null. */
  bundledCorpusError: string | null;
}

/** The whole library, for the extension's own pages. */
export interface Library {
  authors: FollowedAuthor[];
  papers: LibraryPaper[];
  coauthors: LibraryCoauthor[];
  /** False while coauthors, novelty and related papers are being computed after a change. */
  derivedReady: boolean;
}

/** The library page's view of the library: who is followed and how many papers each has, never the papers. */
export interface LibraryOverview {
  authors: FollowedAuthor[];
  /** Library papers per followed author, by id. */
  paperCounts: Record<string, number>;
  papers: number;
  derivedReady: boolean;
}

export type { UpdateOutcome } from './reading-list/store';
export type { ReadingListEntry };

/** A batch of papers a library page read from a file, kept by the background until the import is committed. */
export const StageImportRequestSchema = z.object({
  importId: z.uuid(),
  /** Which batch this is, from 0: a batch that does not follow the one before means the worker restarted. */
  batch: z.number().int().nonnegative(),
  papers: z.array(IncomingPaperSchema).max(2_000),
  /** A Paperlens library file's papers as stored, restored as they are. */
  records: z.array(LibraryPaperSchema).max(2_000).optional(),
});
export type StageImportRequest = z.input<typeof StageImportRequestSchema>;

const NewAuthorSchema = z.object({
  name: z.string().trim().min(1).max(200),
  variants: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  arxivQuery: z.string().max(300).nullable().optional(),
  scholarFeedId: z.string().max(100).nullable().optional(),
  profile: ProfileFiguresSchema.nullable().optional(),
});

const DecisionsSchema = z.object({
  follow: z.array(z.string().trim().min(1).max(200)).max(50),
  resolved: z
    .array(z.object({ written: z.string().min(1).max(300), authorId: z.string().max(80).nullable() }))
    .max(500),
});

/** Preview or commit the papers staged under `importId` (from a file called `source`). */
export const LibraryImportRequestSchema = z.object({
  importId: z.uuid(),
  /** How many papers (and records) the page staged: fewer held means the worker restarted in between. */
  staged: z.number().int().nonnegative(),
  source: z.string().trim().min(1).max(300),
  follow: NewAuthorSchema.nullable(),
  decisions: DecisionsSchema,
  /** A ScholarFeed profile's paper titles: library papers with them become the followed author's. */
  titles: z.array(z.string().min(1).max(1_000)).max(5_000).optional(),
  /** A Paperlens library file's followed authors, restored as they are (with `records` staged). */
  authors: z.array(FollowedAuthorSchema).max(5_000).optional(),
});
export type LibraryImportRequest = z.infer<typeof LibraryImportRequestSchema>;

/** Changes a followed author: a new display name, name variants (merged spellings), a colour. */
export const UpdateAuthorRequestSchema = FollowedAuthorSchema.pick({ id: true }).extend(
  FollowedAuthorSchema.pick({ name: true, variants: true, color: true, arxivQuery: true }).partial().shape,
);
export type UpdateAuthorRequest = z.infer<typeof UpdateAuthorRequestSchema>;

export const AuthorIdRequestSchema = FollowedAuthorSchema.pick({ id: true });
export type AuthorIdRequest = z.infer<typeof AuthorIdRequestSchema>;

/** "Follow on arXiv": a name ("Maciej Pióro") or an arXiv author query (`au:Pioro_M`). */
export const FollowOnArxivRequestSchema = z.object({ query: z.string().trim().min(1).max(300) });
export type FollowOnArxivRequest = z.infer<typeof FollowOnArxivRequestSchema>;

/** "Refresh now": these followed authors, or every one followed on arXiv. */
export const RefreshRequestSchema = z.object({ ids: z.array(z.string().max(80)).max(1_000).nullable() });
export type RefreshRequest = z.infer<typeof RefreshRequestSchema>;

export type { LibraryImportSummary, LibraryPreview } from './library/write';
