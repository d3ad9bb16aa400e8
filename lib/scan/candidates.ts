import { detectPaperLink, hrefMightBePaper } from '../links/detect';
import { matchTitle } from '../links/title';

const XLINK = 'http://www.w3.org/1999/xlink';

/**
 * The corpus titles in normalized form, with the raw-length window a link text
 * must fall in to be worth normalizing (most link texts are not).
 */
export interface TitleIndex {
  keys: ReadonlySet<string>;
  minLength: number;
  maxLength: number;
}

export function createTitleIndex(normalizedTitles: readonly string[]): TitleIndex {
  const lengths = normalizedTitles.map((title) => title.length);
  return {
    keys: new Set(normalizedTitles),
    // Raw text can be shorter (`μ` → `mu`) or longer (LaTeX, punctuation, spaces) than its normalized form.
    minLength: Math.max(1, Math.min(...lengths) - 8),
    maxLength: Math.max(...lengths) * 2 + 40,
  };
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
  if (text.length < titles.minLength || text.length > titles.maxLength) return null;
  const ref = matchTitle(text, titles.keys);
  return ref ? `title:${ref.normalizedTitle}` : null;
}
