import type { CSSProperties } from 'preact';

/**
 * One colour per category, the same in badges, chips and charts. Each pair is
 * [light-mode, dark-mode]; both keep 4.5:1 contrast with white/dark text on a chip.
 */
const COLORS: Record<string, [string, string]> = {
  LG: ['#1f5fbf', '#7fb2ff'],
  CL: ['#1d7a46', '#6fd39b'],
  AI: ['#7a3fc2', '#c5a3ff'],
  SE: ['#b25000', '#ffb36b'],
  SD: ['#0b7285', '#66d9e8'],
};
const FALLBACK: [string, string] = ['#57606a', '#b1bac4'];

/** The light and dark colours of a profile category code (`LG`). */
export function categoryColors(code: string): [string, string] {
  return COLORS[code] ?? FALLBACK;
}

/**
 * Inline custom properties carrying a category's light and dark colour
 * (`--pl-cat-light`, `--pl-cat-dark`); the stylesheet picks the one for the
 * current theme with `light-dark()`, so every view uses the same colours.
 */
export function categoryStyle(code: string): CSSProperties {
  const [light, dark] = categoryColors(code);
  return { '--pl-cat-light': light, '--pl-cat-dark': dark };
}

/** {@link categoryStyle} as declarations, for the plain-DOM views in other people's pages. */
export function categoryStyleText(code: string): string {
  const [light, dark] = categoryColors(code);
  return `--pl-cat-light:${light};--pl-cat-dark:${dark}`;
}
