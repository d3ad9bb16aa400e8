import { describe, expect, it } from 'vitest';
import { relatedPapers } from '../../../lib/insights/related-papers';
import type { LibraryPaper as Paper } from '../../../lib/library/schema';
import { libraryPapers } from '../../helpers/db';

// Expected figures below were counted by hand from data/corpus.json, not produced by the code under test.
const papers = libraryPapers;
const paper = (id: string): Paper => papers.find((p) => p.id === id)!;
const titles = new Map(papers.map((p) => [p.id, p.displayTitle]));
const titleOf = (id: string) => titles.get(id);
const noTitles = () => undefined;

describe('relatedPapers', () => {
  it('ranks a paper’s three most similar papers with their titles', () => {
    expect(relatedPapers(paper('2402.07871'), titleOf)).toEqual([
      {
        rank: 1,
        id: '2502.05172',
        title: 'Joint MoE Scaling Laws: Mixture of Experts Can Be Memory Efficient',
        similarity: 0.3988,
      },
      {
        rank: 2,
        id: '2508.09752',
        title: 'μ-Parametrization for Mixture of Experts',
        similarity: 0.2055,
      },
      {
        rank: 3,
        id: '2310.15961',
        title: 'Mixture of Tokens: Continuous MoE through Cross-Example Aggregation',
        similarity: 0.1937,
      },
    ]);
  });

  it('gives every paper three related papers, never itself', () => {
    for (const p of papers) {
      const related = relatedPapers(p, titleOf);
      expect(related.map((r) => r.rank)).toEqual([1, 2, 3]);
      expect(related.map((r) => r.id)).not.toContain(p.id);
    }
  });

  it('names a related paper by the title its derived entry carries when the library gives none', () => {
    expect(relatedPapers(paper('2402.07871'), noTitles)).toEqual(relatedPapers(paper('2402.07871'), titleOf));
  });

  it('prefers the library’s title now to the one derived earlier', () => {
    const renamed = (id: string) => (id === '2508.09752' ? 'μP for MoE' : titleOf(id));
    expect(relatedPapers(paper('2402.07871'), renamed)[1]?.title).toBe('μP for MoE');
  });

  it('skips a related paper with no title at all and ranks the rest', () => {
    const bare = { related: paper('2402.07871').related.map(({ id, similarity }) => ({ id, similarity })) };
    const without = (id: string) => (id === '2502.05172' ? undefined : titleOf(id));
    expect(relatedPapers(bare, without).map((r) => [r.rank, r.id])).toEqual([
      [1, '2508.09752'],
      [2, '2310.15961'],
    ]);
  });
});
