import { parseArxivId } from '../links/arxiv-id';
import { detectPaperLink } from '../links/detect';
import { doiOfLink } from '../links/doi';
import { normalizeText } from '../text/normalize';
import { abstractPanelAnchor, arxivAbstractPageId } from './arxiv-page';
import type { Candidate } from './candidates';

// Shorter titles ("Home", "Abstract", "Paper page") say nothing about which paper a page is.
const MIN_TITLE_LENGTH = 12;
// As for link texts (lib/links/title.ts): longer "titles" are paragraphs, not worth normalizing.
const MAX_RAW_TITLE_LENGTH = 300;

/** A page's `<meta>` and `<link>` values by lowercased name, property or rel. */
type Metadata = Map<string, string[]>;

/**
 * The page's metadata: each `<meta>` content under its name or property, and
 * each `<link>` href under its rel, keys lowercased (`DC.identifier`,
 * `dc.identifier`), values trimmed, empty ones dropped.
 */
function readMetadata(doc: Document): Metadata {
  const found: Metadata = new Map();
  for (const el of doc.querySelectorAll('meta,link')) {
    const link = el.localName === 'link';
    const key = (link ? el.getAttribute('rel') : el.getAttribute('name') || el.getAttribute('property'))?.trim();
    const value = el.getAttribute(link ? 'href' : 'content')?.trim();
    if (!key || !value) continue;
    const list = found.get(key.toLowerCase());
    if (list) list.push(value);
    else found.set(key.toLowerCase(), [value]);
  }
  return found;
}

const values = (meta: Metadata, ...keys: string[]) => keys.flatMap((key) => meta.get(key) ?? []);

/** The arXiv id a URL names on a site the link detectors know, relative URLs resolved against the page. */
function urlId(href: string, pageUrl: string): string | null {
  const ref = detectPaperLink(href, '', pageUrl);
  return ref?.kind === 'id' ? ref.id : null;
}

// Publishers write a DOI bare, as `doi:10.…` or as a resolver link; as a doi.org link all read alike.
function doiLink(value: string): string {
  return /^https?:/i.test(value) ? value : `https://doi.org/${value.replace(/^(?:info:)?doi[:/]\s*/i, '')}`;
}

/**
 * The page's own title, normalized: `citation_title`, else `og:title` when the page
 * has other citation metadata (an ordinary page's `og:title` is no paper title);
 * '' when there is none or it is too short or too long to be one.
 */
function pageTitle(meta: Metadata): string {
  const cited = [...meta.keys()].some((key) => key.startsWith('citation_'));
  const [raw = ''] = values(meta, 'citation_title', ...(cited ? ['og:title'] : []));
  const title = raw.length > MAX_RAW_TITLE_LENGTH ? '' : normalizeText(raw);
  return title.length < MIN_TITLE_LENGTH ? '' : title;
}

/**
 * Which paper a page is, best guess first, without duplicates: the page URL
 * (arXiv abstract or HTML, ar5iv, alphaXiv and the other sites the link
 * detectors read), `citation_arxiv_id`, `citation_doi` / `dc.identifier` (an
 * arXiv DOI or URL there gives its id), an `og:url` or canonical link naming a paper, then
 * the citation title. Ids are bare, DOIs lowercased, titles normalized; never throws.
 */
export function paperPageCandidates(doc: Document, pageUrl: string): Candidate[] {
  const meta = readMetadata(doc);
  const found: Candidate[] = [];
  const add = (kind: Candidate['kind'], value: string | null | undefined) => {
    if (value && !found.some((c) => c.kind === kind && c.value === value)) found.push({ kind, value });
  };
  add('id', urlId(pageUrl, pageUrl));
  for (const id of values(meta, 'citation_arxiv_id')) add('id', parseArxivId(id.replace(/^arxiv:\s*/i, ''))?.id);
  for (const doi of values(meta, 'citation_doi', 'dc.identifier')) {
    const link = doiLink(doi);
    const id = urlId(link, link);
    if (id) add('id', id);
    else add('doi', doiOfLink(link));
  }
  for (const href of values(meta, 'og:url', 'canonical')) add('id', urlId(href, pageUrl));
  add('title', pageTitle(meta));
  return found;
}

/** The first displayed heading matching `selector` whose normalized text is or contains `title`. */
function titleHeading(doc: Document, selector: string, title: string): Element | undefined {
  return [...doc.querySelectorAll(selector)].find(
    (h) => h.checkVisibility?.() !== false && ` ${normalizeText(h.textContent ?? '')} `.includes(` ${title} `),
  );
}

/**
 * The element a paper page's panel goes after: the title on arXiv abstract pages
 * and LaTeXML renderings (arXiv HTML, ar5iv); elsewhere the first displayed `h1`
 * showing the page's citation title, else such an `h2`–`h4` (NeurIPS titles are
 * `h4`s), else the first `h1`. Null when there is nowhere sensible: better no
 * panel than one in the wrong place.
 */
export function paperPagePanelAnchor(doc: Document): Element | null {
  if (arxivAbstractPageId(doc.URL)) return abstractPanelAnchor(doc);
  const latexml = doc.querySelector('h1.ltx_title_document') ?? doc.querySelector('.ltx_title');
  if (latexml) return latexml;
  const title = pageTitle(readMetadata(doc));
  const heading = title && (titleHeading(doc, 'h1', title) ?? titleHeading(doc, 'h2,h3,h4', title));
  return heading || doc.querySelector('h1');
}
