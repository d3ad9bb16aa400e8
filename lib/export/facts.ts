import type { LibraryPaper as Paper } from '../library/schema';
import { abstractUrl } from '../links/arxiv-id';
import type { ReadingListEntry } from '../reading-list/schema';

/** Corpus papers by arXiv id, the extra facts an export adds to corpus entries. */
export type PapersById = ReadonlyMap<string, Paper>;

/** What every export format knows about one reading-list entry. */
export interface EntryFacts {
  entry: ReadingListEntry;
  /** The corpus paper, for entries in the corpus. */
  paper: Paper | null;
  /** `https://arxiv.org/abs/2402.07871` */
  url: string;
  /** Full names in paper order; empty outside the corpus. */
  authors: readonly string[];
  /** True when the corpus knows the paper has more authors than `authors`. */
  authorsTruncated: boolean;
  /** The corpus year, else the submission year the arXiv id encodes. */
  year: number;
  /** `cs.LG`, known for corpus papers (and old-style ids, whose archive is in the id). */
  primaryCategory: string | null;
  codeUrl: string | null;
}

/**
 * The year an arXiv id was submitted: `2402.07871` → 2024, `hep-th/9901001` → 1999.
 * Old-style ids ran from 1991 to 2007, so `91`–`99` are the 1900s.
 */
export function arxivIdYear(id: string): number {
  const yy = Number((/^(\d{2})\d{2}\./.exec(id) ?? /\/(\d{2})\d{5}$/.exec(id) ?? [])[1] ?? Number.NaN);
  return yy >= 91 ? 1900 + yy : 2000 + yy;
}

/** Joins an entry with its corpus paper (looked up by id, so a stale `inCorpus` flag does no harm). */
export function entryFacts(entry: ReadingListEntry, papersById: PapersById): EntryFacts {
  const paper = papersById.get(entry.id) ?? null;
  const archive = /^([a-z-]+(?:\.[A-Z]{2})?)\//.exec(entry.id)?.[1] ?? null;
  return {
    entry,
    paper,
    url: abstractUrl(entry.id),
    authors: paper?.authors ?? [],
    authorsTruncated: paper?.authorsTruncated ?? false,
    year: paper?.year ?? arxivIdYear(entry.id),
    primaryCategory: paper?.primaryCategory ?? archive,
    codeUrl: paper?.codeUrl ?? null,
  };
}

/** Export order: most recently saved first, ties by id, so the same list always exports the same text. */
export function exportOrder(entries: readonly ReadingListEntry[]): ReadingListEntry[] {
  return [...entries].sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt) || compareIds(a.id, b.id));
}

/** Code-unit order, the same in every locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
