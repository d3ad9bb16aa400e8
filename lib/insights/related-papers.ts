// A paper's related papers as ranked, titled rows (the background derived the similarities).
import type { LibraryPaper as Paper } from '../library/schema';

export interface RelatedPaper {
  rank: number;
  id: string;
  title: string;
  similarity: number;
}

/**
 * A paper's most similar library papers (same text vectors as novelty), ranked
 * from 1. Each is named by `titleOf` (the library's titles as they are now),
 * else by the title the derived entry carries; one with neither is left out.
 */
export function relatedPapers(
  paper: Pick<Paper, 'related'>,
  titleOf: (id: string) => string | undefined,
): RelatedPaper[] {
  return [...paper.related]
    .sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id))
    .flatMap((related) => {
      const title = titleOf(related.id) ?? related.title;
      return title ? [{ id: related.id, title, similarity: related.similarity }] : [];
    })
    .map((related, index) => ({ rank: index + 1, ...related }));
}
