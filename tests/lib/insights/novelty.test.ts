import { describe, expect, it } from 'vitest';
import { computeNovelty, computeRelated } from '../../../lib/insights/novelty';
import { tfidfVectors } from '../../../lib/insights/text-vectors';

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
