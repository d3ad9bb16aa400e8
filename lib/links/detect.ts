import { alphaxiv } from './alphaxiv';
import { ar5iv } from './ar5iv';
import { arxiv } from './arxiv';
import { parseArxivId } from './arxiv-id';
import { doi } from './doi';
import { huggingface } from './huggingface';
import { scirate } from './scirate';
import { semanticScholar } from './semantic-scholar';
import { matchTitle } from './title';
import type { IdRef, LinkSource, PaperRef } from './types';

const SOURCES: readonly LinkSource[] = [arxiv, alphaxiv, huggingface, ar5iv, semanticScholar, doi, scirate];

// Every supported shape spells the id's digits out: `YYMM.NNNN(N)` for new-style ids and
// `/YYMMNNN` for old-style ones, whose archive or FTP folder always precedes them (in a DOI,
// perhaps behind an encoded slash).
const MIGHT_BE_PAPER = /\d{4}\.\d{4}|(?:\/|%2f)\d{7}/i;

/**
 * Cheap test on a raw `href` attribute, run before any URL parsing: false means
 * {@link detectPaperLink} cannot find a paper id in that href, true means it might.
 */
export function hrefMightBePaper(href: string): boolean {
  return MIGHT_BE_PAPER.test(href);
}

/**
 * Recognises a link to a paper: by the arXiv id in its URL on a supported site, or else,
 * when corpus `titles` (normalized) are given, by its text being one of those titles.
 *
 * `href` is resolved against `pageUrl`, so relative links count only on the site they
 * resolve to. Hrefs that fail {@link hrefMightBePaper} are never matched by URL, which keeps
 * the two consistent. Never throws.
 */
export function detectPaperLink(
  href: string,
  linkText: string,
  pageUrl: string,
  titles?: ReadonlySet<string>,
): PaperRef | null {
  const byUrl = hrefMightBePaper(href) ? matchUrl(href, pageUrl) : null;
  return byUrl ?? (titles ? matchTitle(linkText, titles) : null);
}

// The shape most paper links have, read without building a URL object (parsing a URL costs
// several microseconds, and a listing page has thousands of these). Anything else takes the
// full path below, which accepts everything this does.
const PLAIN_ARXIV =
  /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs\/(\d{4}\.\d{4,5}(?:v\d+)?)|pdf\/(\d{4}\.\d{4,5}(?:v\d+)?)(?:\.pdf)?)\/?(?:[?#]|$)/;

function matchUrl(href: string, pageUrl: string): IdRef | null {
  const plain = PLAIN_ARXIV.exec(href);
  if (plain) {
    const parsed = parseArxivId((plain[1] ?? plain[2]) as string);
    if (parsed) return { kind: 'id', id: parsed.id, version: parsed.version, source: 'arxiv' };
  }
  let url: URL;
  try {
    url = new URL(href, pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  for (const source of SOURCES) {
    const ref = source.match(url);
    if (ref) return ref;
  }
  return null;
}
