import { describe, expect, it } from 'vitest';
import { dateRange, mostNovel, noveltyDensity } from '../../../lib/insights/novelty-density';

const scored = (id: string, date: string, score: number) => ({ id, date, novelty: { score } });

describe('dateRange', () => {
  it('is the first and last date, whatever the order, and null for no papers', () => {
    expect(dateRange([{ date: '2024-05-01' }, { date: '2021-01-09' }, { date: '2025-12-31' }])).toEqual({
      first: '2021-01-09',
      last: '2025-12-31',
    });
    expect(dateRange([])).toBeNull();
  });
});

describe('noveltyDensity', () => {
  const range = { first: '2020-01-01', last: '2024-01-01' };

  it('counts each paper once, on a grid whose size does not depend on the papers', () => {
    const papers = Array.from({ length: 500 }, (_, i) =>
      scored(`p${i}`, `202${i % 4}-0${1 + (i % 9)}-15`, (i % 101) / 100),
    );
    const density = noveltyDensity(papers, range, 10, 5);
    expect(density.counts).toHaveLength(50);
    expect(density.counts.reduce((a, b) => a + b, 0)).toBe(500);
    expect(density.max).toBe(Math.max(...density.counts));
  });

  it.each([
    ['the first date, score 0: bottom left', '2020-01-01', 0, 0],
    ['the last date, score 1: top right', '2024-01-01', 1, 4 * 10 + 9],
    ['half way, score 0.5: the middle row', '2022-01-01', 0.5, 2 * 10 + 5],
    ['just under a row’s edge', '2020-01-01', 0.3999, 10],
  ])('puts %s', (_, date, score, cell) => {
    const { counts } = noveltyDensity([scored('a', date, score)], range, 10, 5);
    expect(counts.indexOf(1)).toBe(cell);
  });

  it('puts every paper in the first column when all share one date', () => {
    const { counts } = noveltyDensity([scored('a', '2022-02-02', 0.1), scored('b', '2022-02-02', 0.9)], {
      first: '2022-02-02',
      last: '2022-02-02',
    });
    expect(counts.flatMap((count, cell) => (count ? [cell % 80] : []))).toEqual([0, 0]);
  });
});

describe('mostNovel', () => {
  it('takes the highest scores, the older first on a tie, then by id', () => {
    const papers = [
      scored('c', '2023-01-01', 0.9),
      scored('b', '2022-01-01', 0.9),
      scored('a', '2022-01-01', 0.9),
      scored('d', '2021-01-01', 0.2),
      scored('e', '2024-01-01', 1),
    ];
    expect(mostNovel(papers, 4).map((p) => p.id)).toEqual(['e', 'a', 'b', 'c']);
    expect(papers.map((p) => p.id)).toEqual(['c', 'b', 'a', 'd', 'e']);
  });
});
