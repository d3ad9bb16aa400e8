import { arxiv } from '../links/arxiv';

/** The arXiv id of an arXiv abstract page (`https://arxiv.org/abs/2402.07871v2`), or null. */
export function arxivAbstractPageId(pageUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if (!url.pathname.startsWith('/abs/')) return null;
  return arxiv.match(url)?.id ?? null;
}

/** Whether a page is an arXiv listing (`/list/…`) or search-results (`/search/…`) page. */
export function isArxivListingPage(pageUrl: string): boolean {
  try {
    const url = new URL(pageUrl);
    return /^(www\.|export\.)?arxiv\.org$/.test(url.hostname) && /^\/(list|search)\//.test(url.pathname);
  } catch {
    return false;
  }
}

/** One entry of a listing or search page: its paper, author names and the element a coauthor chip follows. */
export interface ListingEntry {
  /** The arXiv id its abstract link names, or null. */
  id: string | null;
  authors: string[];
  /** The element listing the authors; the chip goes right after it. */
  authorsElement: Element;
}

/**
 * The entries of an arXiv listing page (`dl#articles` with `div.list-authors`)
 * or search-results page (`li.arxiv-result` with `p.authors`).
 */
export function listingEntries(root: ParentNode): ListingEntry[] {
  return [...root.querySelectorAll('.list-authors, li.arxiv-result p.authors')].map((authorsElement) => ({
    id: entryId(authorsElement),
    authorsElement,
    authors: [...authorsElement.querySelectorAll('a')].map((a) => (a.textContent ?? '').trim()).filter(Boolean),
  }));
}

/** The id of the paper an entry's authors belong to: the abstract link in its `dt` (listings) or its `li` (search). */
function entryId(authorsElement: Element): string | null {
  const entry = authorsElement.closest('li.arxiv-result') ?? authorsElement.closest('dd')?.previousElementSibling;
  const href = entry?.querySelector('a[href*="/abs/"]')?.getAttribute('href');
  if (!href) return null;
  try {
    return arxiv.match(new URL(href, authorsElement.ownerDocument.baseURI))?.id ?? null;
  } catch {
    return null;
  }
}

/** Where the richer panel goes on an abstract page: after the title heading. */
export function abstractPanelAnchor(doc: Document): Element | null {
  return doc.querySelector('#abs h1.title, .abs h1.title, h1.title') ?? doc.querySelector('#abs, .abs');
}

/** An element's text without arXiv's `Title:` / `Abstract:` label, spaces collapsed. */
function shownText(doc: Document, selector: string, limit: number): string {
  const element = doc.querySelector(selector);
  const label = element?.querySelector('.descriptor')?.textContent ?? '';
  const text = (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return (text.startsWith(label.trim()) ? text.slice(label.trim().length) : text).trim().slice(0, limit);
}

/** The paper an arXiv abstract page shows, as it shows it: title, abstract and author names (a few KB at most). */
export function abstractPageText(doc: Document): { title: string; abstract: string; authors: string[] } {
  return {
    title: shownText(doc, '#abs h1.title, .abs h1.title, h1.title', 1_000),
    abstract: shownText(doc, '#abs blockquote.abstract, blockquote.abstract', 10_000),
    authors: [...doc.querySelectorAll('#abs .authors a, .abs .authors a, div.authors a')]
      .map((a) => (a.textContent ?? '').trim().slice(0, 200))
      .filter(Boolean)
      .slice(0, 200),
  };
}
