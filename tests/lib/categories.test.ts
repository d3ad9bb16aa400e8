import { describe, expect, it } from 'vitest';
import {
  categoryColors,
  categoryCounts,
  categoryName,
  categoryStyle,
  categoryStyleText,
  toArxivCategory,
} from '../../lib/categories';

describe('category names', () => {
  it.each([
    ['LG', 'Machine Learning'],
    ['cs.CL', 'Computation and Language'],
    ['SD', 'Sound'],
    ['SE', 'Software Engineering'],
    ['AI', 'Artificial Intelligence'],
    ['stat.ML', 'Machine Learning (Statistics)'],
  ])('names %s as %s', (code, name) => {
    expect(categoryName(code)).toBe(name);
  });

  it('returns null for an unknown code and prefixes bare codes', () => {
    expect(categoryName('XX')).toBeNull();
    expect(toArxivCategory('LG')).toBe('cs.LG');
    expect(toArxivCategory('eess.AS')).toBe('eess.AS');
  });
});

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

describe('category colours', () => {
  it('give each profile category its own pair and unknown codes a neutral one', () => {
    const codes = ['LG', 'CL', 'AI', 'SE', 'SD'];
    expect(new Set(codes.map((code) => categoryColors(code).join())).size).toBe(codes.length);
    expect(categoryColors('XX')).toEqual(categoryColors('YY'));
    expect(codes.map((code) => categoryColors(code).join())).not.toContain(categoryColors('XX').join());
  });

  it('are the same custom properties for Preact views and for plain-DOM page views', () => {
    for (const code of ['LG', 'SD', 'XX']) {
      const [light, dark] = categoryColors(code);
      expect(categoryStyle(code)).toEqual({ '--pl-cat-light': light, '--pl-cat-dark': dark });
      const element = categoryStyleText(code)
        .split(';')
        .map((declaration) => declaration.split(':'));
      expect(Object.fromEntries(element)).toEqual(categoryStyle(code));
    }
  });
});
