import { describe, expect, it } from 'vitest';
import { OTHER_CATEGORY, papersPerYearByCategory } from '../../../lib/insights/papers-per-year';
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

describe('papersPerYearByCategory with many categories', () => {
  const many = Array.from({ length: 30 }, (_, i) => ({
    year: 2020 + (i % 3),
    category: `c${String(i % 12).padStart(2, '0')}`,
    categoryName: `Category ${i % 12}`,
  }));

  it('stacks the largest categories and gathers the rest as "other", last', () => {
    const data = papersPerYearByCategory(many, 4);
    expect(data.categories.map((c) => [c.code, c.count])).toEqual([
      ['c00', 3],
      ['c01', 3],
      ['c02', 3],
      [OTHER_CATEGORY, 21],
    ]);
    expect(data.years.map((row) => Object.keys(row.counts))).toEqual(
      Array(3).fill(['c00', 'c01', 'c02', OTHER_CATEGORY]),
    );
    expect(data.years.reduce((sum, row) => sum + row.total, 0)).toBe(30);
    expect(data.years.reduce((sum, row) => sum + (row.counts[OTHER_CATEGORY] ?? 0), 0)).toBe(21);
  });

  it('keeps every category when there are no more than the limit', () => {
    expect(papersPerYearByCategory(many, 12).categories).toHaveLength(12);
  });
});
