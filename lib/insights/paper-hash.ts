// The bare arXiv id rule of `ArxivIdSchema`, without pulling zod into the page bundle.
const ARXIV_ID = /^\d{4}\.\d{4,5}$/;

/** The arXiv id in an insights-page hash (`#paper=2402.07871`), or null when there is none. */
export function paperIdFromHash(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('paper');
  return value && ARXIV_ID.test(value) ? value : null;
}

/** The hash that opens a paper's card on the insights page. */
export function hashForPaper(id: string): string {
  return `#paper=${id}`;
}
