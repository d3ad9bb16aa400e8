import { ARXIV_ID_CANDIDATE as ID } from './arxiv-id';
import { pathSource } from './path-source';

const HOSTS = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'browse.arxiv.org'];

// Case-insensitive for the `arXiv:` prefix some sites put in front of the id.
const PATHS = [
  new RegExp(`^/(?:abs|html|format|ps|src)/(?:arxiv:)?(?<id>${ID})/*$`, 'i'),
  new RegExp(`^/pdf/(?:arxiv:)?(?<id>${ID})(?:\\.pdf)?/*$`, 'i'),
  /^\/ftp\/arxiv\/papers\/(?<month>\d{4})\/(?<id>\k<month>\.\d{4,5}(?:v\d+)?)\.pdf$/,
];

// Old-style FTP paths spell the id apart (`/ftp/hep-th/papers/9901/9901001.pdf`);
// rejoining it into an `/abs/` path lets the patterns above read it.
const OLD_FTP = /^\/ftp\/([a-z-]+)\/papers\/(\d{4})\/(\2\d{3}(?:v\d+)?)\.pdf$/;

/** arxiv.org abstract, PDF, HTML, format, PostScript and FTP links. */
export const arxiv = pathSource('arxiv', HOSTS, PATHS, (url) => url.pathname.replace(OLD_FTP, '/abs/$1/$3'));
