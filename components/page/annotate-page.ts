import type {
  ListingAuthorsRequest,
  ListingAuthorsResponse,
  LookupRequest,
  LookupResponse,
  PaperSummary,
  ReadingListEntry,
  RelatePaperRequest,
  RelatePaperResponse,
} from '../../lib/message-schemas';
import { frameAddress } from '../../lib/page/frame-address';
import { type LibraryFilter, type LibraryFilterMessage, readLibraryFilter } from '../../lib/scan/library-filter';
import { createScanner, type Scanner } from '../../lib/scan/scanner';
import { badgesAllowed, type Settings } from '../../lib/settings/model';
import { createBadgeLayer } from './badge-layer';
import { createCardController } from './card-controller';
import type { PaperActions } from './save-action';
import { createSavedSync } from './saved-sync';

/** What the page annotator needs from the extension; the content script passes the real messages. */
export interface PageServices {
  lookup(request: LookupRequest): Promise<LookupResponse>;
  libraryFilter(): Promise<LibraryFilterMessage>;
  /** Batched: an arXiv listing's entries → followed authors and their coauthors on each. */
  listingAuthors(request: ListingAuthorsRequest): Promise<ListingAuthorsResponse>;
  /** The library papers this frame shows: those its links and mentions name, or (`page`) the paper it is. */
  reportPapers(ids: string[], part?: 'links' | 'page'): Promise<unknown>;
  save(paper: PaperSummary, pageUrl: string): Promise<unknown>;
  /** Saves a paper that is not in the library, under the title its page gives it. */
  saveOther(id: string, title: string, pageUrl: string): Promise<unknown>;
  /** How a paper not in the library relates to it (the paper-page script's relatedness panel). */
  relate?(request: RelatePaperRequest): Promise<RelatePaperResponse>;
  /** Removes a saved paper; resolves to the entry removed (for its Undo), or null. */
  unsave(paper: Pick<PaperSummary, 'id'>): Promise<ReadingListEntry | null>;
  /** Undoes the latest remove of the paper; resolves to the entry back, or null when nothing was left to undo. */
  undoRemove(paper: PaperSummary): Promise<ReadingListEntry | null>;
  settings(): Promise<Settings>;
  /** Opens the insights page at a paper (optional: tests may leave it out). */
  openInsights?: ((paper: PaperSummary) => void) | undefined;
  watchSettings(listener: (settings: Settings) => void): () => void;
  /** Calls `listener` when the reading list changes anywhere (popup, another tab, the context menu), with the ids. */
  watchReadingList(listener: (ids: readonly string[] | null) => void): () => void;
}

export interface PageAnnotator {
  scanner: Scanner;
  /** The page navigated within itself (history.pushState): look again. */
  navigated(): void;
}

/** The features of one page, wired to each other; `settings` is read live. */
function createFeatures(doc: Document, services: PageServices, signal: AbortSignal, settings: () => Settings) {
  const view = doc.defaultView ?? window;
  let filter: LibraryFilter | null = null;
  const theme = () => settings().theme;
  const address = () => frameAddress(view);
  const enabled = () => badgesAllowed(settings(), address());

  const changed = (paper: PaperSummary) => {
    scanner.updatePaper(paper);
    card.update(paper);
  };
  const actions: PaperActions = {
    async toggleSave(paper) {
      saved.overtaken();
      let removed: ReadingListEntry | null = null;
      if (paper.saved) removed = await services.unsave(paper);
      else await services.save(paper, address());
      const updated = { ...paper, saved: !paper.saved };
      changed(updated);
      return { paper: updated, removed };
    },
    async undoRemove(paper) {
      saved.overtaken();
      const restored = await services.undoRemove(paper);
      const updated = { ...paper, saved: restored !== null || paper.saved };
      changed(updated);
      return updated;
    },
  };
  const card = createCardController(doc, { ...actions, theme, openInsights: services.openInsights });
  const layer = createBadgeLayer(doc, { parts: () => settings().badgeParts, theme, card });
  const scanner = createScanner({
    document: doc,
    pageUrl: () => doc.baseURI,
    filter: () => filter,
    lookup: (request) => services.lookup(request),
    badges: layer,
    signal,
    onPapersChanged: (ids) => void services.reportPapers([...ids], 'links').catch(() => {}),
  });
  const saved = createSavedSync(scanner, { changed, signal });
  const setFilter = (message: LibraryFilterMessage | null) => {
    filter = message && readLibraryFilter(message);
  };
  return { card, layer, scanner, saved, enabled, hasFilter: () => filter !== null, setFilter };
}

/**
 * Annotates one document: badges on library paper links and plain-text
 * mentions, the toolbar count, and saved states kept true. This function only
 * switches those features on and off with the settings; everything goes when
 * `signal` aborts. Paper pages' panels and arXiv listings' chips are the
 * paper-page script's (annotate-paper.ts).
 */
export async function annotatePage(doc: Document, services: PageServices, signal: AbortSignal): Promise<PageAnnotator> {
  let settings = await services.settings();
  const page = createFeatures(doc, services, signal, () => settings);
  const { card, layer, scanner, saved, enabled } = page;
  const logged = (what: string) => (error: unknown) => console.debug(`[paperlens] ${what}`, error);

  // On a site the user switched off nothing is scanned or asked for until it is switched back on.
  let started = false;
  let savedStale = false;
  const start = async () => {
    if (!page.hasFilter()) {
      // Without the library's filter (the background failed), any paper id in a URL is looked up instead.
      page.setFilter(await services.libraryFilter().catch(() => null));
      // Switched off (or unloaded) while we asked: stay off.
      if (signal.aborted || !enabled()) return;
    }
    if (savedStale) {
      savedStale = false;
      await saved.refresh().catch(logged('saved state'));
    }
    // Switched off again (or unloaded) while we asked: stay off.
    if (signal.aborted || !enabled()) return;
    await (started ? scanner.rescan() : scanner.start());
    started = true;
  };
  const apply = async (next: Settings) => {
    const wasEnabled = enabled();
    const looks = JSON.stringify([settings.badgeParts, settings.theme]);
    settings = next;
    if (!enabled()) {
      card.close(false);
      scanner.clear();
      return;
    }
    if (looks !== JSON.stringify([settings.badgeParts, settings.theme])) {
      layer.refresh();
      card.refreshTheme();
    }
    if (!wasEnabled) await start();
  };

  const unwatchSettings = services.watchSettings((next) => void apply(next).catch(logged('settings')));
  const unwatchReadingList = services.watchReadingList((ids) => {
    if (!enabled()) savedStale = true;
    else saved.refresh(ids).catch(logged('saved state'));
  });
  signal.addEventListener('abort', () => {
    unwatchSettings();
    unwatchReadingList();
    card.close(false);
  });
  if (enabled()) await start();

  return {
    scanner,
    navigated() {
      if (enabled()) void scanner.rescan().catch(logged('navigation'));
    },
  };
}
