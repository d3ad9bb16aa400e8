import { detectPaperLink, hrefMightBePaper } from '../links/detect';
import { doiOfLink } from '../links/doi';
import { matchTitle } from '../links/title';
import { normalizeText, PLAIN_ASCII_FOLDS_DIFFERENTLY } from '../text/normalize';
import { filterKey, hrefMayHoldId, type LibraryFilter, mayHold } from './library-filter';

const XLINK = 'http://www.w3.org/1999/xlink';

// The first word of a text, after leading quotes, `$`, `\` and other non-letters, and the character after it.
const FIRST_WORD = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)(.?)/u;

/**
 * Whether `text` may be a library title, by its first word, before the whole
 * text is folded: plain ASCII is lowercased; a word with a letter outside
 * ASCII or LaTeX near it takes the full fold (a false alarm only costs time).
 */
function mayBeTitle(text: string, filter: LibraryFilter): boolean {
  const [lead, word] = FIRST_WORD.exec(text) ?? [];
  if (lead === undefined || word === undefined) return false;
  const first = PLAIN_ASCII_FOLDS_DIFFERENTLY.test(lead) ? normalizeText(text).split(' ')[0] : word.toLowerCase();
  return first !== undefined && mayHold(filter, filterKey.firstWord(first));
}

/**
 * arXiv's author pages (`/a/ludziejewski_j_1`) and searches by author: their text is a person's name, never a
 * title, and a listing has thousands of them (passing over them: 6.5 → 5.2 ms for 5,045 links, in the page).
 * Group 1 is the host, absent for a link relative to the page.
 */
const ARXIV_AUTHOR_LINK =
  /^(?:https?:\/\/((?:[\w-]+\.)*arxiv\.org))?\/(?:a\/[^/?#]+\/?(?:[?#]|$)|search\/[^#]*[?&]searchtype=author(?:[&#]|$))/i;
const ARXIV_PAGE = /^https?:\/\/(?:[\w-]+\.)*arxiv\.org\//i;

/** Whether a link goes to an arXiv author's page or a search by author (a relative one only on arXiv's pages). */
function isArxivAuthorLink(href: string, pageUrl: string): boolean {
  const found = ARXIV_AUTHOR_LINK.exec(href);
  return found !== null && (found[1] !== undefined || ARXIV_PAGE.test(pageUrl));
}

/** What a link may point to, to be looked up: an arXiv id, a DOI (lowercased), or a title in normalized form. */
export interface Candidate {
  kind: 'id' | 'doi' | 'title';
  value: string;
}

/** The raw `href` of an HTML or SVG link, read as an attribute (never `a.href`, which resolves the URL). */
export function rawHref(anchor: Element): string | null {
  return anchor.getAttribute('href') ?? anchor.getAttributeNS(XLINK, 'href');
}

/**
 * What an anchor may link to: the library paper in its URL (by arXiv id or
 * DOI), else its text when that may be a library title. Before the library's
 * filter is known (`filter` null) any paper id in a URL counts, so the
 * background decides.
 */
export function candidateOf(anchor: Element, pageUrl: string, filter: LibraryFilter | null): Candidate | null {
  const href = rawHref(anchor);
  if (href && (filter ? hrefMayHoldId(filter, href) : hrefMightBePaper(href))) {
    const ref = detectPaperLink(href, '', pageUrl);
    if (ref?.kind === 'id' && (!filter || mayHold(filter, filterKey.id(ref.id)))) return { kind: 'id', value: ref.id };
  }
  if (!filter) return null;
  const doi = href && doiOfLink(href);
  if (doi && mayHold(filter, filterKey.doi(doi))) return { kind: 'doi', value: doi };
  if (href && isArxivAuthorLink(href, pageUrl)) return null;
  const text = anchor.textContent ?? '';
  if (text.length < filter.minLength || text.length > filter.maxLength || !mayBeTitle(text, filter)) return null;
  const ref = matchTitle(text, { has: (title) => mayHold(filter, filterKey.title(title)) });
  return ref ? { kind: 'title', value: ref.normalizedTitle } : null;
}
