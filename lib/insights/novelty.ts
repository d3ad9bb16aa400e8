// Build time: each paper's novelty and related papers from the text vectors (lib/corpus/build.ts); at run time, the closest earlier title.
import type { Novelty } from '../corpus/schema';
import { cosine, type SparseVector } from './text-vectors';

export interface DatedVector {
  id: string;
  /** ISO date; earlier papers are the ones a paper is compared with. */
  date: string;
  vector: SparseVector;
}

/** Similarities are stored with 4 decimals so the bundled corpus is stable across platforms. */
const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * Novelty of each paper: 1 − the highest cosine similarity between its text
 * vector and that of any *earlier* corpus paper (ties on the date count as
 * earlier when their id sorts first, so the order is total).
 *
 * The earliest paper has nothing earlier to compare with: the highest
 * similarity over no papers is taken as 0, so it scores 1 (100%) with no
 * closest paper, and the UI says why.
 */
export function computeNovelty(papers: readonly DatedVector[]): Map<string, Novelty> {
  const ordered = [...papers].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const result = new Map<string, Novelty>();
  ordered.forEach((paper, index) => {
    let best: { id: string; similarity: number } | null = null;
    for (const earlier of ordered.slice(0, index)) {
      const similarity = round(cosine(paper.vector, earlier.vector));
      if (!best || similarity > best.similarity) best = { id: earlier.id, similarity };
    }
    result.set(paper.id, {
      score: best ? round(1 - best.similarity) : 1,
      closestEarlierId: best?.id ?? null,
      similarity: best?.similarity ?? null,
    });
  });
  return result;
}

/** The `count` most similar other papers of each paper, most similar first (ties by id). */
export function computeRelated(
  papers: readonly DatedVector[],
  count = 3,
): Map<string, { id: string; similarity: number }[]> {
  const result = new Map<string, { id: string; similarity: number }[]>();
  for (const paper of papers) {
    const ranked = papers
      .filter((other) => other.id !== paper.id)
      .map((other) => ({ id: other.id, similarity: round(cosine(paper.vector, other.vector)) }))
      .sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id));
    result.set(paper.id, ranked.slice(0, count));
  }
  return result;
}

/** The display title of the paper a novelty was measured against, or null when nothing earlier exists. */
export function closestEarlierTitle(
  novelty: Pick<Novelty, 'closestEarlierId'> | null,
  titleOf: (id: string) => string | undefined,
): string | null {
  return novelty?.closestEarlierId ? (titleOf(novelty.closestEarlierId) ?? null) : null;
}
