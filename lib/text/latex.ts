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

/** Symbols back to macros (the first macro listed wins: `ε` → `\epsilon`). */
const SYMBOL_MACROS = new Map(
  Object.entries(MACROS)
    .reverse()
    .map(([name, symbol]) => [symbol, name]),
);

/**
 * The inverse of {@link latexToText} for the inside of a math span: `μ` → `\mu`,
 * so a title's `$μ$` becomes `$\mu$`, which LaTeX can typeset without unicode-math.
 */
export function symbolsToLatex(math: string): string {
  return math.replace(/./gu, (ch, offset: number, whole: string) => {
    const name = ch === '~' ? undefined : SYMBOL_MACROS.get(ch);
    if (!name) return ch;
    const next = whole[offset + ch.length] ?? '';
    return /[A-Za-z]/.test(next) ? `\\${name} ` : `\\${name}`;
  });
}
