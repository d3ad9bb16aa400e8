import { describe, expect, it } from 'vitest';
import { type CoauthorRow, coauthorsOfPapers, sortCoauthors, topCoauthors } from '../../../lib/insights/top-coauthors';
import { corpus, libraryPapers } from '../../helpers/db';

// Expected figures below were counted by hand from data/corpus.json, not produced by the code under test.
const { coauthors } = corpus;
const papers = libraryPapers;

describe('topCoauthors and sortCoauthors', () => {
  const rows = topCoauthors(papers, coauthors);

  it('gives each coauthor shared papers and first and last year, most shared first', () => {
    expect(rows).toHaveLength(28);
    expect(rows.slice(0, 2)).toEqual([
      { name: 'Jakub Krajewski', shared: 7, firstYear: 2023, lastYear: 2025 },
      { name: 'Maciej Pióro', shared: 7, firstYear: 2023, lastYear: 2025 },
    ]);
    expect(rows.find((r) => r.name === 'Alexander H. Liu')).toEqual({
      name: 'Alexander H. Liu',
      shared: 5,
      firstYear: 2025,
      lastYear: 2026,
    });
    expect(rows.find((r) => r.name === 'Kamil Adamczewski')).toMatchObject({ firstYear: 2024, lastYear: 2025 });
  });

  it.each<[keyof CoauthorRow, 'ascending' | 'descending', string]>([
    ['name', 'ascending', 'Abhinav Rastogi'],
    ['name', 'descending', 'Victor Jouault'],
    ['shared', 'ascending', 'Adam Yang'],
    ['firstYear', 'ascending', 'Jakub Krajewski'],
    ['firstYear', 'descending', 'Alexis Tacnet'],
    ['lastYear', 'descending', 'Alexander H. Liu'],
  ])('sorts by %s %s (first: %s)', (key, direction, first) => {
    expect(sortCoauthors(rows, key, direction)[0]?.name).toBe(first);
  });
});

describe('coauthorsOfPapers', () => {
  it('counts the papers each coauthor is on, as the coauthor index does', () => {
    const fromPapers = coauthorsOfPapers(papers);
    expect(topCoauthors(papers, fromPapers)).toEqual(topCoauthors(papers, coauthors));
  });

  it('counts a paper once for a coauthor of two followed authors on it', () => {
    const both = [
      {
        id: 'x',
        coauthors: [
          { name: 'Ada', sharedPapers: 3, authorId: 'a' },
          { name: 'Ada', sharedPapers: 1, authorId: 'b' },
        ],
      },
      { id: 'y', coauthors: [{ name: 'Ada', sharedPapers: 1, authorId: 'b' }] },
      { id: 'z' },
    ];
    expect(coauthorsOfPapers(both)).toEqual([{ name: 'Ada', paperIds: ['x', 'y'], count: 2 }]);
  });
});
