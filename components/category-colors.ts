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
