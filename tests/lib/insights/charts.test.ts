import { describe, expect, it } from 'vitest';
import type { Paper } from '../../../lib/corpus/schema';
import { AUTHOR_NODE_ID, coauthorNetwork } from '../../../lib/insights/coauthor-network';
import { corpusDate } from '../../../lib/insights/corpus-date';
import { noveltyPoints } from '../../../lib/insights/novelty-points';
import { papersPerYearByCategory } from '../../../lib/insights/papers-per-year';
import { relatedPapers } from '../../../lib/insights/related-papers';
import { type CoauthorRow, sortCoauthors, topCoauthors } from '../../../lib/insights/top-coauthors';
import { corpus } from '../../helpers/db';

// Expected figures below were counted by hand from data/corpus.json, not produced by the code under test.
const { papers, coauthors, author } = corpus;
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

describe('noveltyPoints', () => {
  const points = noveltyPoints(papers);

  it('gives one point per paper, oldest first', () => {
    expect(points).toHaveLength(13);
    expect(points[0]?.id).toBe('2310.15961');
    expect(points.at(-1)?.id).toBe('2603.25551');
    // Devstral's profile date (Aug 8) is earlier than the μP paper's (Aug 13), though its id is later.
    expect(points.map((p) => p.id).indexOf('2509.25193')).toBeLessThan(points.map((p) => p.id).indexOf('2508.09752'));
  });

  it('explains each score by the closest earlier paper', () => {
    expect(points[0]).toMatchObject({ score: 1, date: '2023-10-24', category: 'CL' });
    expect(points[0]?.explanation).toContain('earliest paper in the corpus');
    const fineGrained = points.find((p) => p.id === '2402.07871');
    expect(fineGrained?.score).toBe(0.8063);
    expect(fineGrained?.explanation).toBe(
      'Novelty 81%: its closest earlier paper is “Mixture of Tokens: Continuous MoE through Cross-Example Aggregation” (19% similar in title and abstract).',
    );
  });
});

describe('coauthorNetwork', () => {
  const network = coauthorNetwork(papers, coauthors, author.name);
  const edge = (a: string, b: string) =>
    network.edges.find((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a));

  it('has the author and the 28 coauthors as nodes, weighted by shared papers', () => {
    expect(network.nodes).toHaveLength(29);
    expect(network.nodes[0]).toEqual({ id: AUTHOR_NODE_ID, name: 'Jan Ludziejewski', weight: 13, cluster: null });
    expect(network.nodes.find((n) => n.name === 'Maciej Pióro')?.weight).toBe(7);
    expect(network.nodes.find((n) => n.name === 'Alexander H. Liu')?.weight).toBe(5);
    expect(network.nodes.find((n) => n.name === 'Mateusz Boruń')?.weight).toBe(1);
  });

  it('never makes the group "Mistral-AI" a node', () => {
    expect(network.nodes.map((n) => n.name)).not.toContain('Mistral-AI');
    expect(network.edges.some((e) => e.source === 'Mistral-AI' || e.target === 'Mistral-AI')).toBe(false);
  });

  it('links the author to each coauthor and each pair of coauthors who share a paper', () => {
    // 28 author edges; coauthor pairs: 93 of the 105 possible among the 15 MoE coauthors
    // (Boruń never wrote with Król, Antoniak, Odrzygóźdź, Sankowski or Miłoś; Małaśnicki and
    // Stefaniak never with Król, Antoniak or Odrzygóźdź; Miłoś never with Odrzygóźdź) and
    // 15 + 10 + 5 + 8 = 38 new pairs over the Mistral papers.
    expect(network.edges.filter((e) => e.source === AUTHOR_NODE_ID)).toHaveLength(28);
    expect(network.edges).toHaveLength(28 + 93 + 38);
    expect(edge(AUTHOR_NODE_ID, 'Jakub Krajewski')?.weight).toBe(7);
    expect(edge('Jakub Krajewski', 'Maciej Pióro')?.weight).toBe(7);
    expect(edge('Alexander H. Liu', 'Andy Lo')?.weight).toBe(3);
    expect(edge('Abhinav Rastogi', 'Albert Q. Jiang')?.weight).toBe(2);
    expect(edge('Mateusz Boruń', 'Krystian Król')).toBeUndefined();
    expect(edge('Alexander H. Liu', 'Maciej Pióro')).toBeUndefined();
  });

  it('finds the two collaboration clusters and names them', () => {
    expect(network.clusters.map((c) => [c.name, c.members.length, c.paperIds.length])).toEqual([
      ['MoE', 15, 7],
      ['Mistral-AI', 13, 6],
    ]);
    const [moe, mistral] = network.clusters;
    expect(moe?.members.slice(0, 5)).toEqual([
      'Jakub Krajewski',
      'Maciej Pióro',
      'Marek Cygan',
      'Michał Krutul',
      'Sebastian Jaszczur',
    ]);
    expect(moe?.keywords[0]).toBe('moe');
    expect(mistral?.members).toContain('Alexander H. Liu');
    expect(mistral?.paperIds).toEqual([
      '2506.10910',
      '2507.13264',
      '2509.25193',
      '2601.08584',
      '2602.11298',
      '2603.25551',
    ]);
    expect(network.nodes.find((n) => n.name === 'Andy Lo')?.cluster).toBe(1);
  });

  it('is the same whatever order the papers come in', () => {
    expect(coauthorNetwork([...papers].reverse(), coauthors, author.name)).toEqual(network);
  });
});

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

describe('relatedPapers', () => {
  it('ranks a paper’s three most similar papers with their titles', () => {
    expect(relatedPapers(paper('2402.07871'), papers)).toEqual([
      {
        rank: 1,
        id: '2502.05172',
        title: 'Joint MoE Scaling Laws: Mixture of Experts Can Be Memory Efficient',
        category: 'LG',
        similarity: 0.3988,
      },
      {
        rank: 2,
        id: '2508.09752',
        title: 'μ-Parametrization for Mixture of Experts',
        category: 'LG',
        similarity: 0.2055,
      },
      {
        rank: 3,
        id: '2310.15961',
        title: 'Mixture of Tokens: Continuous MoE through Cross-Example Aggregation',
        category: 'CL',
        similarity: 0.1937,
      },
    ]);
  });

  it('gives every paper three related papers, never itself', () => {
    for (const p of papers) {
      const related = relatedPapers(p, papers);
      expect(related.map((r) => r.rank)).toEqual([1, 2, 3]);
      expect(related.map((r) => r.id)).not.toContain(p.id);
    }
  });

  it('skips a related id that is not in the papers given and ranks the rest', () => {
    const others = papers.filter((p) => p.id !== '2502.05172');
    expect(relatedPapers(paper('2402.07871'), others).map((r) => [r.rank, r.id])).toEqual([
      [1, '2508.09752'],
      [2, '2310.15961'],
    ]);
  });
});

describe('corpusDate', () => {
  it('is the newest paper’s date', () => {
    expect(corpusDate(papers)).toBe('2026-03-26');
    expect(corpusDate([])).toBeNull();
  });
});
