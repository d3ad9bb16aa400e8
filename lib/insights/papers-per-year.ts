// Papers per year and category, the rows of the stacked bar chart.
import { type CategoryCount, categoryCounts } from '../categories';
import type { LibraryPaper as Paper } from '../library/schema';

export interface YearRow {
  year: number;
  /** Papers of that year per category code; every category of `categories` has an entry (0 when none). */
  counts: Record<string, number>;
  total: number;
}

export interface PapersPerYear {
  /** Most papers first, then by code: the stacking order (bottom first) and the legend order. */
  categories: CategoryCount[];
  /** Every year from the first paper's to the last's, empty years included. */
  years: YearRow[];
}

/** Papers per year, split by category, for the stacked bar chart. */
export function papersPerYearByCategory(papers: readonly Paper[]): PapersPerYear {
  if (papers.length === 0) return { categories: [], years: [] };
  const categories = categoryCounts(papers);
  const yearsSeen = papers.map((paper) => paper.year);
  const first = Math.min(...yearsSeen);
  const last = Math.max(...yearsSeen);
  const years: YearRow[] = [];
  for (let year = first; year <= last; year++) {
    const counts = Object.fromEntries(categories.map((category) => [category.code, 0]));
    let total = 0;
    for (const paper of papers) {
      if (paper.year !== year) continue;
      counts[paper.category] = (counts[paper.category] ?? 0) + 1;
      total += 1;
    }
    years.push({ year, counts, total });
  }
  return { categories, years };
}
