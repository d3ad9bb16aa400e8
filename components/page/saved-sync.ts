import type { PaperSummary } from '../../lib/message-schemas';
import { isDoiKey } from '../../lib/paper-key';
import type { Scanner } from '../../lib/scan/scanner';

export interface SavedSync {
  /** Asks again whether the papers known here are saved (those among `ids`, when given), and shows what changed. */
  refresh(ids?: readonly string[] | null): Promise<void>;
  /** A save of our own happened: any answer to a question asked before it may be stale. */
  overtaken(): void;
}

/**
 * Keeps the saved state of what the page shows true when the reading list
 * changes somewhere else (the popup, another tab, the context menu): asks, through
 * the scanner, about the papers known here (those shown, and those a feed may
 * link to next), so cards never offer to save a saved paper.
 */
export function createSavedSync(
  scanner: Scanner,
  options: { changed(paper: PaperSummary): void; signal: AbortSignal },
): SavedSync {
  let questions = 0;
  const known = () => new Map(scanner.known().map((paper) => [paper.id, paper]));
  return {
    async refresh(ids) {
      // A change to papers this page does not know asks nothing; papers known by a DOI are never saved.
      const asked = [...known().keys()].filter((id) => !isDoiKey(id) && (!ids || ids.includes(id)));
      if (!asked.length) return;
      const question = ++questions;
      const fresh = await scanner.refresh(asked);
      // Only the answer to the latest question counts, and only if no save of ours came after it.
      if (question !== questions || options.signal.aborted) return;
      const now = known();
      for (const { id, saved } of fresh) {
        const paper = now.get(id);
        if (paper && paper.saved !== saved) options.changed({ ...paper, saved });
      }
    },
    overtaken() {
      questions++;
    },
  };
}
