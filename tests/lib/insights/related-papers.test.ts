import { describe, expect, it } from 'vitest';
import { relatedPapers } from '../../../lib/insights/related-papers';
import type { LibraryPaper as Paper } from '../../../lib/library/schema';
import { libraryPapers } from '../../helpers/db';

// Expected figures below were counted by hand from data/corpus.json, not produced by the code under test.
const papers = libraryPapers;
const paper = (id: string): Paper => papers.find((p) => p.id === id)!;

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
