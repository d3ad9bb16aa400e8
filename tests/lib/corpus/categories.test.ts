import { describe, expect, it } from 'vitest';
import { categoryCounts } from '../../../lib/corpus/categories';

const paper = (category: string) => ({ category, categoryName: `${category} name` });

describe('categoryCounts', () => {
  it('counts papers per category, most first, ties by code', () => {
    const papers = ['LG', 'CL', 'SD', 'LG', 'CL', 'LG', 'AI'].map(paper);
    expect(categoryCounts(papers)).toEqual([
      { code: 'LG', name: 'LG name', count: 3 },
      { code: 'CL', name: 'CL name', count: 2 },
      { code: 'AI', name: 'AI name', count: 1 },
      { code: 'SD', name: 'SD name', count: 1 },
    ]);
  });

  it('is empty for no papers', () => {
    expect(categoryCounts([])).toEqual([]);
  });
});
