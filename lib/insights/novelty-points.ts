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

/** What a point reads of a paper. */
export type NoveltyPaper = Pick<Paper, 'id' | 'date' | 'displayTitle' | 'category' | 'categoryName' | 'novelty'>;

/** Oldest first, ties by id: the order points are drawn and listed in. */
export const oldestFirst = (a: Pick<Paper, 'date' | 'id'>, b: Pick<Paper, 'date' | 'id'>): number =>
  a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

/**
 * One point per paper whose novelty is known, oldest first (ties by id). The
 * closest earlier paper is named by the title the novelty carries, else by
 * `titleOf` (by default the titles of `papers` themselves).
 */
export function noveltyPoints(
  papers: readonly NoveltyPaper[],
  titleOf: (id: string) => string | undefined = titlesOf(papers),
): NoveltyPoint[] {
  return papers
    .flatMap((paper) => (paper.novelty ? [{ ...paper, novelty: paper.novelty }] : []))
    .sort(oldestFirst)
    .map((paper) => ({
      id: paper.id,
      title: paper.displayTitle,
      date: paper.date,
      category: paper.category,
      categoryName: paper.categoryName,
      score: paper.novelty.score,
      explanation: noveltyExplanation(
        paper.novelty,
        paper.novelty.closestEarlierTitle ?? closestEarlierTitle(paper.novelty, titleOf),
      ),
    }));
}

function titlesOf(papers: readonly NoveltyPaper[]): (id: string) => string | undefined {
  const titles = new Map(papers.map((paper) => [paper.id, paper.displayTitle]));
  return (id) => titles.get(id);
}
