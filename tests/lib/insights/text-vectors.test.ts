import { describe, expect, it } from 'vitest';
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
