// A paper's related papers as ranked, titled rows (the corpus build computed the similarities).
import type { LibraryPaper as Paper } from '../library/schema';

export interface RelatedPaper {
  rank: number;
  id: string;
  title: string;
  category: string;
  similarity: number;
}

/** A paper's most similar corpus papers (same text vectors as novelty), ranked from 1. */
export function relatedPapers(paper: Paper, papers: readonly Paper[]): RelatedPaper[] {
  const byId = new Map(papers.map((other) => [other.id, other]));
  return [...paper.related]
    .sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id))
    .flatMap((related) => {
      const other = byId.get(related.id);
      return other
        ? [{ id: other.id, title: other.displayTitle, category: other.category, similarity: related.similarity }]
        : [];
    })
    .map((related, index) => ({ rank: index + 1, ...related }));
}
