import { ARXIV_ID_CANDIDATE as ID } from './arxiv-id';
import { pathSource } from './path-source';

/** arXiv's DataCite DOIs, `10.48550/arXiv.ID`, which doi.org matches in any case. */
export const doi = pathSource(
  'doi',
  ['doi.org', 'dx.doi.org'],
  [new RegExp(`^/10\\.48550/arxiv\\.(?<id>${ID})/*$`, 'i')],
  decodedPath,
);

// DOIs are often written with the slash encoded (`10.48550%2FarXiv.…`).
function decodedPath(url: URL): string | null {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
}

const DOI_LINK = /^https?:\/\/(?:dx\.)?doi\.org\/(10\.\d{4,9}(?:\/|%2f)[^?#]+?)\/*(?:[?#]|$)/i;

/** The DOI a doi.org link resolves (lowercased, as the library keeps it), for papers known by their DOI. */
export function doiOfLink(href: string): string | null {
  const path = DOI_LINK.exec(href)?.[1];
  if (!path) return null;
  try {
    return decodeURIComponent(path).toLowerCase();
  } catch {
    return null;
  }
}
