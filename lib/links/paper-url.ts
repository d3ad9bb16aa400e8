import { isDoiKey } from '../paper-key';
import { abstractUrl } from './arxiv-id';

/** Where a library paper is read: its arXiv abstract page, or its DOI's landing page when it has no arXiv id. */
export function paperPageUrl(paper: { id: string; doi: string | null }): string {
  return isDoiKey(paper.id) ? `https://doi.org/${paper.doi ?? paper.id.slice(4)}` : abstractUrl(paper.id);
}
