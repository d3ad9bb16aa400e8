import type { ListingAuthorsRequest, ListingAuthorsResponse, ListingEntryMatch } from '../../lib/message-schemas';
import { listingEntries } from '../../lib/scan/arxiv-page';
import { forEachInSlices } from '../../lib/scan/yield';
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
  // Bumped by every add and remove: an add still building when another began, or chips were removed, inserts nothing.
  let generation = 0;
  const clear = () => {
    for (const host of chips.splice(0)) host.remove();
  };
  return {
    async add() {
      if (!options.shouldShow()) return;
      const entries = listingEntries(doc);
      if (!entries.length) return;
      const mine = ++generation;
      const answer = await options.match({ entries: entries.map(({ id, authors }) => ({ id, authors })) });
      // Built off the page in slices, each container's layout read before any chip enters the page; then all
      // inserted at once, so a long listing is laid out once, not once per chip (hundreds at 100k papers).
      const built: [HTMLElement, Element][] = [];
      const theme = options.theme();
      await forEachInSlices(
        entries.map((entry, index) => [entry.authorsElement, answer.entries[index]] as const),
        ([container, match]) => {
          const host = chipHost(doc, match, theme);
          if (!host) return;
          markFlowItem(host, container);
          built.push([host, container]);
        },
        { signal: options.signal },
      );
      // Chips already shown are replaced, never doubled, and settings may have changed while we asked.
      if (mine !== generation || options.signal.aborted || !options.shouldShow()) return;
      clear();
      for (const [host, container] of built) {
        container.append(host);
        chips.push(host);
      }
    },
    remove() {
      generation++;
      clear();
    },
  };
}

/** One entry's chips in their host, or null when the entry names nobody you follow (or is their paper already). */
function chipHost(doc: Document, match: ListingEntryMatch | undefined, theme: string): HTMLElement | null {
  const followed = match && !match.inLibrary ? match.followed : [];
  if (!match || (!match.coauthors.length && !followed.length)) return null;
  const host = createHost(doc, 'coauthor');
  if (match.coauthors.length) {
    host.setAttribute('data-paperlens-coauthor', [...new Set(match.coauthors.map((c) => c.name))].join(', '));
  }
  if (followed.length) host.setAttribute('data-paperlens-followed', followed.map((a) => a.name).join(', '));
  host.setAttribute('data-theme', theme);
  host.shadowRoot?.append(...listingChipView(doc, match.coauthors, followed, match.moreCoauthorsOf));
  return host;
}
