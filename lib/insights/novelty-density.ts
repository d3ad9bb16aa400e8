// The novelty chart of a large library: papers counted on a grid of dates × scores, and the most novel picked out.
import type { LibraryPaper as Paper } from '../library/schema';
import { oldestFirst } from './novelty-points';

/** How many papers fell in each cell of a fixed grid: its size never depends on the library's. */
export interface NoveltyDensity {
  columns: number;
  rows: number;
  /** Papers per cell, `rows × columns`: row 0 is the lowest scores, and each row runs oldest to newest. */
  counts: number[];
  /** The fullest cell's count. */
  max: number;
}

/** The dates the chart's time axis spans: the first and last scored paper's. */
export interface DateRange {
  first: string;
  last: string;
}

type Scored = Pick<Paper, 'date'> & { novelty: { score: number } };

/** Milliseconds of an ISO date at midnight UTC. */
export const dayTime = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`);

/** The first and last date among `papers`, or null when there are none. */
export function dateRange(papers: readonly Pick<Paper, 'date'>[]): DateRange | null {
  let range: DateRange | null = null;
  for (const { date } of papers) {
    if (!range) range = { first: date, last: date };
    else if (date < range.first) range.first = date;
    else if (date > range.last) range.last = date;
  }
  return range;
}

/**
 * Counts `papers` on a `columns × rows` grid: columns split `range` into equal
 * spans of time, rows split scores 0–1 (a score of 1 is in the top row).
 */
export function noveltyDensity(papers: readonly Scored[], range: DateRange, columns = 80, rows = 20): NoveltyDensity {
  const start = dayTime(range.first);
  const span = dayTime(range.last) - start;
  const counts = new Array<number>(columns * rows).fill(0);
  let max = 0;
  for (const paper of papers) {
    const column = span > 0 ? Math.min(columns - 1, Math.floor(((dayTime(paper.date) - start) / span) * columns)) : 0;
    const row = Math.min(rows - 1, Math.floor(paper.novelty.score * rows));
    const cell = row * columns + column;
    counts[cell] = (counts[cell] ?? 0) + 1;
    max = Math.max(max, counts[cell] ?? 0);
  }
  return { columns, rows, counts, max };
}

/** The `count` most novel papers: highest score first, then oldest (ties by id). */
export function mostNovel<T extends Pick<Paper, 'date' | 'id'> & { novelty: { score: number } }>(
  papers: readonly T[],
  count: number,
): T[] {
  return [...papers].sort((a, b) => b.novelty.score - a.novelty.score || oldestFirst(a, b)).slice(0, count);
}
