// The novelty-over-time chart's points: each paper's novelty score with the sentence that explains it.

import { noveltyExplanation } from '../format';
import type { LibraryPaper as Paper } from '../library/schema';
import { closestEarlierTitle } from './novelty';

export interface NoveltyPoint {
  id: string;
  title: string;
  date: string;
  category: string;
  categoryName: string;
  score: number;
  /** One sentence: the score and the closest earlier paper it was measured against. */
  explanation: string;
}

/** One point per paper whose novelty is known, oldest first (ties by id), for the novelty-over-time chart. */
export function noveltyPoints(papers: readonly Paper[]): NoveltyPoint[] {
  const titles = new Map(papers.map((paper) => [paper.id, paper.displayTitle]));
  return papers
    .flatMap((paper) => (paper.novelty ? [{ ...paper, novelty: paper.novelty }] : []))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map((paper) => ({
      id: paper.id,
      title: paper.displayTitle,
      date: paper.date,
      category: paper.category,
      categoryName: paper.categoryName,
      score: paper.novelty.score,
      explanation: noveltyExplanation(
        paper.novelty,
        closestEarlierTitle(paper.novelty, (id) => titles.get(id)),
      ),
    }));
}
