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
  /** Most papers first, then by code: the stacking order (bottom first) and the legend order; "other" last. */
  categories: CategoryCount[];
  /** Every year from the first paper's to the last's, empty years included. */
  years: YearRow[];
}

/** What the chart reads of a paper. */
export type YearPaper = Pick<Paper, 'year' | 'category' | 'categoryName'>;

/** The code of the segment that gathers the categories past {@link MAX_CATEGORIES}. */
export const OTHER_CATEGORY = 'other';
/** More segments than this per bar cannot be told apart (a large library has dozens of categories). */
export const MAX_CATEGORIES = 8;

/** The categories to stack: all of them when few, else the largest and one "other" for the rest. */
function stackedCategories(papers: readonly YearPaper[], max: number): CategoryCount[] {
  const all = categoryCounts(papers);
  if (all.length <= max) return all;
  const rest = all.slice(max - 1).reduce((sum, category) => sum + category.count, 0);
  return [...all.slice(0, max - 1), { code: OTHER_CATEGORY, name: 'Other categories', count: rest }];
}

/** Papers per year, split by category, for the stacked bar chart (one pass over the papers). */
export function papersPerYearByCategory(papers: readonly YearPaper[], max = MAX_CATEGORIES): PapersPerYear {
  if (papers.length === 0) return { categories: [], years: [] };
  const categories = stackedCategories(papers, max);
  const shown = new Set(categories.map((category) => category.code));
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const paper of papers) {
    first = Math.min(first, paper.year);
    last = Math.max(last, paper.year);
  }
  const years: YearRow[] = [];
  for (let year = first; year <= last; year++) {
    years.push({ year, counts: Object.fromEntries(categories.map((category) => [category.code, 0])), total: 0 });
  }
  for (const paper of papers) {
    const row = years[paper.year - first] as YearRow;
    const code = shown.has(paper.category) ? paper.category : OTHER_CATEGORY;
    row.counts[code] = (row.counts[code] ?? 0) + 1;
    row.total += 1;
  }
  return { categories, years };
}
