import type { ListingAuthorsRequest, ListingAuthorsResponse } from '../../lib/message-schemas';
import { listingEntries } from '../../lib/scan/arxiv-page';
import { createHost } from './hosts';
import { markFlowItem } from './styles';
import { listingChipView } from './views';

export interface CoauthorChips {
  /** Shows the chips (replacing any shown), if they should show once the names have arrived. */
  add(): Promise<void>;
  remove(): void;
}

/**
 * Chips on arXiv listing and search pages marking entries whose authors
 * include coauthors of a followed author, or a followed author on a paper not
 * yet in the library. The page's author lists go to the background in one
 * message, which answers from its indexes.
 */
export function createCoauthorChips(
  doc: Document,
  options: {
    match(request: ListingAuthorsRequest): Promise<ListingAuthorsResponse>;
    theme(): string;
    shouldShow(): boolean;
    signal: AbortSignal;
  },
): CoauthorChips {
  const chips: HTMLElement[] = [];
  const remove = () => {
    for (const host of chips.splice(0)) host.remove();
  };
  return {
    async add() {
      if (!options.shouldShow()) return;
      const entries = listingEntries(doc);
      if (!entries.length) return;
      const answer = await options.match({ entries: entries.map(({ id, authors }) => ({ id, authors })) });
      // Chips already shown are replaced, never doubled, and settings may have changed while we asked.
      remove();
      if (options.signal.aborted || !options.shouldShow()) return;
      entries.forEach((entry, index) => {
        const match = answer.entries[index];
        const followed = match && !match.inLibrary ? match.followed : [];
        if (!match || (!match.coauthors.length && !followed.length)) return;
        const host = createHost(doc, 'coauthor');
        if (match.coauthors.length) {
          host.setAttribute('data-paperlens-coauthor', [...new Set(match.coauthors.map((c) => c.name))].join(', '));
        }
        if (followed.length) host.setAttribute('data-paperlens-followed', followed.map((a) => a.name).join(', '));
        markFlowItem(host, entry.authorsElement);
        host.setAttribute('data-theme', options.theme());
        host.shadowRoot?.append(...listingChipView(doc, match.coauthors, followed, match.moreCoauthorsOf));
        entry.authorsElement.append(host);
        chips.push(host);
      });
    },
    remove,
  };
}
