import { normalizeText } from '../text/normalize';

/**
 * TF-IDF vectors over title + abstract, the one text representation behind
 * novelty and related papers.
 *
 * - Tokens: `normalizeText` words of two or more characters, stop words
 *   removed, a plural `s` folded (`experts` → `expert`), numbers dropped.
 * - Weight: raw term count × smoothed inverse document frequency
 *   `ln((1 + N) / (1 + df)) + 1`, vectors L2-normalized, so the dot product
 *   of two vectors is their cosine similarity.
 */

export type SparseVector = ReadonlyMap<string, number>;

// A short English stop list plus words every abstract in the field uses, which carry no topic.
const STOP_WORDS = new Set(
  `a about above across after again against all also an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had has have
  having here how however if in into is it its itself just may more most much no nor not now of off on once
  only or other our ours out over own same should so some such than that the their them then there these
  they this those through to too under until up very was we were what when where which while who whom why
  will with within without would you your via us one two three new show shows shown present propose proposed
  introduce introduces work paper approach method methods model models result results use used using based
  well first large small also further despite`.split(/\s+/),
);

/** The tokens of one document, in order. */
export function tokenize(text: string): string[] {
  return normalizeText(text)
    .split(' ')
    .filter((word) => word.length >= 2 && !STOP_WORDS.has(word) && !/^\d+$/.test(word))
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word));
}

/** L2-normalized TF-IDF vectors, one per document, in input order. */
export function tfidfVectors(documents: readonly string[]): SparseVector[] {
  const termCounts = documents.map((doc) => {
    const counts = new Map<string, number>();
    for (const token of tokenize(doc)) counts.set(token, (counts.get(token) ?? 0) + 1);
    return counts;
  });
  const documentFrequency = new Map<string, number>();
  for (const counts of termCounts) {
    for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const n = documents.length;
  return termCounts.map((counts) => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of counts) {
      const weight = count * (Math.log((1 + n) / (1 + (documentFrequency.get(term) ?? 0))) + 1);
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
}

/** Cosine similarity of two L2-normalized vectors, clamped to [0, 1]. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return Math.min(1, Math.max(0, dot));
}
