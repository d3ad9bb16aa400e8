// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads in hot loops, every index in range by construction.
import { tokenize } from './text-vectors';
import { packVarints, unpackVarints } from './varints';

/**
 * Novelty and related papers at library scale (100,000 papers in the
 * background), with the measure of `novelty.ts` and `text-vectors.ts`:
 * TF-IDF over title + abstract, same tokens, same smoothed IDF, cosine
 * rounded to 4 decimals, the same tie rules.
 *
 * - Terms are interned to integer ids; a document is its sorted term ids and
 *   their counts (typed arrays), its weights `count × idf / norm` worked out
 *   when needed, so 100k papers × ~100 terms take ~6 bytes a term.
 * - Small libraries (≤ `exactUpTo`) compare every pair that shares a term:
 *   the figures equal computeNovelty / computeRelated.
 * - Larger ones are approximate: each document is indexed under its
 *   `indexTerms` heaviest terms (terms in two documents or more); a query walks
 *   the lists of its `queryTerms` heaviest terms, accumulating partial dot
 *   products, and the best `candidates` (overall and among earlier papers)
 *   are re-scored exactly.
 * - Adding papers is incremental: each new paper is queried thoroughly (all
 *   its terms, 8× the candidates), gets its figures, and is offered to every
 *   paper it found; papers whose lists hold similarity-0 fills (or whose
 *   novelty is 0) are offered every new paper. The IDF stays frozen at the
 *   last full build (new terms get theirs when first seen): rebuild with
 *   deriveAll once `needsRebuild` (more than 10% added since the build).
 * - toStored / fromStored keep the vectors and vocabulary in IndexedDB, so a
 *   service-worker restart costs ~1 s at 100k papers, not a rebuild.
 */

export interface TextDoc {
  id: string;
  /** ISO date; novelty compares a paper with the earlier ones. */
  date: string;
  /** Title and abstract. */
  text: string;
}

export interface Neighbor {
  id: string;
  similarity: number;
}

export interface DerivedText {
  novelty: { score: number; closestEarlierId: string | null; similarity: number | null };
  related: Neighbor[];
}

export interface IndexOptions {
  /** Up to this many documents at a full build, every pair is compared (today's exact figures). */
  exactUpTo?: number;
  /** Terms each document is indexed under (approximate mode). */
  indexTerms?: number;
  /** Terms of a query whose lists are walked (approximate mode). */
  queryTerms?: number;
  /** Candidates re-scored exactly, overall and again among earlier papers (approximate mode). */
  candidates?: number;
}

export type IndexSettings = Required<IndexOptions>;

export const DEFAULT_OPTIONS: IndexSettings = { exactUpTo: 2000, indexTerms: 16, queryTerms: 24, candidates: 64 };

/** Rebuild fully once the papers added since the last full build exceed this fraction of it (IDF drift). */
export const REBUILD_FRACTION = 0.1;

/** A new paper's query re-scores this many times the usual candidates (adding is ~100 papers, not 100,000). */
const ADDED_CANDIDATES = 8;
/** How many related papers each paper gets. */
const RELATED = 3;
/** The smallest ids kept: enough to fill related lists with zero-similarity papers the way computeRelated does. */
const FIRST_IDS = 8;
/** A term counted more often than this in one document is counted this often (Uint16 storage). */
const MAX_COUNT = 0xffff;

/** The same order as `String.prototype.localeCompare` with no arguments, which novelty.ts sorts with. */
const collator = new Intl.Collator();

/** Similarities are compared and stored with 4 decimals, as in novelty.ts. */
const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/** Inverted lists: built in bulk (CSR), plus lists of documents added since (`extra`, term → doc, weight, …). */
interface Postings {
  start: Int32Array;
  doc: Int32Array;
  weight: Float64Array;
  extra: Map<number, number[]>;
}

/** The index: plain typed arrays and strings, mutated by addDocs; see toStored for what is kept. */
export interface SimilarityIndex {
  exact: boolean;
  options: IndexSettings;
  /** Documents at the last full build, whose IDF is frozen since. */
  builtCount: number;
  docCount: number;
  ids: string[];
  dates: string[];
  docOf: Map<string, number>;
  terms: string[];
  termOf: Map<string, number>;
  /** Per term: documents holding it (live) and its IDF (frozen when first computed). */
  df: Int32Array;
  idf: Float64Array;
  /** Document d's terms are entries start[d] … start[d + 1] − 1, term ids ascending. */
  start: Int32Array;
  entryTerm: Int32Array;
  entryCount: Uint16Array;
  invNorm: Float64Array;
  /** Documents in (date, id) order, and each document's position in it. */
  order: Int32Array;
  rank: Int32Array;
  /** The documents with the smallest ids, smallest first. */
  firstIds: number[];
  postings: Postings;
}

type Grow = Int32Array | Uint16Array | Float64Array;

/** `array` when it holds `size` items, else a larger copy (amortized growth while documents stream in). */
function ensure<T extends Grow>(array: T, size: number): T {
  if (array.length >= size) return array;
  const Ctor = array.constructor as new (length: number) => T;
  const next = new Ctor(Math.max(size, Math.ceil(array.length * 1.5) + 64));
  next.set(array as never);
  return next;
}

function emptyIndex(options: IndexSettings): SimilarityIndex {
  return {
    exact: true,
    options,
    builtCount: 0,
    docCount: 0,
    ids: [],
    dates: [],
    docOf: new Map(),
    terms: [],
    termOf: new Map(),
    df: new Int32Array(1024),
    idf: new Float64Array(1024),
    start: new Int32Array(1024),
    entryTerm: new Int32Array(1024),
    entryCount: new Uint16Array(1024),
    invNorm: new Float64Array(0),
    order: new Int32Array(0),
    rank: new Int32Array(0),
    firstIds: [],
    postings: { start: new Int32Array(1), doc: new Int32Array(0), weight: new Float64Array(0), extra: new Map() },
  };
}

/** Per-index working arrays, sized to the index (not stored). */
interface Scratch {
  /** Partial dot products: Float64 when they are the final figures (exact), else Float32 (half the cache). */
  score: Float64Array | Float32Array;
  touched: Int32Array;
  mark: Int32Array;
  stamp: number;
  dense: Float64Array;
  counts: Int32Array;
  pick: Int32Array;
  cand: Int32Array;
  sims: Float64Array;
  all: Heap;
  earlier: Heap;
}

const scratches = new WeakMap<SimilarityIndex, Scratch>();

function scratchOf(index: SimilarityIndex): Scratch {
  const n = Math.max(index.docCount, 1);
  const v = Math.max(index.terms.length, 1);
  let s = scratches.get(index);
  if (!s || s.score.length < n || s.dense.length < v || s.score instanceof Float64Array !== index.exact) {
    s = {
      score: index.exact ? new Float64Array(n) : new Float32Array(n),
      touched: new Int32Array(n),
      mark: new Int32Array(n),
      stamp: 0,
      dense: new Float64Array(v),
      counts: new Int32Array(v),
      pick: new Int32Array(Math.max(index.options.indexTerms, index.options.queryTerms)),
      cand: new Int32Array(0),
      sims: new Float64Array(0),
      all: newHeap(0),
      earlier: newHeap(0),
    };
    scratches.set(index, s);
  }
  return s;
}

/** The scratch, with room for `c` candidates per selection (two selections, the earliest paper, the smallest ids). */
function withRoom(s: Scratch, c: number): Scratch {
  if (s.all.doc.length < c) {
    s.all = newHeap(c);
    s.earlier = newHeap(c);
    s.cand = new Int32Array(2 * c + FIRST_IDS + 1);
    s.sims = new Float64Array(2 * c + FIRST_IDS + 1);
  }
  return s;
}

/** The scratch's term picks, with room for `k` (a thorough query picks all its terms). */
function withPick(s: Scratch, k: number): Int32Array {
  if (s.pick.length < k) s.pick = new Int32Array(k);
  return s.pick;
}

// ---------------------------------------------------------------- vectors

/** Appends one document's term counts (term ids ascending) and counts its terms' document frequency. */
function appendDoc(index: SimilarityIndex, doc: TextDoc, counts: { array: Int32Array }): void {
  if (index.docOf.has(doc.id)) throw new Error(`similarity index: ${doc.id} is already indexed`);
  const seen: number[] = [];
  for (const token of tokenize(doc.text)) {
    let t = index.termOf.get(token);
    if (t === undefined) {
      t = index.terms.length;
      index.terms.push(token);
      index.termOf.set(token, t);
      counts.array = ensure(counts.array, t + 1);
    }
    if (counts.array[t] === 0) seen.push(t);
    counts.array[t]! += 1;
  }
  seen.sort((a, b) => a - b);
  const d = index.docCount++;
  const from = index.start[d]!;
  index.start = ensure(index.start, d + 2);
  index.entryTerm = ensure(index.entryTerm, from + seen.length);
  index.entryCount = ensure(index.entryCount, from + seen.length);
  index.df = ensure(index.df, index.terms.length);
  seen.forEach((t, i) => {
    index.entryTerm[from + i] = t;
    index.entryCount[from + i] = Math.min(counts.array[t]!, MAX_COUNT);
    index.df[t]! += 1;
    counts.array[t] = 0;
  });
  index.start[d + 1] = from + seen.length;
  index.ids.push(doc.id);
  index.dates.push(doc.date);
  index.docOf.set(doc.id, d);
}

/** The smoothed IDF of text-vectors.ts for the terms from `fromTerm` on, frozen from now on. */
function freezeIdf(index: SimilarityIndex, fromTerm: number): void {
  index.idf = ensure(index.idf, index.terms.length);
  const n = index.docCount;
  for (let t = fromTerm; t < index.terms.length; t++) index.idf[t] = Math.log((1 + n) / (1 + index.df[t]!)) + 1;
}

/** 1 / the L2 norm of each document from `fromDoc` on (0 for a document with no terms). */
function computeNorms(index: SimilarityIndex, fromDoc: number, toDoc = index.docCount): void {
  index.invNorm = ensure(index.invNorm, index.docCount);
  for (let d = fromDoc; d < toDoc; d++) {
    let sum = 0;
    for (let e = index.start[d]!; e < index.start[d + 1]!; e++) {
      const w = index.entryCount[e]! * index.idf[index.entryTerm[e]!]!;
      sum += w * w;
    }
    index.invNorm[d] = sum > 0 ? 1 / Math.sqrt(sum) : 0;
  }
}

/** Cosine of two indexed documents (sorted merge), for the few pairs no query produced. */
function cosineOf(index: SimilarityIndex, a: number, b: number): number {
  const { start, entryTerm, entryCount, idf } = index;
  let i = start[a]!;
  let j = start[b]!;
  let dot = 0;
  while (i < start[a + 1]! && j < start[b + 1]!) {
    const ta = entryTerm[i]!;
    const tb = entryTerm[j]!;
    if (ta === tb) dot += entryCount[i++]! * entryCount[j++]! * idf[ta]! * idf[ta]!;
    else if (ta < tb) i++;
    else j++;
  }
  return round(Math.min(1, Math.max(0, dot * index.invNorm[a]! * index.invNorm[b]!)));
}

// ---------------------------------------------------------------- order

/** (date, id) order, the total order novelty.ts sorts papers in. */
const docOrder =
  (index: SimilarityIndex) =>
  (a: number, b: number): number =>
    collator.compare(index.dates[a]!, index.dates[b]!) || collator.compare(index.ids[a]!, index.ids[b]!);

/** Merges the new documents `fromDoc` … into the (date, id) order (binary search: few new, many old) and renumbers ranks. */
function mergeOrder(index: SimilarityIndex, fromDoc: number): void {
  const compare = docOrder(index);
  const added = Int32Array.from({ length: index.docCount - fromDoc }, (_, i) => fromDoc + i).sort(compare);
  const old = index.order;
  const order = new Int32Array(index.docCount);
  let from = 0;
  let k = 0;
  for (const d of added) {
    let lo = from;
    let hi = old.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(old[mid]!, d) <= 0) lo = mid + 1;
      else hi = mid;
    }
    order.set(old.subarray(from, lo), k);
    k += lo - from;
    from = lo;
    order[k++] = d;
  }
  order.set(old.subarray(from), k);
  index.order = order;
  index.rank = new Int32Array(index.docCount);
  for (let i = 0; i < order.length; i++) index.rank[order[i]!] = i;
}

/** Keeps the FIRST_IDS documents with the smallest ids, including the new ones `fromDoc` …. */
function updateFirstIds(index: SimilarityIndex, fromDoc: number): void {
  const byId = (a: number, b: number) => collator.compare(index.ids[a]!, index.ids[b]!);
  const first = index.firstIds;
  for (let d = fromDoc; d < index.docCount; d++) {
    if (first.length === FIRST_IDS && byId(d, first[FIRST_IDS - 1]!) >= 0) continue;
    first.push(d);
    first.sort(byId);
    if (first.length > FIRST_IDS) first.pop();
  }
}

// ---------------------------------------------------------------- inverted lists

/** Calls `visit` with each term document d is indexed under (all its terms when exact, else its heaviest) and its weight. */
function forIndexTerms(index: SimilarityIndex, d: number, pick: Int32Array, visit: (t: number, w: number) => void) {
  const q = docQuery(index, d);
  const count = index.exact ? q.length : heaviest(index, q, index.options.indexTerms, 2, pick);
  for (let k = 0; k < count; k++) {
    const i = index.exact ? k : pick[k]!;
    visit(q.terms[i]!, q.weights[i]!);
  }
}

/** Builds the inverted lists of all documents in bulk. */
function buildPostings(index: SimilarityIndex): void {
  Array.from(postingsInSlices(index, Number.POSITIVE_INFINITY));
}

/** {@link buildPostings}, pausing (a `yield`) after every `slice` documents of each of its two passes. */
function* postingsInSlices(index: SimilarityIndex, slice: number): Generator<void> {
  const pick = new Int32Array(index.options.indexTerms);
  const start = new Int32Array(index.terms.length + 1);
  for (let d = 0; d < index.docCount; d++) {
    forIndexTerms(index, d, pick, (t) => {
      start[t + 1]! += 1;
    });
    if ((d + 1) % slice === 0) yield;
  }
  for (let t = 0; t < index.terms.length; t++) start[t + 1]! += start[t]!;
  const fill = start.slice(0, index.terms.length);
  const doc = new Int32Array(start[index.terms.length]!);
  const weight = new Float64Array(doc.length);
  for (let d = 0; d < index.docCount; d++) {
    forIndexTerms(index, d, pick, (t, w) => {
      const p = fill[t]!++;
      doc[p] = d;
      weight[p] = w;
    });
    if ((d + 1) % slice === 0) yield;
  }
  index.postings = { start, doc, weight, extra: new Map() };
}

/** Adds documents `fromDoc` … to the lists of documents added since the bulk build. */
function extendPostings(index: SimilarityIndex, fromDoc: number): void {
  const pick = new Int32Array(index.options.indexTerms);
  for (let d = fromDoc; d < index.docCount; d++)
    forIndexTerms(index, d, pick, (t, w) => {
      const list = index.postings.extra.get(t);
      if (list) list.push(d, w);
      else index.postings.extra.set(t, [d, w]);
    });
}

// ---------------------------------------------------------------- queries

/** A query vector: term ids ascending with their final (normalized) weights. */
interface Query {
  terms: Int32Array;
  weights: Float64Array;
  length: number;
  /** The queried document (skipped in its own results), or −1 for outside text. */
  self: number;
  /** Its position in (date, id) order: candidates ranked before it are earlier. */
  rank: number;
}

/** Document d as a query. */
function docQuery(index: SimilarityIndex, d: number): Query {
  const from = index.start[d]!;
  const length = index.start[d + 1]! - from;
  const weights = new Float64Array(length);
  const terms = index.entryTerm.subarray(from, from + length);
  for (let i = 0; i < length; i++) weights[i] = index.entryCount[from + i]! * index.idf[terms[i]!]! * index.invNorm[d]!;
  return { terms, weights, length, self: d, rank: index.rank[d]! };
}

/** Positions of the query's `k` heaviest terms among those held by `minDf` documents or more, heaviest first. */
function heaviest(index: SimilarityIndex, q: Query, k: number, minDf: number, out: Int32Array): number {
  let n = 0;
  for (let i = 0; i < q.length; i++) {
    const w = q.weights[i]!;
    if (index.df[q.terms[i]!]! < minDf || (n === k && w <= q.weights[out[k - 1]!]!)) continue;
    let j = n < k ? n++ : k - 1;
    while (j > 0 && q.weights[out[j - 1]!]! < w) {
      out[j] = out[j - 1]!;
      j--;
    }
    out[j] = i;
  }
  return n;
}

/** Walks the lists of the picked query terms, summing partial dot products into `s.score`; returns how many documents it touched. */
function accumulate(index: SimilarityIndex, q: Query, picked: Int32Array | null, count: number, s: Scratch): number {
  const { start, doc, weight, extra } = index.postings;
  const { score, touched } = s;
  const self = q.self;
  const bulkTerms = start.length - 1;
  let nt = 0;
  for (let k = 0; k < count; k++) {
    const i = picked ? picked[k]! : k;
    const t = q.terms[i]!;
    const qw = q.weights[i]!;
    const end = t < bulkTerms ? start[t + 1]! : 0;
    for (let p = t < bulkTerms ? start[t]! : 0; p < end; p++) {
      const o = doc[p]!;
      const v = score[o]!;
      // A document's first contribution marks it touched; the query's own document never gets one.
      if (v === 0) {
        if (o === self) continue;
        touched[nt++] = o;
      }
      score[o] = v + qw * weight[p]!;
    }
    const list = extra.size > 0 ? extra.get(t) : undefined;
    if (list) nt = walkExtra(list, qw, self, s, nt);
  }
  return nt;
}

/** accumulate for a list of documents added since the bulk build (doc, weight, doc, weight, …). */
function walkExtra(list: readonly number[], qw: number, self: number, s: Scratch, nt: number): number {
  for (let p = 0; p < list.length; p += 2) {
    const o = list[p]!;
    if (o === self) continue;
    if (s.score[o] === 0) s.touched[nt++] = o;
    s.score[o]! += qw * list[p + 1]!;
  }
  return nt;
}

/** A min-heap of the best `c` (document, score) pairs seen, the worst at the root. */
interface Heap {
  doc: Int32Array;
  score: Float64Array;
  size: number;
}

const newHeap = (c: number): Heap => ({ doc: new Int32Array(c), score: new Float64Array(c), size: 0 });

/** Adds a pair to a heap that is not full, or puts it in place of the root of a full one. */
function heapOffer(h: Heap, c: number, o: number, v: number): void {
  let i = 0;
  if (h.size < c) {
    i = h.size++;
    for (let parent = (i - 1) >> 1; i > 0 && h.score[parent]! > v; i = parent, parent = (i - 1) >> 1) {
      h.doc[i] = h.doc[parent]!;
      h.score[i] = h.score[parent]!;
    }
  } else {
    for (let child = 1; child < h.size; i = child, child = 2 * i + 1) {
      if (child + 1 < h.size && h.score[child + 1]! < h.score[child]!) child++;
      if (h.score[child]! >= v) break;
      h.doc[i] = h.doc[child]!;
      h.score[i] = h.score[child]!;
    }
  }
  h.doc[i] = o;
  h.score[i] = v;
}

/** Adds to `add` the `c` touched documents with the highest partial scores, and the `c` best ranked before `limit`. */
function selectTop(index: SimilarityIndex, s: Scratch, nt: number, c: number, limit: number, add: (o: number) => void) {
  const { all, earlier } = withRoom(s, c);
  const { score, touched } = s;
  all.size = 0;
  earlier.size = 0;
  // The score a document must beat to enter each heap: any, until the heap is full.
  let floorAll = -1;
  let floorEarlier = -1;
  for (let k = 0; k < nt; k++) {
    const o = touched[k]!;
    const v = score[o]!;
    if (v > floorAll) {
      heapOffer(all, c, o, v);
      if (all.size === c) floorAll = all.score[0]!;
    }
    if (v > floorEarlier && index.rank[o]! < limit) {
      heapOffer(earlier, c, o, v);
      if (earlier.size === c) floorEarlier = earlier.score[0]!;
    }
  }
  for (let i = 0; i < all.size; i++) add(all.doc[i]!);
  for (let i = 0; i < earlier.size; i++) add(earlier.doc[i]!);
}

/** Exact cosines (rounded) of the query with the candidates, through a dense copy of the query. */
function rescore(index: SimilarityIndex, q: Query, s: Scratch, cand: Int32Array, sims: Float64Array, nc: number) {
  const { dense } = s;
  const { start, entryTerm, entryCount, invNorm } = index;
  for (let i = 0; i < q.length; i++) dense[q.terms[i]!] = q.weights[i]! * index.idf[q.terms[i]!]!;
  for (let k = 0; k < nc; k++) {
    const e = cand[k]!;
    let dot = 0;
    for (let j = start[e]!; j < start[e + 1]!; j++) dot += entryCount[j]! * dense[entryTerm[j]!]!;
    sims[k] = round(Math.min(1, Math.max(0, dot * invNorm[e]!)));
  }
  for (let i = 0; i < q.length; i++) dense[q.terms[i]!] = 0;
}

/**
 * The documents worth comparing with a query, with their exact similarities:
 * every document sharing a term (exact), or the best partial scores overall
 * and among earlier papers (approximate); always the earliest paper and the
 * smallest ids, which fill novelty and related lists at similarity 0 the way
 * computeNovelty / computeRelated do.
 */
function candidates(
  index: SimilarityIndex,
  q: Query,
  s: Scratch,
  c = index.options.candidates,
  queryTerms = index.options.queryTerms,
): number {
  const { cand, sims, mark, score, touched } = withRoom(s, index.exact ? index.docCount : c);
  const stamp = ++s.stamp;
  let nc = 0;
  const add = (o: number) => {
    if (o === q.self || mark[o] === stamp) return;
    mark[o] = stamp;
    cand[nc++] = o;
  };
  if (index.exact) {
    const nt = accumulate(index, q, null, q.length, s);
    for (let k = 0; k < nt; k++) add(touched[k]!);
  } else {
    // A document's own terms count once in df: only terms of two documents or more can match another.
    const count = heaviest(index, q, queryTerms, q.self >= 0 ? 2 : 1, withPick(s, queryTerms));
    const nt = accumulate(index, q, s.pick, count, s);
    selectTop(index, s, nt, c, q.rank, add);
    for (let k = 0; k < nt; k++) score[touched[k]!] = 0;
  }
  if (index.docCount > 0) add(index.order[0]!);
  for (const o of index.firstIds) add(o);
  if (index.exact) {
    for (let k = 0; k < nc; k++) {
      sims[k] = round(Math.min(1, Math.max(0, score[cand[k]!]!)));
      score[cand[k]!] = 0;
    }
  } else {
    // In document order, the candidates' entries are read front to back through memory.
    cand.subarray(0, nc).sort();
    rescore(index, q, s, cand, sims, nc);
  }
  return nc;
}

// ---------------------------------------------------------------- figures

/** The closest earlier candidate (ties: the earliest), as computeNovelty picks it. */
function pickNovelty(index: SimilarityIndex, d: number, s: Scratch, nc: number): DerivedText['novelty'] {
  const { rank } = index;
  let best = -1;
  for (let k = 0; k < nc; k++) {
    const o = s.cand[k]!;
    if (rank[o]! >= rank[d]!) continue;
    if (best < 0 || s.sims[k]! > s.sims[best]! || (s.sims[k] === s.sims[best] && rank[o]! < rank[s.cand[best]!]!))
      best = k;
  }
  if (best < 0) return { score: 1, closestEarlierId: null, similarity: null };
  const similarity = s.sims[best]!;
  return { score: round(1 - similarity), closestEarlierId: index.ids[s.cand[best]!]!, similarity };
}

/** Inserts a neighbour into a list ranked by similarity (ties by id) when it ranks in the first `count`; returns whether it did. */
function offer(list: Neighbor[], candidate: Neighbor, count: number): boolean {
  if (list.some((other) => other.id === candidate.id)) return false;
  let i = list.length;
  for (; i > 0; i--) {
    const above = list[i - 1]!;
    if (above.similarity > candidate.similarity) break;
    if (above.similarity === candidate.similarity && collator.compare(above.id, candidate.id) < 0) break;
  }
  if (i >= count) return false;
  list.splice(i, 0, candidate);
  if (list.length > count) list.pop();
  return true;
}

/** The RELATED most similar candidates, most similar first, ties by id, as computeRelated ranks them. */
function pickRelated(index: SimilarityIndex, s: Scratch, nc: number): Neighbor[] {
  const related: Neighbor[] = [];
  for (let k = 0; k < nc; k++) {
    const last = related[RELATED - 1];
    if (last && s.sims[k]! < last.similarity) continue;
    offer(related, { id: index.ids[s.cand[k]!]!, similarity: s.sims[k]! }, RELATED);
  }
  return related;
}

/**
 * Novelty and related papers of document d; its candidates stay in the
 * scratch for addDocs. A thorough query (a new paper) walks the lists of all
 * its terms and re-scores ADDED_CANDIDATES × as many candidates, which also
 * finds the many papers a new paper in a dense topic enters the top 3 of.
 */
function deriveOne(
  index: SimilarityIndex,
  d: number,
  s: Scratch,
  thorough = false,
): { derived: DerivedText; nc: number } {
  const q = docQuery(index, d);
  const nc = thorough
    ? candidates(index, q, s, ADDED_CANDIDATES * index.options.candidates, q.length)
    : candidates(index, q, s);
  return { derived: { novelty: pickNovelty(index, d, s, nc), related: pickRelated(index, s, nc) }, nc };
}

// ---------------------------------------------------------------- building

/** Trims a grown array to what it holds. */
const trim = <T extends Grow>(array: T, size: number): T =>
  array.length === size ? array : (array.slice(0, size) as T);

/** Builds the index over all documents (read once, texts not kept); derive with deriveFor, in slices if need be. */
export function buildIndex(docs: Iterable<TextDoc>, options: IndexOptions = {}): SimilarityIndex {
  const builder = createIndexBuilder(options);
  builder.add(docs);
  return builder.finish();
}

/** An index built from documents given a slice at a time, so the caller can yield between slices. */
export interface IndexBuilder {
  add(docs: Iterable<TextDoc>): void;
  /** The index over every document added (the builder is spent). */
  finish(): SimilarityIndex;
}

/**
 * Reading and tokenizing documents is most of a build (~17 of 19 s at 100k papers, node); a builder lets that
 * part run in slices between other work, leaving one short step (IDF, norms, order, lists: ~2 s) at the end.
 */
export function createIndexBuilder(options: IndexOptions = {}): IndexBuilder {
  const index = emptyIndex({ ...DEFAULT_OPTIONS, ...options });
  const counts = { array: new Int32Array(1024) };
  return {
    add(docs) {
      for (const doc of docs) appendDoc(index, doc, counts);
    },
    finish: () => finishBuild(index),
  };
}

function finishBuild(index: SimilarityIndex): SimilarityIndex {
  index.exact = index.docCount <= index.options.exactUpTo;
  index.builtCount = index.docCount;
  index.start = trim(index.start, index.docCount + 1);
  index.entryTerm = trim(index.entryTerm, index.start[index.docCount]!);
  index.entryCount = trim(index.entryCount, index.start[index.docCount]!);
  index.df = trim(index.df, index.terms.length);
  freezeIdf(index, 0);
  computeNorms(index, 0);
  mergeOrder(index, 0);
  updateFirstIds(index, 0);
  buildPostings(index);
  return index;
}

/** Novelty and related papers of the given indexed documents. */
export function deriveFor(index: SimilarityIndex, ids: Iterable<string>): Map<string, DerivedText> {
  const s = scratchOf(index);
  const derived = new Map<string, DerivedText>();
  for (const id of ids) {
    const d = index.docOf.get(id);
    if (d === undefined) throw new Error(`similarity index: ${id} is not indexed`);
    derived.set(id, deriveOne(index, d, s).derived);
  }
  return derived;
}

/** Builds the index over all documents and derives every document's novelty and related papers. */
export function deriveAll(
  docs: Iterable<TextDoc>,
  options: IndexOptions = {},
): { derived: Map<string, DerivedText>; index: SimilarityIndex } {
  const index = buildIndex(docs, options);
  return { derived: deriveFor(index, index.ids), index };
}

/**
 * Whether, with `adding` more papers, enough came since the last full build that its frozen IDF should be
 * recomputed (see REBUILD_FRACTION). Asked before adding: a small exact index given a large import would
 * otherwise compare every new paper with every other (100k papers added to the 13 bundled ones never finished).
 */
export function needsRebuild(index: SimilarityIndex, adding = 0): boolean {
  return index.docCount + adding - index.builtCount > REBUILD_FRACTION * index.builtCount;
}

// ---------------------------------------------------------------- adding

/** Appends documents to a built index: vectors with the frozen IDF (new terms get today's), order, lists. */
function appendAll(index: SimilarityIndex, docs: readonly TextDoc[]): void {
  const ids = new Set(docs.map((doc) => doc.id));
  const known = docs.find((doc) => index.docOf.has(doc.id));
  if (ids.size < docs.length || known) throw new Error(`similarity index: ${known?.id ?? 'an id'} is given twice`);
  const fromDoc = index.docCount;
  const fromTerm = index.terms.length;
  const counts = { array: scratchOf(index).counts };
  for (const doc of docs) appendDoc(index, doc, counts);
  freezeIdf(index, fromTerm);
  computeNorms(index, fromDoc);
  mergeOrder(index, fromDoc);
  updateFirstIds(index, fromDoc);
  extendPostings(index, fromDoc);
}

/** Offers new document x, at similarity `sim`, to existing document p's related papers and novelty. */
function offerNew(index: SimilarityIndex, f: DerivedText, p: number, x: number, sim: number): void {
  offer(f.related, { id: index.ids[x]!, similarity: sim }, RELATED);
  if (index.rank[x]! >= index.rank[p]!) return;
  const { similarity, closestEarlierId } = f.novelty;
  const current = closestEarlierId === null ? undefined : index.docOf.get(closestEarlierId);
  const beats =
    similarity === null ||
    sim > similarity ||
    (sim === similarity && (current === undefined || index.rank[x]! < index.rank[current]!));
  if (beats) f.novelty = { score: round(1 - sim), closestEarlierId: index.ids[x]!, similarity: sim };
}

const sameFigures = (a: DerivedText, b: DerivedText): boolean =>
  a.novelty.score === b.novelty.score &&
  a.novelty.closestEarlierId === b.novelty.closestEarlierId &&
  a.novelty.similarity === b.novelty.similarity &&
  a.related.length === b.related.length &&
  a.related.every((r, i) => r.id === b.related[i]?.id && r.similarity === b.related[i]?.similarity);

/**
 * Adds documents to an index built earlier; returns the derived figures of
 * the new documents and of every existing document whose figures changed.
 * `current` gives an existing document's figures (a document without any is
 * derived afresh). The IDF stays frozen: call needsRebuild afterwards.
 */
export function addDocs(
  index: SimilarityIndex,
  docs: readonly TextDoc[],
  current: (id: string) => DerivedText | undefined,
): Map<string, DerivedText> {
  const fromDoc = index.docCount;
  appendAll(index, docs);
  const s = scratchOf(index);
  const out = new Map<string, DerivedText>();
  const working = new Map<number, DerivedText>();
  const figures = (p: number): DerivedText | undefined => {
    const known = working.get(p) ?? current(index.ids[p]!);
    if (!known || working.has(p)) return known;
    const copy = { novelty: { ...known.novelty }, related: known.related.map((r) => ({ ...r })) };
    working.set(p, copy);
    return copy;
  };
  // New papers: their own figures, and offered to the existing papers their query found.
  for (let x = fromDoc; x < index.docCount; x++) {
    const { derived, nc } = deriveOne(index, x, s, true);
    out.set(index.ids[x]!, derived);
    for (let k = 0; k < nc; k++) {
      const p = s.cand[k]!;
      const f = p < fromDoc ? figures(p) : undefined;
      if (f) offerNew(index, f, p, x, s.sims[k]!);
    }
  }
  sweep(index, fromDoc, current, working, figures, out);
  for (const [p, f] of working) {
    const before = current(index.ids[p]!);
    if (!before || !sameFigures(before, f)) out.set(index.ids[p]!, f);
  }
  return out;
}

/**
 * Existing papers a new paper can change without being near them: lists
 * filled at similarity 0 (ranked by id) and novelty at 0 or none (the
 * earliest paper wins): offered every new paper, compared exactly. Papers
 * with no figures are derived afresh.
 */
function sweep(
  index: SimilarityIndex,
  fromDoc: number,
  current: (id: string) => DerivedText | undefined,
  working: Map<number, DerivedText>,
  figures: (p: number) => DerivedText | undefined,
  out: Map<string, DerivedText>,
): void {
  const s = scratchOf(index);
  for (let p = 0; p < fromDoc; p++) {
    const known = working.get(p) ?? current(index.ids[p]!);
    if (!known) {
      out.set(index.ids[p]!, deriveOne(index, p, s).derived);
      continue;
    }
    const openRelated = (known.related[RELATED - 1]?.similarity ?? 0) === 0;
    const openNovelty = !known.novelty.similarity;
    if (!openRelated && !openNovelty) continue;
    for (let x = fromDoc; x < index.docCount; x++)
      if (openRelated || index.rank[x]! < index.rank[p]!) offerNew(index, figures(p)!, p, x, cosineOf(index, p, x));
  }
}

// ---------------------------------------------------------------- outside text

/** A text that is not in the library as a query, with the frozen IDF (a term no paper has counts as held by one). */
function textQuery(index: SimilarityIndex, text: string): Query {
  const counts = new Map<number, number>();
  const unknown = new Map<string, number>();
  for (const token of tokenize(text)) {
    const t = index.termOf.get(token);
    if (t === undefined) unknown.set(token, (unknown.get(token) ?? 0) + 1);
    else counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const unknownIdf = Math.log((1 + index.docCount) / 2) + 1;
  let sum = 0;
  for (const c of unknown.values()) sum += (c * unknownIdf) ** 2;
  for (const [t, c] of counts) sum += (c * index.idf[t]!) ** 2;
  const terms = Int32Array.from(counts.keys()).sort();
  const weights = Float64Array.from(terms, (t) => (counts.get(t)! * index.idf[t]!) / Math.sqrt(sum));
  return { terms, weights, length: terms.length, self: -1, rank: index.docCount };
}

/** The k library papers closest to a text that is not in the library, most similar first (similarity above 0 only). */
export function nearest(index: SimilarityIndex, text: string, k: number): Neighbor[] {
  const s = scratchOf(index);
  const nc = candidates(index, textQuery(index, text), s, Math.max(index.options.candidates, k));
  const found: Neighbor[] = [];
  for (let i = 0; i < nc; i++)
    if (s.sims[i]! > 0) offer(found, { id: index.ids[s.cand[i]!]!, similarity: s.sims[i]! }, k);
  return found;
}

// ---------------------------------------------------------------- storage

/** The stored format {@link fromStored} reads; a copy in another is not read (the index is built again). */
export const STORED_VERSION = 2;

/** What an index keeps in IndexedDB (structured-clonable); the rest is worked out again on load. */
export interface StoredIndex {
  version: typeof STORED_VERSION;
  exact: boolean;
  options: IndexSettings;
  builtCount: number;
  ids: string[];
  dates: string[];
  terms: string[];
  df: Int32Array;
  idf: Float64Array;
  start: Int32Array;
  /** Each paper's term ids, ascending: the first, then the gaps, as varints (lib/insights/varints.ts). */
  entryTerm: Uint8Array;
  /** Each entry's count, as varints. */
  entryCount: Uint8Array;
  order: Int32Array;
}

/** The index as plain arrays (copies: the index updates some in place), so a service-worker restart need not rebuild it. */
export function toStored(index: SimilarityIndex): StoredIndex {
  const entries = index.start[index.docCount]!;
  return {
    version: STORED_VERSION,
    exact: index.exact,
    options: { ...index.options },
    builtCount: index.builtCount,
    ids: [...index.ids],
    dates: [...index.dates],
    terms: [...index.terms],
    df: index.df.slice(0, index.terms.length),
    idf: index.idf.slice(0, index.terms.length),
    start: index.start.slice(0, index.docCount + 1),
    entryTerm: packVarints(termGaps(index.entryTerm, index.start, index.docCount)),
    entryCount: packVarints(index.entryCount.subarray(0, entries)),
    order: index.order.slice(),
  };
}

/** Each paper's sorted term ids as its first id, then the gaps between them (small numbers, short varints). */
function termGaps(entryTerm: Int32Array, start: Int32Array, docCount: number): Int32Array {
  const gaps = new Int32Array(start[docCount]!);
  for (let d = 0; d < docCount; d++) {
    for (let e = start[d]!, previous = 0; e < start[d + 1]!; e++) {
      gaps[e] = entryTerm[e]! - previous;
      previous = entryTerm[e]!;
    }
  }
  return gaps;
}

/** termGaps undone, in place. */
function termIds(gaps: Int32Array, start: Int32Array, docCount: number): Int32Array {
  for (let d = 0; d < docCount; d++) {
    for (let e = start[d]! + 1; e < start[d + 1]!; e++) gaps[e] = gaps[e]! + gaps[e - 1]!;
  }
  return gaps;
}

/** An index from toStored's arrays, which it takes over (the packed ones unpacked); norms, ranks, maps and lists are worked out again. */
export function fromStored(stored: StoredIndex): SimilarityIndex {
  const steps = restoreInSlices(stored, Number.POSITIVE_INFINITY);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Documents worked out between pauses while a stored index is restored: ~20–40 ms of a worker's time each. */
const RESTORE_SLICE = 1_000;

/**
 * {@link fromStored}, pausing between slices of its work: at 100k papers restoring is seconds of work (above all
 * the inverted lists), and done at once it held up every page's lookup meanwhile.
 */
export async function fromStoredInSlices(
  stored: StoredIndex,
  pause: () => Promise<void>,
  slice = RESTORE_SLICE,
): Promise<SimilarityIndex> {
  const steps = restoreInSlices(stored, slice);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

function* restoreInSlices(stored: StoredIndex, slice: number): Generator<void, SimilarityIndex> {
  if (stored.version !== STORED_VERSION) throw new Error(`similarity index: unknown stored version ${stored.version}`);
  const docCount = stored.ids.length;
  const entries = stored.start[docCount] ?? 0;
  // Each step below is ~0.1–0.2 s at 100k papers: a pause after each.
  const docOf = new Map(stored.ids.map((id, d) => [id, d]));
  const termOf = new Map(stored.terms.map((term, t) => [term, t]));
  yield;
  const gaps = unpackVarints(stored.entryTerm, new Int32Array(entries));
  yield;
  const entryTerm = termIds(gaps, stored.start, docCount);
  const entryCount = unpackVarints(stored.entryCount, new Uint16Array(entries));
  yield;
  const index: SimilarityIndex = {
    ...emptyIndex({ ...stored.options }),
    exact: stored.exact,
    builtCount: stored.builtCount,
    docCount,
    ids: stored.ids,
    dates: stored.dates,
    docOf,
    terms: stored.terms,
    termOf,
    df: stored.df,
    idf: stored.idf,
    start: stored.start,
    entryTerm,
    entryCount,
    order: stored.order,
    rank: new Int32Array(stored.ids.length),
  };
  stored.order.forEach((d, k) => {
    index.rank[d] = k;
  });
  yield;
  for (let d = 0; d < docCount; d += slice) {
    computeNorms(index, d, Math.min(docCount, d + slice));
    yield;
  }
  updateFirstIds(index, 0);
  yield* postingsInSlices(index, slice);
  return index;
}
