import { detectPaperLink, hrefMightBePaper } from '../links/detect';
import { matchTitle } from '../links/title';
import type { CorpusKeys } from '../message-schemas';
import { normalizeText } from '../text/normalize';

const XLINK = 'http://www.w3.org/1999/xlink';

/**
 * The corpus in the shape a scan needs, with cheap gates in front of the
 * parsers, since almost no link on a page is a corpus paper:
 * - `idPattern` finds the digits of some corpus id in a raw href; only then is
 *   the href parsed (every supported shape spells the id's digits out);
 * - a link text must fit a raw-length window and start with the first word of
 *   some title before it is normalized.
 */
export interface CorpusIndex {
  ids: ReadonlySet<string>;
  idPattern: RegExp;
  titles: ReadonlySet<string>;
  /** Matches a text that starts with some title's first word (ASCII spellings). */
  firstWord: RegExp;
  firstWords: ReadonlySet<string>;
  minLength: number;
  maxLength: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createCorpusIndex({ ids, titles }: CorpusKeys): CorpusIndex {
  const lengths = titles.map((title) => title.length);
  const firstWords = new Set(titles.map((title) => title.split(' ')[0] ?? ''));
  // An old-style id's archive may be written in another case or encoded (`hep-th%2F9901001`); its digits may not.
  const digits = ids.map((id) => escapeRegExp(id.slice(id.lastIndexOf('/') + 1)));
  const words = [...firstWords].filter(Boolean).map(escapeRegExp);
  return {
    ids: new Set(ids),
    // Nothing matches an empty corpus.
    idPattern: new RegExp(digits.length ? digits.join('|') : '(?!)'),
    titles: new Set(titles),
    firstWord: new RegExp(words.length ? `^[^\\p{L}\\p{N}]*(?:${words.join('|')})(?![\\p{L}\\p{N}])` : '(?!)', 'iu'),
    firstWords,
    // Raw text can be shorter (`μ` → `mu`) or longer (LaTeX, punctuation, spaces) than its normalized form.
    minLength: lengths.length ? Math.max(1, Math.min(...lengths) - 8) : Number.POSITIVE_INFINITY,
    maxLength: lengths.length ? Math.max(...lengths) * 2 + 40 : 0,
  };
}

// The first word of a text, after leading quotes, `$`, `\` and other non-letters.
const FIRST_WORD = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u;
// A text whose first word may hold a letter outside ASCII (`μ`, `Pióro`); a false alarm only costs time.
const NON_ASCII_LEAD = /^[^\p{L}\p{N}]*[\p{L}\p{N}]*[^\0-\x7f]/u;

/** Whether `text` starts with the first word of some corpus title (compared in normalized form). */
function mayBeTitle(text: string, index: CorpusIndex): boolean {
  if (index.firstWord.test(text)) return true;
  // Nearly every text is settled above; the rest needs the full fold of its first word.
  if (!NON_ASCII_LEAD.test(text)) return false;
  const word = FIRST_WORD.exec(text)?.[1];
  return word !== undefined && index.firstWords.has(normalizeText(word).split(' ')[0] ?? '');
}

/** What a link may point to, to be looked up: an arXiv id, or a title in normalized form. */
export interface Candidate {
  kind: 'id' | 'title';
  value: string;
}

/** The raw `href` of an HTML or SVG link, read as an attribute (never `a.href`, which resolves the URL). */
export function rawHref(anchor: Element): string | null {
  return anchor.getAttribute('href') ?? anchor.getAttributeNS(XLINK, 'href');
}

/**
 * What an anchor may link to: the corpus paper in its URL, else its text when
 * that is a corpus title. Before the corpus is known (`index` null) any paper
 * id in the URL counts, so the background decides.
 */
export function candidateOf(anchor: Element, pageUrl: string, index: CorpusIndex | null): Candidate | null {
  const href = rawHref(anchor);
  if (href && (index ? index.idPattern.test(href) : hrefMightBePaper(href))) {
    const ref = detectPaperLink(href, '', pageUrl);
    if (ref?.kind === 'id' && (!index || index.ids.has(ref.id))) return { kind: 'id', value: ref.id };
  }
  if (!index) return null;
  const text = anchor.textContent ?? '';
  if (text.length < index.minLength || text.length > index.maxLength || !mayBeTitle(text, index)) return null;
  const ref = matchTitle(text, index.titles);
  return ref ? { kind: 'title', value: ref.normalizedTitle } : null;
}
