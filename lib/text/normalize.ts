import { latexToText } from './latex';

/** Greek letters spelled out, so "mu-Parametrization" and "μ-Parametrization" normalize alike. */
const GREEK: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  η: 'eta',
  θ: 'theta',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  τ: 'tau',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
};

/**
 * Folds text for comparison: LaTeX to text, compatibility decomposition
 * (so the micro sign `µ` becomes `μ`), diacritics removed, Greek letters
 * spelled out, lower case, punctuation as spaces, whitespace collapsed.
 *
 * Two titles are "the same title" exactly when their normalized forms are equal.
 */
export function normalizeText(input: string): string {
  return latexToText(input)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[α-ω]/g, (ch) => ` ${GREEK[ch] ?? ch} `)
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
