import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latexToText } from '../../../lib/text/latex';
import { foldText, normalizeText } from '../../../lib/text/normalize';

describe('latexToText', () => {
  it.each([
    ['$μ$-Parametrization for Mixture of Experts', 'μ-Parametrization for Mixture of Experts'],
    ['$\\mu$-Parametrization', 'μ-Parametrization'],
    ['in $2.35\\times$ fewer steps', 'in 2.35× fewer steps'],
    ['a 68.4\\% win rate', 'a 68.4% win rate'],
    ['costs \\$5', 'costs $5'],
    ['over $1$T parameters', 'over 1T parameters'],
  ])('renders %s as %s', (input, expected) => {
    expect(latexToText(input)).toBe(expected);
  });
});

describe('normalizeText', () => {
  it.each([
    ['$μ$-Parametrization for Mixture of Experts', 'mu parametrization for mixture of experts'],
    ['µ-Parametrization for Mixture of Experts.', 'mu parametrization for mixture of experts'],
    ['  “Scaling Laws for   Fine-Grained Mixture of Experts”  ', 'scaling laws for fine grained mixture of experts'],
    ['Maciej Pióro, Michał Krutul', 'maciej pioro michal krutul'],
    ['Tomasz Odrzygóźdź', 'tomasz odrzygozdz'],
  ])('folds %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('folds plain ASCII on its short path exactly as the whole fold does (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) }), (text) => {
        expect(normalizeText(text)).toBe(foldText(text));
      }),
    );
  });

  it('is idempotent and never leaves punctuation or double spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
        expect(once).not.toMatch(/ {2}|^ | $/);
      }),
    );
  });
});
