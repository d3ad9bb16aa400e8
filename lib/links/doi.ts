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
