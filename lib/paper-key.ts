/**
 * A library paper's key, without zod (pages and the content script use it):
 * a bare arXiv id, new style (`2402.07871`) or old (`hep-th/9901001`), or
 * `doi:` and a lowercased DOI for a paper with no arXiv id.
 */
export const PAPER_KEY = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7}|doi:10\.\d{4,9}\/\S+)$/;

/** Whether a key names a paper known only by its DOI (no arXiv page, no reading-list entry). */
export const isDoiKey = (key: string): boolean => key.startsWith('doi:');
