import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from 'minisearch';
import { type CategoryCount, categoryCounts } from './categories';
import { yieldToMessages } from './library/derive-texts';
import type { LibraryPaper as Paper } from './library/schema';
import { createExecutor, internals } from './search-execute';
import { freezeTerms, Postings } from './search-postings';
import { normalizeText } from './text/normalize';

export type SearchSort = 'relevance' | 'newest' | 'novel';

export interface PaperSearchOptions {
  /** Profile category codes (`LG`, `CL`); a paper passes when it has any of them. */
  categories?: string[];
  year?: number | null;
  hasCode?: boolean;
  sort?: SearchSort;
}

export interface SearchResult<P = Paper> {
  paper: P;
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

/**
 * How much the index keeps. `full`: every abstract word, and every query term of three
 * letters or more is also a prefix. `compact` (libraries of {@link COMPACT_FROM} papers
 * or more): each abstract's {@link ABSTRACT_TERMS} longest distinct words, and only the
 * last query term (the one being typed) is a prefix, from four letters. Measured at 100k
 * papers: full abstracts took 616 MB and 425 ms a query (p95), compact ~190 MB and ~9 ms.
 */
export type SearchProfile = 'full' | 'compact';
export const COMPACT_FROM = 10_000;
const ABSTRACT_TERMS = 24;

export const searchProfileFor = (papers: number): SearchProfile => (papers >= COMPACT_FROM ? 'compact' : 'full');

/** What the index reads of one paper. */
export interface IndexedText {
  id: string;
  /** The LaTeX-aware normalized title. */
  title: string;
  authors: readonly string[];
  abstract: string;
  /** Profile code, arXiv code and name (`CL cs.CL Computation and Language`). */
  category: string;
}

/** What filters and sorts need of one paper, kept beside the index (no abstract). */
export interface SearchRow {
  id: string;
  date: string;
  year: number;
  category: string;
  categoryName: string;
  hasCode: boolean;
  /** Novelty score, null while it is worked out. */
  novelty: number | null;
  /** Followed authors on its author list. */
  followed: readonly string[];
}

export const indexedText = (paper: Paper): IndexedText => ({
  id: paper.id,
  title: paper.normalizedTitle,
  authors: paper.authors,
  abstract: paper.abstract,
  category: `${paper.category} ${paper.primaryCategory} ${paper.categoryName}`,
});

export const searchRow = (paper: Paper): SearchRow => ({
  id: paper.id,
  date: paper.date,
  year: paper.year,
  category: paper.category,
  categoryName: paper.categoryName,
  hasCode: paper.hasCode,
  novelty: paper.novelty?.score ?? null,
  followed: paper.followedAuthorIds,
});

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

/** A query's searchable words, folded, without stop words. */
export const queryWords = (query: string): string[] => tokenize(query).flatMap(processTerm);

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

/** Compact: only the word being typed is a prefix; a finished word matching 50,000 longer ones cost 30 ms a query. */
const COMPACT_SEARCH_OPTIONS: SearchOptions = {
  ...SEARCH_OPTIONS,
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 4,
  // The word being typed is matched by prefix alone; only when that finds nothing is it taken as misspelt.
  fuzzy: (term, i, terms) => (i === terms.length - 1 ? false : fuzziness(term)),
};
/** Compact, second try: every word may be misspelt. */
const COMPACT_TYPOS: SearchOptions = { fuzzy: fuzziness };

/** Written with two capitals or a digit (`RLRs`, `MoE`, `GPT-4`): a name or acronym, rare whatever its length. */
const NAMED = /[A-Z].*[A-Z]|\d/;
const NAMED_TERMS = 8;

/**
 * An abstract's telling words: its names and acronyms first, then its longest
 * distinct words (long words are the rare ones, which tell a paper apart).
 */
export function thinAbstract(abstract: string): string {
  const tokens = tokenize(abstract);
  const named = new Set(tokens.filter((token) => NAMED.test(token)).flatMap(processTerm));
  const kept = [...named].slice(0, NAMED_TERMS);
  const rest = [...new Set(tokens.flatMap(processTerm))]
    .filter((word) => !kept.includes(word))
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return [...kept, ...rest].slice(0, ABSTRACT_TERMS).join(' ');
}

/** MiniSearch's options for a profile: fields, tokenizing, and how queries match. */
export function indexOptions(profile: SearchProfile): Options<IndexedText> {
  return {
    fields: [...FIELDS],
    extractField: (doc, field) => {
      switch (field) {
        case 'id':
          return doc.id;
        case 'title':
          return doc.title;
        case 'authors':
          return doc.authors.join(' ');
        case 'leadAuthor':
          return doc.authors[0];
        case 'abstract':
          return profile === 'full' ? doc.abstract : thinAbstract(doc.abstract);
        case 'category':
          return doc.category;
        default:
          return undefined;
      }
    },
    tokenize,
    processTerm,
    searchOptions: profile === 'full' ? SEARCH_OPTIONS : COMPACT_SEARCH_OPTIONS,
  };
}

/** One document that matched, by id. */
export interface TextMatch {
  id: string;
  score: number;
  /** Normalized document terms that matched, in MiniSearch's order (results sort them for showing). */
  terms: string[];
}

/**
 * A query's matches, read by position. A common word matches 17k of 85k papers, and an object each (with its
 * terms) was much of the garbage a keystroke left for the worker to collect. Only the page shown reads `terms`.
 */
export interface TextMatches {
  readonly length: number;
  id(i: number): string;
  score(i: number): number;
  /** The document's number in the index while it stays there, or -1: a key for a table of rows ({@link rowFinder}). */
  slot(i: number): number;
  /** The index whose numbers `slot` gives: there a number names one paper for as long as the index lives. */
  readonly index: object | null;
  /** Normalized document terms that matched, in MiniSearch's order (results sort them for showing). */
  terms(i: number): string[];
}

/** Matches listed as objects (MiniSearch's own answer, the scan before the index loads), read by position. */
export function listedMatches(matches: readonly TextMatch[]): TextMatches {
  const at = (i: number) => matches[i] as TextMatch;
  return {
    length: matches.length,
    id: (i) => at(i).id,
    score: (i) => at(i).score,
    slot: () => -1,
    index: null,
    terms: (i) => at(i).terms,
  };
}

/** A match's row, or undefined when the paper has none (removed since the rows were read). */
export type RowFinder<R extends SearchRow = SearchRow> = (matches: TextMatches, i: number) => R | undefined;

/**
 * Finds matches' rows by slot, in a table filled as matches name them, instead of a Map read by id per match (a
 * common word has 17k). The table is of one index and starts again for matches of another, so a slot never
 * answers with another paper's row; slots are not checked by id (in the worker the ids of rows and of the index
 * are equal strings but not the same ones, and comparing them was half of picking a page: 4.5–5.1 ms p95, now
 * 1.5–3.0).
 */
export function rowFinder<R extends SearchRow>(byId: ReadonlyMap<string, R>): RowFinder<R> {
  let index: object | null = null;
  let bySlot: (R | undefined)[] = [];
  return (matches, i) => {
    const slot = matches.slot(i);
    if (slot < 0) return byId.get(matches.id(i));
    if (matches.index !== index) {
      index = matches.index;
      bySlot = [];
    }
    while (bySlot.length <= slot) bySlot.push(undefined);
    let row = bySlot[slot];
    if (row === undefined) {
      row = byId.get(matches.id(i));
      bySlot[slot] = row;
    }
    return row;
  };
}

/** The full-text index alone (MiniSearch): documents in, matches out, kept as JSON. */
export interface TextIndex {
  readonly profile: SearchProfile;
  add(doc: IndexedText): void;
  /** Forgets a document by id (its terms are cleaned out lazily). */
  discard(id: string): void;
  has(id: string): boolean;
  /** Matches for a query, in no particular order; null when the query has no searchable word (everything matches). */
  match(query: string): TextMatches | null;
  /** The index as JSON text in parts of about `partChars` characters: its head, then its terms. */
  toParts(partChars: number): TextIndexParts;
  /** Puts postings that adding or discarding made into Maps back into typed arrays (lib/search-postings.ts), in slices. */
  compact(): Promise<void>;
}

/**
 * A text index as stored: MiniSearch's plain form as JSON, its terms cut into parts so that no single read or
 * parse holds a worker up (the whole of it, 54 MB at 100k papers, took ~0.8 s to read and ~0.4 s to parse).
 */
export interface TextIndexParts {
  /** Everything but the terms: document ids, field lengths, counts. */
  head: string;
  /** The terms with their postings, each part a JSON array. */
  terms: string[];
}

export function createTextIndex(profile: SearchProfile, docs: readonly IndexedText[] = []): TextIndex {
  const index = new MiniSearch<IndexedText>(indexOptions(profile));
  index.addAll(docs);
  return textIndex(index, profile);
}

/** Terms put into a loaded MiniSearch between pauses (MiniSearch's own `loadJSAsync` pauses every 1,000). */
const TERMS_PER_SLICE = 1_000;

/**
 * A text index saved with `toParts`, loaded as its term parts are read (`terms`, one at a time), in slices: the
 * worker keeps answering meanwhile. Each part's terms go into MiniSearch's term map as `loadJSAsync` would put them
 * (serialization version 2, the one `toJSON` writes; the map is private, pinned by the version and a test), but
 * their postings in typed arrays ({@link Postings}), so no part's parsed JSON outlives its own conversion. Parsing
 * all parts first, then loading, took a restarted worker 15 s at 100k papers; this way 7–8 s.
 */
export async function loadTextIndex(
  head: string,
  terms: AsyncIterable<string>,
  profile: SearchProfile,
): Promise<TextIndex> {
  const plain = JSON.parse(head) as Omit<AsPlainObject, 'index'>;
  if (plain.serializationVersion !== 2)
    throw new Error(`search index: serialization version ${plain.serializationVersion}`);
  const mini = await MiniSearch.loadJSAsync<IndexedText>({ ...plain, index: [] }, indexOptions(profile));
  const termMap = internals(mini as MiniSearch<unknown>)._index;
  let count = 0;
  for await (const part of terms) {
    for (const [term, fields] of JSON.parse(part) as AsPlainObject['index']) {
      const byField = new Map<number, Map<number, number>>();
      for (const fieldId of Object.keys(fields)) {
        byField.set(Number.parseInt(fieldId, 10), Postings.ofRecord(fields[fieldId] as Record<string, number>));
      }
      termMap.set(term, byField);
      if (++count % TERMS_PER_SLICE === 0) await yieldToMessages();
    }
  }
  return textIndex(mini, profile);
}

function indexParts(index: MiniSearch<IndexedText>, partChars: number): TextIndexParts {
  const { index: terms, ...head } = index.toJSON();
  const parts: string[] = [];
  let part: string[] = [];
  let chars = 0;
  for (const term of terms) {
    const json = JSON.stringify(term);
    part.push(json);
    chars += json.length;
    if (chars >= partChars) {
      parts.push(`[${part.join(',')}]`);
      part = [];
      chars = 0;
    }
  }
  if (part.length > 0) parts.push(`[${part.join(',')}]`);
  return { head: JSON.stringify(head), terms: parts };
}

/**
 * The searches a query's words get, in turn, until one finds something: all words (each as its profile matches
 * it); in the compact profile, all words possibly misspelt, unless the word being typed is under four letters (the
 * first search again: only that word differs, and it cannot be misspelt); then any of the words.
 */
export function searchPasses(words: readonly string[], profile: SearchProfile): SearchOptions[] {
  const typed = words[words.length - 1] ?? '';
  return [
    {},
    ...(profile === 'compact' && fuzziness(typed) ? [COMPACT_TYPOS] : []),
    ...(words.length > 1 ? [{ combineWith: 'OR' } satisfies SearchOptions] : []),
  ];
}

/** Cleans out discarded documents in the background: the quick path declines while any is left in the index. */
const vacuum = (index: MiniSearch<IndexedText>) =>
  index
    .vacuum({ batchSize: 5_000, batchWait: 5 })
    .catch((error: unknown) => console.error('[paperlens] search index vacuum', error));

function textIndex(index: MiniSearch<IndexedText>, profile: SearchProfile): TextIndex {
  const execute = createExecutor(index as MiniSearch<unknown>);
  // An index stored with discarded documents in it (MiniSearch waits for 10% of them before cleaning up).
  if (index.dirtCount > 0) void vacuum(index);
  /** MiniSearch's search, worked out in typed arrays (lib/search-execute.ts), or by MiniSearch when it declines. */
  const search = (query: string, options?: SearchOptions): TextMatches =>
    execute(query, options) ??
    listedMatches(
      index.search(query, options).map((hit) => ({ id: String(hit.id), score: hit.score, terms: hit.terms })),
    );
  const run = (query: string, words: string[]) => {
    let hits: TextMatches = listedMatches([]);
    for (const options of searchPasses(words, profile)) {
      hits = search(query, options);
      if (hits.length > 0) break;
    }
    return hits;
  };
  return {
    profile,
    add: (doc) => index.add(doc),
    discard: (id) => {
      if (!index.has(id)) return;
      index.discard(id);
      void vacuum(index);
    },
    has: (id) => index.has(id),
    match(query) {
      const words = queryWords(query);
      return words.length === 0 ? null : run(query, words);
    },
    toParts: (partChars) => indexParts(index, partChars),
    compact: () => freezeTerms(internals(index as MiniSearch<unknown>)._index, yieldToMessages),
  };
}

/** Code-point order: ISO dates and arXiv ids sort as localeCompare sorts them, without a collator per comparison. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first, then by id: the popup's order when scores tie, and its opening page's. */
export function byNewest(a: { date: string; id: string }, b: { date: string; id: string }): number {
  return byCodePoint(b.date, a.date) || byCodePoint(a.id, b.id);
}

const SORTS: Record<SearchSort, (a: SearchResult<SearchRow>, b: SearchResult<SearchRow>) => number> = {
  relevance: (a, b) => b.score - a.score || byNewest(a.paper, b.paper),
  newest: (a, b) => byNewest(a.paper, b.paper),
  // Papers whose novelty is still being worked out go last.
  novel: (a, b) => (b.paper.novelty ?? -1) - (a.paper.novelty ?? -1) || byNewest(a.paper, b.paper),
};

/** Rows newest first, as an empty query lists them. */
export const newestFirst = <R extends SearchRow>(rows: R[]): R[] => rows.sort(byNewest);

type FilterOptions = PaperSearchOptions & { authorId?: string | null };

function passesFilters({ categories = [], year = null, hasCode = false, authorId = null }: FilterOptions) {
  return (row: SearchRow) =>
    (categories.length === 0 || categories.includes(row.category)) &&
    (year === null || row.year === year) &&
    (!hasCode || row.hasCode) &&
    (authorId === null || row.followed.includes(authorId));
}

/**
 * A result as shown: its matched terms sorted (MiniSearch lists them in the order papers were indexed), when first
 * read, since a match works its terms out then too: only the page shown pays for them.
 */
function shown(paper: SearchRow, score: number, matched: (() => string[]) | null): SearchResult<SearchRow> {
  let terms: string[] | null = null;
  return {
    paper,
    score,
    get terms() {
      terms ??= matched ? [...matched()].sort() : [];
      return terms;
    },
  };
}

/**
 * The matches (null: every row) that pass the filters, sorted. `rows` are newest first,
 * so an empty query sorted by date costs one pass, not a sort.
 */
export function filterAndSort(
  matches: TextMatches | null,
  rows: readonly SearchRow[],
  rowOf: RowFinder,
  options: FilterOptions,
): SearchResult<SearchRow>[] {
  const passes = passesFilters(options);
  const sort = options.sort ?? 'relevance';
  if (matches === null) {
    const all = rows.filter(passes).map((row) => ({ paper: row, score: 0, terms: [] as string[] }));
    return sort === 'novel' ? all.sort(SORTS.novel) : all;
  }
  const results: SearchResult<SearchRow>[] = [];
  for (let i = 0; i < matches.length; i++) {
    const row = rowOf(matches, i);
    if (row && passes(row)) results.push(shown(row, matches.score(i), () => matches.terms(i)));
  }
  return results.sort(SORTS[sort]);
}

/** Past this many, a page's results are picked by sorting them all (inserting into a long list costs more). */
const PICKED_AT_MOST = 256;

/**
 * The first `count` results {@link filterAndSort} would give, and how many pass in all. A page needs its
 * own rows sorted, not the other thousands a common prefix matches: each passing match is compared with
 * the worst kept so far, and once the page is full most go no further. By relevance, one scoring under the
 * full page's worst is only counted, not compared: a page of 22k matches is picked in 0.7 ms, not 2.4 (node).
 */
export function topResults(
  matches: TextMatches | null,
  rows: readonly SearchRow[],
  rowOf: RowFinder,
  options: FilterOptions,
  count: number,
): { total: number; top: SearchResult<SearchRow>[] } {
  if (count > PICKED_AT_MOST) {
    const all = filterAndSort(matches, rows, rowOf, options);
    return { total: all.length, top: all.slice(0, count) };
  }
  const passes = passesFilters(options);
  const sort = options.sort ?? 'relevance';
  const order = SORTS[sort];
  const top: SearchResult<SearchRow>[] = [];
  let total = 0;
  // By relevance, once the page is full: its worst score, under which a match cannot enter (it is only counted).
  let below = Number.NEGATIVE_INFINITY;
  // Compared as this one object: a result is made only for what enters the page.
  const probe: SearchResult<SearchRow> = { paper: rows[0] as SearchRow, score: 0, terms: [] };
  const offer = (paper: SearchRow, score: number, i: number) => {
    total++;
    probe.paper = paper;
    probe.score = score;
    const worst = top[top.length - 1];
    if (top.length === count && (!worst || order(probe, worst) >= 0)) return;
    let low = 0;
    for (let high = top.length; low < high; ) {
      const middle = (low + high) >>> 1;
      if (order(probe, top[middle] as SearchResult<SearchRow>) < 0) high = middle;
      else low = middle + 1;
    }
    top.splice(low, 0, shown(paper, score, matches && (() => matches.terms(i))));
    if (top.length > count) top.pop();
    if (sort === 'relevance' && top.length === count) below = (top[count - 1] as SearchResult<SearchRow>).score;
  };
  if (matches === null) {
    for (const row of rows) if (passes(row)) offer(row, 0, -1);
  } else {
    for (let i = 0; i < matches.length; i++) {
      const row = rowOf(matches, i);
      if (!row || !passes(row)) continue;
      const score = matches.score(i);
      if (score < below) total++;
      else offer(row, score, i);
    }
  }
  return { total, top };
}

/** Categories by paper count and years newest first, of some rows. */
export function rowFacets(rows: readonly SearchRow[]): SearchFacets {
  return {
    categories: categoryCounts(rows),
    years: [...new Set(rows.map((row) => row.year))].sort((a, b) => b - a),
  };
}

/**
 * How many papers the library and each followed author ('' for the library) had when the facets were stored,
 * if that is the library's `revision` now: every paper counts once in the category facet. Null when they are of
 * another revision. Counting a store in Chromium reads every record (~0.5 s at 100k papers).
 */
export function countsFromFacets(
  stored: { revision: string; byAuthor: Record<string, SearchFacets> } | undefined,
  revision: string,
): Map<string, number> | null {
  if (stored?.revision !== revision) return null;
  const papers = (facets: SearchFacets) => facets.categories.reduce((sum, category) => sum + category.count, 0);
  return new Map(Object.entries(stored.byAuthor).map(([authorId, facets]) => [authorId, papers(facets)]));
}

/**
 * Builds a full-text index over `papers` (in memory, as tests and benches use it; the
 * extension keeps one in the background, lib/library/search-index.ts).
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
export function createPaperSearch(papers: Paper[], profile: SearchProfile = 'full'): PaperSearch {
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const rows = newestFirst(papers.map(searchRow));
  const rowOf = rowFinder(new Map(rows.map((row) => [row.id, row])));
  const index = createTextIndex(profile, papers.map(indexedText));
  return {
    search(query, options = {}) {
      return filterAndSort(index.match(query), rows, rowOf, options).flatMap(({ paper: row, score, terms }) => {
        const paper = byId.get(row.id);
        return paper ? [{ paper, score, terms }] : [];
      });
    },
    facets: () => rowFacets(rows),
  };
}
