import type { Paper } from './schema';

/** One category of the corpus and how many of its papers are in it. */
export interface CategoryCount {
  /** Profile code (`LG`). */
  code: string;
  /** Full arXiv name (`Machine Learning`). */
  name: string;
  count: number;
}

/** The categories of `papers`, most papers first, then by code: the popup's filters and the charts' legend. */
export function categoryCounts(papers: readonly Pick<Paper, 'category' | 'categoryName'>[]): CategoryCount[] {
  const counts = new Map<string, CategoryCount>();
  for (const paper of papers) {
    const entry = counts.get(paper.category) ?? { code: paper.category, name: paper.categoryName, count: 0 };
    entry.count += 1;
    counts.set(paper.category, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code, 'en'));
}
