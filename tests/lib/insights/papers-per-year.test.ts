import { describe, expect, it } from 'vitest';
import { papersPerYearByCategory } from '../../../lib/insights/papers-per-year';
import type { LibraryPaper as Paper } from '../../../lib/library/schema';
import { libraryPapers } from '../../helpers/db';

// Expected figures below were counted by hand from data/corpus.json, not produced by the code under test.
const papers = libraryPapers;
const paper = (id: string): Paper => papers.find((p) => p.id === id)!;

describe('papersPerYearByCategory', () => {
  const data = papersPerYearByCategory(papers);

  it('orders categories by papers, then code: the stacking and legend order', () => {
    expect(data.categories.map((c) => [c.code, c.count])).toEqual([
      ['LG', 6],
      ['CL', 3],
      ['AI', 2],
      ['SD', 1],
      ['SE', 1],
    ]);
  });

  it('counts each year and category, with zeros filled', () => {
    expect(data.years).toEqual([
      { year: 2023, counts: { LG: 0, CL: 1, AI: 0, SD: 0, SE: 0 }, total: 1 },
      { year: 2024, counts: { LG: 2, CL: 0, AI: 0, SD: 0, SE: 0 }, total: 2 },
      { year: 2025, counts: { LG: 4, CL: 1, AI: 0, SD: 1, SE: 1 }, total: 7 },
      { year: 2026, counts: { LG: 0, CL: 1, AI: 2, SD: 0, SE: 0 }, total: 3 },
    ]);
  });

  it('fills a year with no papers and keeps the order whatever the input order', () => {
    const gap = [paper('2310.15961'), { ...paper('2603.25551'), year: 2025 }];
    const shaped = papersPerYearByCategory(gap);
    expect(shaped.years.map((row) => [row.year, row.total])).toEqual([
      [2023, 1],
      [2024, 0],
      [2025, 1],
    ]);
    expect(papersPerYearByCategory([...papers].reverse())).toEqual(data);
  });

  it('has no years for no papers', () => {
    expect(papersPerYearByCategory([])).toEqual({ categories: [], years: [] });
  });
});
