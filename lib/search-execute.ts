import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';
import type { TextMatches } from './search';

/**
 * MiniSearch's query, worked out over its own index into typed arrays. MiniSearch scores a query into a Map of
 * one object per matching document (score, terms, match), then one result object each, and sorts them: a word in
 * 17k of 85k papers cost 40–60 ms a keystroke, nearly all of it those objects. Here the same BM25 sums, in the
 * same order (so the scores are the same numbers), go into typed arrays, and only the documents that pass become
 * matches, whose matched terms are worked out when read (for the page shown). Property-tested against
 * `MiniSearch#search`; anything it does not handle (an index with discarded documents not yet cleaned out, more
 * than 30 distinct words, a document or term boost) returns null, and MiniSearch answers.
 */

/** Field id → short document id → term frequency (a Map, or the same in typed arrays: lib/search-postings.ts). */
type TermData = Map<number, Map<number, number>>;

/**
 * The parts of a MiniSearch 7 instance the query reads and the index's loader writes (private there; pinned by
 * the version and the tests): the one place that says what they look like.
 */
interface Internals {
  _index: Iterable<[string, TermData]> & {
    get(term: string): TermData | undefined;
    set(term: string, data: TermData): void;
    atPrefix(prefix: string): Iterable<[string, TermData]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]>;
  };
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _documentIds: Map<number, string>;
  _nextId: number;
  _options: {
    fields: string[];
    tokenize(text: string): string[];
    processTerm(term: string): string | string[] | null | undefined | false;
    /** With MiniSearch's defaults filled in (its constructor does). */
    searchOptions: SearchOptions & { maxFuzzy: number; bm25: { k: number; b: number; d: number } };
  };
  dirtCount: number;
}

/** A MiniSearch instance's private parts ({@link Internals}). */
export const internals = (mini: MiniSearch<unknown>) => mini as unknown as Internals;

/** A derived term (the query word itself, a longer word it begins, or a near spelling) and its weight. */
interface Derived {
  term: string;
  weight: number;
  data: TermData;
}

const MAX_WORDS = 30;

/** MiniSearch's BM25+ (`calcBM25Score`), written the same way so the same numbers come out. */
function bm25(
  termFreq: number,
  matchingCount: number,
  totalCount: number,
  fieldLength: number,
  avgFieldLength: number,
  { k, b, d }: { k: number; b: number; d: number },
): number {
  const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
}

type Spec = { term: string; fuzzy: boolean | number; prefix: boolean; termBoost: number };

/** `termToQuerySpec`: what each query word may match, decided by the options' functions. */
function specsOf(terms: string[], options: SearchOptions): Spec[] {
  return terms.map((term, i) => ({
    term,
    fuzzy: typeof options.fuzzy === 'function' ? options.fuzzy(term, i, terms) : options.fuzzy || false,
    prefix: typeof options.prefix === 'function' ? options.prefix(term, i, terms) : options.prefix === true,
    termBoost: 1,
  }));
}

/** `executeQuerySpec`'s terms, in its order: the word itself, then longer words it begins, then near spellings. */
function derivedTerms(index: Internals, spec: Spec, options: Internals['_options']['searchOptions']): Derived[] {
  const fuzzyWeight = options.weights?.fuzzy ?? 0.45;
  const prefixWeight = options.weights?.prefix ?? 0.375;
  const derived: Derived[] = [];
  const exact = index._index.get(spec.term);
  if (exact) derived.push({ term: spec.term, weight: 1, data: exact });
  let fuzzyMatches: Map<string, [TermData, number]> | undefined;
  if (spec.fuzzy) {
    const fuzzy = spec.fuzzy === true ? 0.2 : spec.fuzzy;
    const maxDistance = fuzzy < 1 ? Math.min(options.maxFuzzy, Math.round(spec.term.length * fuzzy)) : fuzzy;
    if (maxDistance) fuzzyMatches = index._index.fuzzyGet(spec.term, maxDistance);
  }
  if (spec.prefix) {
    for (const [term, data] of index._index.atPrefix(spec.term)) {
      const distance = term.length - spec.term.length;
      if (!distance) continue;
      fuzzyMatches?.delete(term);
      derived.push({ term, weight: (prefixWeight * term.length) / (term.length + 0.3 * distance), data });
    }
  }
  for (const [term, [data, distance]] of fuzzyMatches ?? []) {
    if (!distance) continue;
    derived.push({ term, weight: (fuzzyWeight * term.length) / (term.length + distance), data });
  }
  return derived;
}

/**
 * Each document's field lengths and id by its short id, copied out of MiniSearch's Maps: read once per posting,
 * a Map lookup each (an object a document, scattered over a heap of hundreds of MB) was half the time. A short id
 * is never reused, so the copy only grows with documents added since.
 */
function documentTable(index: Internals, fieldIds: readonly number[]) {
  let upTo = 0;
  let lengths = fieldIds.map(() => new Uint32Array(0));
  const ids: (string | undefined)[] = [];
  return () => {
    if (index._nextId > upTo) {
      const size = index._nextId + 1024;
      if (size > (lengths[0]?.length ?? 0)) {
        lengths = lengths.map((old) => {
          const grown = new Uint32Array(size);
          grown.set(old);
          return grown;
        });
      }
      for (let doc = upTo; doc < index._nextId; doc++) {
        const fieldLengths = index._fieldLength.get(doc);
        ids[doc] = index._documentIds.get(doc);
        if (!fieldLengths) continue;
        for (let f = 0; f < fieldIds.length; f++) {
          (lengths[f] as Uint32Array)[doc] = fieldLengths[fieldIds[f] as number] ?? 0;
        }
      }
      upTo = index._nextId;
    }
    return { lengths, ids };
  };
}

/** Scratch arrays by document slot, reused from query to query (only the slots touched are reset). */
function scratch(size: number) {
  return {
    spec: new Float64Array(size),
    total: new Float64Array(size),
    count: new Uint16Array(size),
    mask: new Uint32Array(size),
    /** Slots a word reached, then slots any word reached: lists kept in place, not arrays grown per query. */
    inSpec: new Uint32Array(size),
    touched: new Uint32Array(size),
  };
}

/**
 * Runs `query` as `mini.search(query, searchOptions)` would and returns its matches (scores equal, in no
 * particular order), or null when MiniSearch must answer itself.
 */
export function createExecutor(mini: MiniSearch<unknown>) {
  const index = internals(mini);
  const fields = index._options.fields;
  const fieldIds = fields.map((field) => index._fieldIds[field] as number);
  const table = documentTable(index, fieldIds);
  let slots = scratch(0);
  return (query: string, searchOptions: SearchOptions = {}): TextMatches | null => {
    const global = index._options.searchOptions;
    const options = { ...global, ...searchOptions };
    const { boostDocument, boostTerm, filter, fields: only, tokenize, processTerm } = searchOptions;
    if (index.dirtCount > 0 || boostDocument || boostTerm || filter || only || tokenize || processTerm) return null;
    if (global.boostDocument || global.boostTerm || global.filter || global.fields) return null;
    if (global.tokenize || global.processTerm) return null;
    const combine = (options.combineWith ?? 'OR').toUpperCase();
    if (combine !== 'AND' && combine !== 'OR') return null;
    const terms = index._options
      .tokenize(query)
      .flatMap((token) => index._options.processTerm(token) || [])
      .filter((term): term is string => Boolean(term));
    const distinct = [...new Set(terms)];
    // Past MAX_WORDS the distinct-word bits run out; a word count must fit the counts' 16 bits.
    if (distinct.length > MAX_WORDS || terms.length > 0xffff) return null;
    if (slots.spec.length < index._nextId) slots = scratch(index._nextId + 1024);
    const { spec: specScore, total, count, mask, inSpec, touched } = slots;
    const boosts = fields.map((field) => (options.boost as Record<string, number> | undefined)?.[field] || 1);
    const { lengths, ids } = table();
    const bm25params = options.bm25 ?? global.bm25;
    const specs = specsOf(terms, options);
    const derivedBySpec = specs.map((spec) => derivedTerms(index, spec, options));
    let touchedCount = 0;
    specs.forEach((spec, i) => {
      const bit = 1 << distinct.indexOf(spec.term);
      let inSpecCount = 0;
      for (const { weight, data } of derivedBySpec[i] as Derived[]) {
        fields.forEach((_, f) => {
          const freqs = data.get(fieldIds[f] as number);
          if (!freqs) return;
          const matching = freqs.size;
          const average = index._avgFieldLength[fieldIds[f] as number] as number;
          const boost = boosts[f] as number;
          const fieldLengths = lengths[f] as Uint32Array;
          // forEach, not for…of: no [doc, frequency] pair made per posting.
          freqs.forEach((termFreq, doc) => {
            const raw = bm25(
              termFreq,
              matching,
              index._documentCount,
              fieldLengths[doc] as number,
              average,
              bm25params,
            );
            // Every addition is above 0 (BM25+ never scores 0): a slot at 0 is one this word has not reached yet.
            if (specScore[doc] === 0) inSpec[inSpecCount++] = doc;
            specScore[doc] = (specScore[doc] as number) + weight * spec.termBoost * boost * 1 * raw;
          });
        });
      }
      for (let n = 0; n < inSpecCount; n++) {
        const doc = inSpec[n] as number;
        // AND keeps only documents every earlier word matched; OR any.
        if (combine === 'AND' && count[doc] !== i) {
          specScore[doc] = 0;
          continue;
        }
        if (count[doc] === 0 && mask[doc] === 0) touched[touchedCount++] = doc;
        total[doc] =
          count[doc] === 0 && mask[doc] === 0
            ? (specScore[doc] as number)
            : (total[doc] as number) + (specScore[doc] as number);
        count[doc] = (count[doc] as number) + 1;
        mask[doc] = (mask[doc] as number) | bit;
        specScore[doc] = 0;
      }
    });
    const docs = new Uint32Array(touchedCount);
    const scores = new Float64Array(touchedCount);
    let matched = 0;
    for (let n = 0; n < touchedCount; n++) {
      const doc = touched[n] as number;
      if (combine === 'OR' || count[doc] === specs.length) {
        const quality = popcount(mask[doc] as number) || 1;
        docs[matched] = doc;
        scores[matched++] = (total[doc] as number) * quality;
      }
      total[doc] = 0;
      count[doc] = 0;
      mask[doc] = 0;
    }
    return new Matches(index, docs.subarray(0, matched), scores.subarray(0, matched), ids, { derivedBySpec, fieldIds });
  };
}

function popcount(bits: number): number {
  let n = 0;
  for (let rest = bits; rest; rest &= rest - 1) n++;
  return n;
}

/** Matches as two typed arrays (document slots, scores); a match's terms are found when read. */
class Matches implements TextMatches {
  constructor(
    readonly index: object,
    private readonly docs: Uint32Array,
    private readonly scores: Float64Array,
    private readonly ids: readonly (string | undefined)[],
    private readonly found: { derivedBySpec: Derived[][]; fieldIds: readonly number[] },
  ) {}

  get length(): number {
    return this.docs.length;
  }

  id(i: number): string {
    return String(this.ids[this.docs[i] as number]);
  }

  score(i: number): number {
    return this.scores[i] as number;
  }

  slot(i: number): number {
    return this.docs[i] as number;
  }

  /** Every derived term the document holds in a searched field. */
  terms(i: number): string[] {
    const doc = this.docs[i] as number;
    const { derivedBySpec, fieldIds } = this.found;
    return [
      ...new Set(
        derivedBySpec.flatMap((derived) =>
          derived.filter(({ data }) => fieldIds.some((id) => data.get(id)?.has(doc))).map(({ term }) => term),
        ),
      ),
    ];
  }
}
