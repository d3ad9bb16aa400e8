import type { ListingAuthorsRequest, ListingAuthorsResponse, ListingEntryMatch } from '../../lib/message-schemas';
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
 * Tells `near` which of `elements` came near the viewport, each once, in batches; returns a stop. A viewport
 * above and below counts as near, so chips are in place before they scroll into view.
 */
type WatchNear = (elements: readonly Element[], near: (batch: Element[]) => void) => () => void;

const NEAR_MARGIN = '100% 0px';

/** Near the viewport as an IntersectionObserver tells it; without one (no layout to ask), everything at once. */
const watchNear: WatchNear = (elements, near) => {
  if (typeof IntersectionObserver === 'undefined') {
    near([...elements]);
    return () => {};
  }
  const observer = new IntersectionObserver(
    (records) => {
      const batch = records.filter((record) => record.isIntersecting).map((record) => record.target);
      for (const element of batch) observer.unobserve(element);
      if (batch.length) near(batch);
    },
    { rootMargin: NEAR_MARGIN },
  );
  for (const element of elements) observer.observe(element);
  return () => observer.disconnect();
};

/**
 * Chips on arXiv listing and search pages marking entries whose authors
 * include coauthors of a followed author, or a followed author on a paper not
 * yet in the library. The page's author lists go to the background in one
 * message, which answers from its indexes. An entry's chips are built and put in
 * when it comes near the viewport: all at once, ~270 chips on a 400-entry listing
 * at 100k papers cost the page +162 ms of CPU and a task 72 ms longer than its
 * own longest (+86 ms and 20 ms near the viewport only, arxiv-pages.bench). Each
 * batch is built off the page, its containers' layout read first, and inserted at once.
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
  let stopWatching = () => {};
  // Bumped by every add and remove: an add still asking when another began, or chips were removed, shows nothing.
  let generation = 0;
  const clear = () => {
    stopWatching();
    stopWatching = () => {};
    for (const host of chips.splice(0)) host.remove();
  };
  return {
    async add() {
      if (!options.shouldShow()) return;
      const entries = listingEntries(doc);
      if (!entries.length) return;
      const mine = ++generation;
      const answer = await options.match({ entries: entries.map(({ id, authors }) => ({ id, authors })) });
      // Chips already shown are replaced, never doubled, and settings may have changed while we asked.
      const current = () => mine === generation && !options.signal.aborted && options.shouldShow();
      if (!current()) return;
      clear();
      const waiting = new Map<Element, ListingEntryMatch>();
      entries.forEach(({ authorsElement }, index) => {
        const match = answer.entries[index];
        if (match && hasChips(match)) waiting.set(authorsElement, match);
      });
      const theme = options.theme();
      stopWatching = watchNear([...waiting.keys()], (batch) => {
        if (!current()) return;
        const built: [HTMLElement, Element][] = [];
        for (const container of batch) {
          const match = waiting.get(container);
          waiting.delete(container);
          if (!match) continue;
          const host = chipHost(doc, match, theme);
          markFlowItem(host, container);
          built.push([host, container]);
        }
        for (const [host, container] of built) {
          container.append(host);
          chips.push(host);
        }
      });
    },
    remove() {
      generation++;
      clear();
    },
  };
}

/** Whether an entry gets chips: it names coauthors of someone followed, or someone followed on a paper not yet in. */
const hasChips = (match: ListingEntryMatch) =>
  match.coauthors.length > 0 || (!match.inLibrary && match.followed.length > 0);

/** One entry's chips in their host (an entry that {@link hasChips}). */
function chipHost(doc: Document, match: ListingEntryMatch, theme: string): HTMLElement {
  const followed = match.inLibrary ? [] : match.followed;
  const host = createHost(doc, 'coauthor');
  if (match.coauthors.length) {
    host.setAttribute('data-paperlens-coauthor', [...new Set(match.coauthors.map((c) => c.name))].join(', '));
  }
  if (followed.length) host.setAttribute('data-paperlens-followed', followed.map((a) => a.name).join(', '));
  host.setAttribute('data-theme', theme);
  host.shadowRoot?.append(...listingChipView(doc, match.coauthors, followed, match.moreCoauthorsOf));
  return host;
}
