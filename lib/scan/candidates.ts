import { detectPaperLink, hrefMightBePaper } from '../links/detect';
import { matchTitle } from '../links/title';
import { normalizeText } from '../text/normalize';

const XLINK = 'http://www.w3.org/1999/xlink';

/**
 * The corpus titles in normalized form, with two cheap gates a link text must
 * pass before it is worth normalizing (almost none does): a raw-length window
 * and the first word of some title.
 */
export interface TitleIndex {
  keys: ReadonlySet<string>;
  firstWords: ReadonlySet<string>;
  minLength: number;
  maxLength: number;
}

export function createTitleIndex(normalizedTitles: readonly string[]): TitleIndex {
  const lengths = normalizedTitles.map((title) => title.length);
  return {
    keys: new Set(normalizedTitles),
    firstWords: new Set(normalizedTitles.map((title) => title.split(' ')[0] ?? '')),
    // Raw text can be shorter (`μ` → `mu`) or longer (LaTeX, punctuation, spaces) than its normalized form.
    minLength: Math.max(1, Math.min(...lengths) - 8),
    maxLength: Math.max(...lengths) * 2 + 40,
  };
}

// The first word of a text, after leading quotes, `$`, `\` and other non-letters.
const FIRST_WORD = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u;

/** Whether `text` starts with the first word of some corpus title (compared in normalized form). */
function mayBeTitle(text: string, titles: TitleIndex): boolean {
  const word = FIRST_WORD.exec(text)?.[1];
  if (word === undefined) return false;
  // Plain ASCII words, nearly all of them, only need lower-casing; the rest (`μ`, `Pióro`) the full fold.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is "any ASCII character", NUL included on purpose.
  const folded = /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : (normalizeText(word).split(' ')[0] ?? '');
  return titles.firstWords.has(folded);
}

/** A lookup key: `id:2402.07871` or `title:scaling laws for …`. */
export type CandidateKey = `id:${string}` | `title:${string}`;

/** The raw `href` of an HTML or SVG link, read as an attribute (never `a.href`, which resolves the URL). */
export function rawHref(anchor: Element): string | null {
  return anchor.getAttribute('href') ?? anchor.getAttributeNS(XLINK, 'href');
}

/**
 * What an anchor may link to, as a lookup key: the arXiv id in its URL (after
 * a cheap attribute prefilter), else its text when that is a corpus title.
 */
export function candidateKey(anchor: Element, pageUrl: string, titles: TitleIndex | null): CandidateKey | null {
  const href = rawHref(anchor);
  if (href && hrefMightBePaper(href)) {
    const ref = detectPaperLink(href, '', pageUrl);
    if (ref?.kind === 'id') return `id:${ref.id}`;
  }
  if (!titles) return null;
  const text = anchor.textContent ?? '';
  if (text.length < titles.minLength || text.length > titles.maxLength || !mayBeTitle(text, titles)) return null;
  const ref = matchTitle(text, titles.keys);
  return ref ? `title:${ref.normalizedTitle}` : null;
}
