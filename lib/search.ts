import MiniSearch, { type SearchOptions } from 'minisearch';
import { type CategoryCount, categoryCounts } from './categories';
import type { LibraryPaper as Paper } from './library/schema';
import { normalizeText } from './text/normalize';

export type SearchSort = 'relevance' | 'newest' | 'novel';

export interface PaperSearchOptions {
  /** Profile category codes (`LG`, `CL`); a paper passes when it has any of them. */
  categories?: string[];
  year?: number | null;
  hasCode?: boolean;
  sort?: SearchSort;
}

export interface SearchResult {
  paper: Paper;
  /** MiniSearch's BM25 score; 0 when the query was empty. */
  score: number;
  /** Normalized document terms that matched (`pioro`, `mixture`), for `highlightSegments`. */
  terms: string[];
}

export interface SearchFacets {
  /** Most papers first, then by code. */
  categories: CategoryCount[];
  /** Newest first. */
  years: number[];
}

export interface PaperSearch {
  search(query: string, options?: PaperSearchOptions): SearchResult[];
  facets(): SearchFacets;
}

const FIELDS = ['title', 'authors', 'leadAuthor', 'abstract', 'category'] as const;

/**
 * Words that carry no meaning in a title search. As prefixes they also did harm:
 * `and` matched `Andy`, so "computation and language" ranked a paper by Andy Lo first.
 */
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'in',
  'is',
  'it',
  'of',
  'on',
  'or',
  'the',
  'to',
  'we',
  'with',
]);

/** Splits on whitespace only, so `$μ$-Parametrization` reaches `processTerm` whole and its LaTeX is read. */
function tokenize(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/**
 * One raw token → its folded words without stop words
 * (`$μ$-Parametrization` → `mu`, `parametrization`; `Pióro` → `pioro`; `of` → none).
 */
function processTerm(term: string): string[] {
  return normalizeText(term)
    .split(' ')
    .filter((word) => word !== '' && !STOP_WORDS.has(word));
}

/**
 * Edit distance allowed per query term. Terms of three letters or fewer get none:
 * `moe` within one edit would match `me`, `one`, `more` and `mode`. Seven letters
 * or more get two, because a swapped pair (`mixtrue`, `scailng`) costs two edits.
 */
function fuzziness(term: string): number | false {
  if (term.length <= 3) return false;
  return term.length < 7 ? 1 : 2;
}

const SEARCH_OPTIONS: SearchOptions = {
  boost: { title: 4, authors: 2, leadAuthor: 1, abstract: 1, category: 1.5 },
  // One- and two-letter prefixes match too much: `cl` (from `cs.CL`) matched `closed` in abstracts.
  prefix: (term) => term.length >= 3,
  fuzzy: fuzziness,
  combineWith: 'AND',
};

function byNewest(a: Paper, b: Paper): number {
  return b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}

const SORTS: Record<SearchSort, (a: SearchResult, b: SearchResult) => number> = {
  relevance: (a, b) => b.score - a.score || byNewest(a.paper, b.paper),
  newest: (a, b) => byNewest(a.paper, b.paper),
  // Papers whose novelty is still being worked out go last.
  novel: (a, b) => (b.paper.novelty?.score ?? -1) - (a.paper.novelty?.score ?? -1) || byNewest(a.paper, b.paper),
};

/**
 * Builds the popup's full-text index over `papers`.
 *
 * Fields and boosts: title 4 (the LaTeX-aware normalized title, so `mu parametrization`
 * finds `$μ$-Parametrization`), authors 2, category 1.5 (profile code, arXiv code and
 * name, so `cs.CL` and `computation and language` work), abstract 1, and the first
 * author once more at 1, so a name search lists that person's lead-author papers first.
 * Every term is folded with `normalizeText`, so case, diacritics and Greek spelling do
 * not matter, and stop words are dropped. Query terms of three letters or more are also
 * prefixes (`scal` finds `scaling`), and terms of four or more may be misspelt (see
 * `fuzziness`).
 *
 * Query terms are combined with AND. When AND finds nothing and the query has more than
 * one term, it is run again with OR, so one junk word in a long query still returns the
 * papers matching the rest; MiniSearch multiplies each score by the number of query terms
 * matched, so papers matching more of the query still come first.
 *
 * An empty query lists every paper that passes the filters, newest first unless another
 * sort is asked for.
 */
export function createPaperSearch(papers: Paper[]): PaperSearch {
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const index = new MiniSearch<Paper>({
    fields: [...FIELDS],
    extractField: (paper, field) => {
      switch (field) {
        case 'id':
          return paper.id;
        case 'title':
          return paper.normalizedTitle;
        case 'authors':
          return paper.authors.join(' ');
        case 'leadAuthor':
          return paper.authors[0];
        case 'abstract':
          return paper.abstract;
        case 'category':
          return `${paper.category} ${paper.primaryCategory} ${paper.categoryName}`;
        default:
          return undefined;
      }
    },
    tokenize,
    processTerm,
    searchOptions: SEARCH_OPTIONS,
  });
  index.addAll(papers);

  function matches(query: string, termCount: number): SearchResult[] {
    let hits = index.search(query);
    if (hits.length === 0 && termCount > 1) hits = index.search(query, { combineWith: 'OR' });
    return hits.flatMap((hit) => {
      const paper = byId.get(hit.id);
      // Sorted: MiniSearch lists them in index order, which depends on the order papers were added.
      return paper ? [{ paper, score: hit.score, terms: [...hit.terms].sort() }] : [];
    });
  }

  return {
    search(query, options = {}) {
      const { categories = [], year = null, hasCode = false, sort = 'relevance' } = options;
      const termCount = processTerm(query).length;
      const found =
        termCount === 0 ? papers.map((paper) => ({ paper, score: 0, terms: [] })) : matches(query, termCount);
      return found
        .filter(
          ({ paper }) =>
            (categories.length === 0 || categories.includes(paper.category)) &&
            (year === null || paper.year === year) &&
            (!hasCode || paper.hasCode),
        )
        .sort(SORTS[sort]);
    },

    facets() {
      return {
        categories: categoryCounts(papers),
        years: [...new Set(papers.map((paper) => paper.year))].sort((a, b) => b - a),
      };
    },
  };
}
