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

/** Turns `$\mu$-P` into `μ-P` and `68.4\%` into `68.4%`. */
export function latexToText(input: string): string {
  return (
    input
      .replace(/\\([%&#_$])/g, '$1\u0000')
      .replace(/\\([A-Za-z]+)\s?/g, (whole, name: string) => MACROS[name] ?? name)
      // Math delimiters; an escaped dollar was marked with NUL above so it survives.
      .replace(/\$(?!\u0000)/g, '')
      .replace(/\u0000/g, '')
      .replace(/[{}]/g, '')
  );
}
