import { PAPER_KEY } from '../paper-key';

/** The library paper in an insights-page hash (`#paper=2402.07871`), or null when there is none. */
export function paperIdFromHash(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('paper');
  return value && PAPER_KEY.test(value) ? value : null;
}

/** The hash that opens a paper's card on the insights page (old-style ids and DOIs have slashes). */
export function hashForPaper(id: string): string {
  return `#paper=${encodeURIComponent(id)}`;
}
