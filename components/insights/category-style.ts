import type { CSSProperties } from 'preact';
import { categoryColors } from '../category-colors';

/**
 * Inline custom properties carrying a category's light and dark colour; the
 * `pl-cat` class in insights.css picks the one for the current theme, so
 * charts use exactly the badge and chip colours.
 */
export function categoryStyle(code: string): CSSProperties {
  const [light, dark] = categoryColors(code);
  return { '--pl-cat-light': light, '--pl-cat-dark': dark };
}
