import { describe, expect, it } from 'vitest';
import { buildCoauthorIndex } from '../../../lib/insights/coauthors';
import { computeNovelty, computeRelated } from '../../../lib/insights/novelty';
import { cosine, tfidfVectors, tokenize } from '../../../lib/insights/text-vectors';

describe('tokenize', () => {
  it('drops stop words and numbers, folds plurals, case and LaTeX', () => {
    expect(tokenize('We propose $μ$-Parametrization for the Mixture of Experts in 2025')).toEqual([
      'mu',
      'parametrization',
      'mixture',
      'expert',
    ]);
  });
});

describe('tfidfVectors and cosine', () => {
  const [a, b, c, d] = tfidfVectors([
    'mixture of experts scaling laws',
    'scaling laws for mixture of experts',
    'speech recognition streaming audio',
    '',
  ]);

  it('gives identical bags of words similarity 1 and disjoint ones 0', () => {
    expect(cosine(a!, b!)).toBeCloseTo(1, 10);
    expect(cosine(a!, c!)).toBe(0);
  });

  it('handles an empty document', () => {
    expect(d!.size).toBe(0);
    expect(cosine(a!, d!)).toBe(0);
  });
});

describe('computeNovelty', () => {
  const texts = ['mixture experts routing', 'mixture experts scaling', 'speech audio codec'];
  const [v1, v2, v3] = tfidfVectors(texts);
  const papers = [
    { id: '2401.00003', date: '2024-03-01', vector: v3! },
    { id: '2401.00001', date: '2024-01-01', vector: v1! },
    { id: '2401.00002', date: '2024-02-01', vector: v2! },
  ];
  const novelty = computeNovelty(papers);

  it('gives the earliest paper 100% with no closest paper', () => {
    expect(novelty.get('2401.00001')).toEqual({ score: 1, closestEarlierId: null, similarity: null });
  });

  it('compares each later paper only with earlier ones and names the closest', () => {
    const second = novelty.get('2401.00002')!;
    expect(second.closestEarlierId).toBe('2401.00001');
    expect(second.similarity).toBeGreaterThan(0.3);
    expect(second.score).toBeCloseTo(1 - second.similarity!, 4);
    expect(novelty.get('2401.00003')).toMatchObject({ score: 1, similarity: 0 });
  });

  it('is deterministic whatever the input order', () => {
    expect(computeNovelty([...papers].reverse())).toEqual(novelty);
  });

  it('ranks related papers most similar first', () => {
    const related = computeRelated(papers, 2);
    expect(related.get('2401.00001')?.map((r) => r.id)).toEqual(['2401.00002', '2401.00003']);
  });
});

describe('buildCoauthorIndex', () => {
  const index = buildCoauthorIndex(
    [
      { id: '2401.00001', date: '2024-01-01', authors: ['Ann Lee', 'Jan Ludziejewski', 'Bo Chen'] },
      { id: '2402.00001', date: '2024-02-01', authors: ['Mistral-AI', 'Bo Chen', 'Jan Ludziejewski'] },
      { id: '2403.00001', date: '2024-03-01', authors: ['Bo Chen', 'Bo Chen', 'Cy Dee'] },
    ],
    'Jan Ludziejewski',
    ['Mistral-AI'],
  );

  it('counts shared papers, most frequent first, newest paper first', () => {
    expect(index[0]).toEqual({ name: 'Bo Chen', paperIds: ['2403.00001', '2402.00001', '2401.00001'], count: 3 });
    expect(index.map((c) => c.name)).toEqual(['Bo Chen', 'Ann Lee', 'Cy Dee']);
  });

  it('leaves out the author and groups', () => {
    expect(index.map((c) => c.name)).not.toContain('Mistral-AI');
    expect(index.map((c) => c.name)).not.toContain('Jan Ludziejewski');
  });
});
