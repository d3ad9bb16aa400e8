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

/** What the short path cannot fold: anything outside ASCII, and LaTeX (`$`, `\`, braces). */
export const PLAIN_ASCII_FOLDS_DIFFERENTLY = /[^\0-\x7f]|[$\\{}]/;

/**
 * Folds text for comparison: LaTeX to text, compatibility decomposition
 * (so the micro sign `µ` becomes `μ`), diacritics removed, Greek letters
 * spelled out, lower case, punctuation as spaces, whitespace collapsed.
 *
 * Two titles are "the same title" exactly when their normalized forms are equal.
 */
export function normalizeText(input: string): string {
  // Most text is plain ASCII with no LaTeX: one pass folds it as foldText would, with far less garbage.
  if (!PLAIN_ASCII_FOLDS_DIFFERENTLY.test(input))
    return input
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return foldText(input);
}

/** The whole fold of {@link normalizeText}, for text plain ASCII does not cover. */
export function foldText(input: string): string {
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
