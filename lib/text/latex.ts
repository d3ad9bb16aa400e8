/**
 * Plain-text rendering of the little LaTeX that appears in paper titles and
 * abstracts (`$μ$-Parametrization`, `$2.35\times$`, `68.4\%`).
 *
 * Not a TeX engine: it handles inline math delimiters, escaped specials and the
 * handful of symbol macros that show up in ML papers, and leaves anything else
 * readable (an unknown `\macro` loses its backslash).
 */

const MACROS: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  eta: 'η',
  theta: 'θ',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Delta: 'Δ',
  Sigma: 'Σ',
  Omega: 'Ω',
  times: '×',
  cdot: '·',
  approx: '≈',
  sim: '~',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  to: '→',
  rightarrow: '→',
  infty: '∞',
  pm: '±',
};

/** A private-use character that marks an escaped special while math delimiters are removed. */
const ESCAPED = '\uE000';
const UNMARKED_DOLLAR = new RegExp(`\\$(?!${ESCAPED})`, 'g');

/** Turns `$\mu$-P` into `μ-P` and `68.4\%` into `68.4%`. */
export function latexToText(input: string): string {
  return (
    input
      .replace(/\\([%&#_$])/g, `$1${ESCAPED}`)
      .replace(/\\([A-Za-z]+)\s?/g, (_whole, name: string) => MACROS[name] ?? name)
      // Math delimiters go; an escaped dollar was marked above so it survives.
      .replace(UNMARKED_DOLLAR, '')
      .replaceAll(ESCAPED, '')
      .replace(/[{}]/g, '')
  );
}
