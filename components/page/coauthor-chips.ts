import type { CoauthorNames } from '../../lib/message-schemas';
import { matchCoauthors } from '../../lib/names';
import { listingEntries } from '../../lib/scan/arxiv-page';
import { createHost } from './hosts';
import { markFlowItem } from './styles';
import { coauthorChipView } from './views';

export interface CoauthorChips {
  /** Shows the chips (replacing any shown), if they should show once the names have arrived. */
  add(): Promise<void>;
  remove(): void;
}

/** Chips on arXiv listing and search pages marking entries whose authors include the author's coauthors. */
export function createCoauthorChips(
  doc: Document,
  options: { names(): Promise<CoauthorNames>; theme(): string; shouldShow(): boolean; signal: AbortSignal },
): CoauthorChips {
  const chips: HTMLElement[] = [];
  const remove = () => {
    for (const host of chips.splice(0)) host.remove();
  };
  return {
    async add() {
      if (!options.shouldShow()) return;
      const { author, names } = await options.names();
      // Chips already shown are replaced, never doubled, and settings may have changed while we asked.
      remove();
      if (options.signal.aborted || !options.shouldShow()) return;
      for (const entry of listingEntries(doc)) {
        const matched = matchCoauthors(entry.authors, names);
        if (!matched.length) continue;
        const host = createHost(doc, 'coauthor');
        host.setAttribute('data-paperlens-coauthor', matched.join(', '));
        markFlowItem(host, entry.authorsElement);
        host.setAttribute('data-theme', options.theme());
        host.shadowRoot?.append(coauthorChipView(doc, author, matched));
        entry.authorsElement.append(host);
        chips.push(host);
      }
    },
    remove,
  };
}
