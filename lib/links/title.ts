import { normalizeText } from '../text/normalize';
import type { TitleRef } from './types';

// Link texts this short ("PDF", "[12]") are never titles; the shortest corpus title, "Voxtral", has 7.
const MIN_NORMALIZED_LENGTH = 4;
// Longer texts are paragraphs that happen to be links; they are common enough on some pages
// that they are dismissed before paying for normalization.
const MAX_RAW_LENGTH = 300;

/**
 * Matches a link's text against the library titles, given already normalized
 * (a set, or the page's filter of them, which the background then settles).
 *
 * Only exact equality after {@link normalizeText} counts, so case, LaTeX, diacritics,
 * quotes and a trailing period are forgiven, but a title fragment or a longer sentence
 * containing a title is not a match.
 */
export function matchTitle(linkText: string, titles: { has(title: string): boolean }): TitleRef | null {
  if (linkText.length > MAX_RAW_LENGTH) return null;
  const normalized = normalizeText(linkText);
  if (normalized.length < MIN_NORMALIZED_LENGTH || !titles.has(normalized)) return null;
  return { kind: 'title', normalizedTitle: normalized };
}
