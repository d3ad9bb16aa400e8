import { describe, expect, it } from 'vitest';
import { categoryColors, categoryStyle, categoryStyleText } from '../../components/category-colors';

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
