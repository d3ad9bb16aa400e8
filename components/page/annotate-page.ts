import type { CorpusKeys, LookupRequest, LookupResponse, PaperSummary } from '../../lib/message-schemas';
import { matchCoauthors } from '../../lib/names';
import {
  abstractPanelAnchor,
  arxivAbstractPageId,
  isArxivListingPage,
  listingEntries,
} from '../../lib/scan/arxiv-page';
import { type CorpusIndex, createCorpusIndex } from '../../lib/scan/candidates';
import { createScanner, type Scanner } from '../../lib/scan/scanner';
import { badgesAllowed, type Settings } from '../../lib/settings/model';
import { createBadgeLayer } from './badge-layer';
import { createCardController } from './card-controller';
import { attachStyledShadow, markFlowItem } from './styles';
import { coauthorChipView, panelView } from './views';

/** What the page annotator needs from the extension; the content script passes the real messages. */
export interface PageServices {
  lookup(request: LookupRequest): Promise<LookupResponse>;
  corpusKeys(): Promise<CorpusKeys>;
  coauthorNames(): Promise<string[]>;
  reportPapers(ids: string[]): Promise<unknown>;
  save(paper: PaperSummary, pageUrl: string): Promise<unknown>;
  unsave(paper: PaperSummary): Promise<unknown>;
  settings(): Promise<Settings>;
  /** Opens the insights page at a paper (optional: tests may leave it out). */
  openInsights?: ((paper: PaperSummary) => void) | undefined;
  watchSettings(listener: (settings: Settings) => void): () => void;
  /** Calls `listener` when the reading list changes anywhere (popup, another tab, the context menu). */
  watchReadingList(listener: () => void): () => void;
}

export interface PageAnnotator {
  scanner: Scanner;
  /** The page navigated within itself (history.pushState): look again. */
  navigated(): void;
}

/**
 * Annotates one document: badges on corpus paper links, the panel on a corpus
 * paper's arXiv abstract page, coauthor chips on arXiv listings, and the
 * toolbar count; follows settings live. Everything it added goes when
 * `signal` aborts.
 */
export async function annotatePage(doc: Document, services: PageServices, signal: AbortSignal): Promise<PageAnnotator> {
  const view = doc.defaultView ?? window;
  let settings = await services.settings();
  let corpus: CorpusIndex | null = null;
  const theme = () => settings.theme;

  const onPaperChanged = (paper: PaperSummary) => {
    scanner.updatePaper(paper);
    card.update(paper);
    if (panel?.paper.id === paper.id) drawPanel({ ...panel, paper });
  };
  /**
   * The reading list changed somewhere else (the popup, another tab, the context menu): asks again whether the
   * papers known here are saved (those shown, and those a feed may link to next), so cards and the panel never
   * offer to save a saved paper. On a site switched off, it asks when the site is switched back on.
   */
  let refreshes = 0;
  let savedStale = false;
  const refreshSaved = async () => {
    const refresh = ++refreshes;
    const ids = new Set(scanner.known().map((paper) => paper.id));
    if (panel) ids.add(panel.paper.id);
    if (!ids.size) return;
    const { papers } = await services.lookup({ ids: [...ids], titles: [] });
    // Only the answer to the latest question counts, and only if no save of ours came after it.
    if (refresh !== refreshes || signal.aborted) return;
    const known = new Map(scanner.known().map((paper) => [paper.id, paper]));
    if (panel) known.set(panel.paper.id, panel.paper);
    for (const fresh of papers) {
      const paper = known.get(fresh.id);
      if (paper && paper.saved !== fresh.saved) onPaperChanged({ ...paper, saved: fresh.saved });
    }
  };
  const toggleSave = async (paper: PaperSummary): Promise<PaperSummary> => {
    // An answer to a question asked before this write may no longer be true.
    refreshes++;
    if (paper.saved) await services.unsave(paper);
    else await services.save(paper, view.location.href);
    const updated = { ...paper, saved: !paper.saved };
    onPaperChanged(updated);
    return updated;
  };

  const card = createCardController(doc, { toggleSave, theme, openInsights: services.openInsights });
  const layer = createBadgeLayer(doc, { parts: () => settings.badgeParts, theme, card });

  // The richer panel on a corpus paper's own arXiv abstract page.
  let panel: { host: HTMLElement; paper: PaperSummary; saving: boolean; error: string | null } | null = null;
  const drawPanel = (state: NonNullable<typeof panel>) => {
    panel = state;
    state.host.setAttribute('data-theme', theme());
    const root = state.host.shadowRoot as ShadowRoot;
    const saveHadFocus = doc.activeElement === state.host && root.activeElement?.className === 'save';
    root.replaceChildren(
      panelView(doc, state, async () => {
        if (!panel || panel.saving) return;
        drawPanel({ ...panel, saving: true, error: null });
        try {
          const updated = await toggleSave(panel.paper);
          drawPanel({ ...panel, paper: updated, saving: false });
        } catch (e) {
          drawPanel({ ...panel, saving: false, error: `Could not save: ${e instanceof Error ? e.message : e}` });
        }
      }),
    );
    if (saveHadFocus) root.querySelector<HTMLElement>('.save')?.focus();
  };
  const mountPanel = (paper: PaperSummary) => {
    const anchor = abstractPanelAnchor(doc);
    if (!anchor || panel) return;
    const host = doc.createElement('paperlens-panel');
    host.setAttribute('data-paperlens-id', paper.id);
    attachStyledShadow(host);
    anchor.after(host);
    drawPanel({ host, paper, saving: false, error: null });
  };
  const removePanel = () => {
    if (!panel) return;
    panel.host.remove();
    panel = null;
  };

  // Coauthor chips on arXiv listing and search pages.
  const chips: HTMLElement[] = [];
  const addCoauthorChips = async () => {
    if (!isArxivListingPage(view.location.href) || !settings.badgeParts.coauthors) return;
    const known = await services.coauthorNames();
    // Chips already shown are replaced, never doubled, and settings may have changed while we asked.
    removeChips();
    if (signal.aborted || !enabled() || !settings.badgeParts.coauthors) return;
    for (const entry of listingEntries(doc)) {
      const names = matchCoauthors(entry.authors, known);
      if (!names.length) continue;
      const host = doc.createElement('paperlens-coauthor');
      host.setAttribute('data-paperlens-coauthor', names.join(', '));
      markFlowItem(host, entry.authorsElement);
      attachStyledShadow(host);
      host.setAttribute('data-theme', theme());
      host.shadowRoot?.append(coauthorChipView(doc, names));
      entry.authorsElement.append(host);
      chips.push(host);
    }
  };
  const removeChips = () => {
    for (const host of chips.splice(0)) host.remove();
  };

  const absId = () => arxivAbstractPageId(view.location.href);
  const scanner = createScanner({
    document: doc,
    pageUrl: () => doc.baseURI,
    corpus: () => corpus,
    lookup: services.lookup,
    badges: layer,
    signal,
    extraIds: absId() ? [absId() as string] : [],
    onPapers: (papers) => {
      const id = absId();
      const own = id ? papers.find((paper) => paper.id === id) : undefined;
      if (own && badgesAllowed(settings, view.location.href)) mountPanel(own);
    },
    onPapersChanged: (ids) => {
      services.reportPapers([...ids]).catch(() => {});
    },
  });

  const enabled = () => badgesAllowed(settings, view.location.href);
  const apply = async (next: Settings) => {
    const wasEnabled = enabled();
    const oldParts = JSON.stringify([settings.badgeParts, settings.theme]);
    settings = next;
    if (!enabled()) {
      card.close(false);
      scanner.clear();
      removePanel();
      removeChips();
      return;
    }
    if (oldParts !== JSON.stringify([settings.badgeParts, settings.theme])) {
      layer.refresh();
      card.refreshTheme();
      if (panel) drawPanel(panel);
      removeChips();
      await addCoauthorChips();
    }
    if (!wasEnabled) await start();
  };
  const unwatch = services.watchSettings((next) => {
    apply(next).catch((error: unknown) => console.debug('[paperlens] settings', error));
  });
  const unwatchReadingList = services.watchReadingList(() => {
    if (!enabled()) savedStale = true;
    else refreshSaved().catch((error: unknown) => console.debug('[paperlens] saved state', error));
  });
  signal.addEventListener('abort', () => {
    unwatch();
    unwatchReadingList();
    card.close(false);
    removePanel();
    removeChips();
  });

  // On a site the user switched off nothing is scanned or asked for until it is switched back on.
  let started = false;
  const start = async () => {
    if (!corpus) {
      // Without the corpus keys (the background failed), any paper id in a URL is looked up instead.
      const keys = await services.corpusKeys().catch(() => null);
      corpus = keys?.ids.length ? createCorpusIndex(keys) : null;
      // Switched off (or unloaded) while we asked: stay off.
      if (signal.aborted || !enabled()) return;
    }
    if (savedStale) {
      savedStale = false;
      await refreshSaved().catch((error: unknown) => console.debug('[paperlens] saved state', error));
    }
    if (started) await scanner.rescan();
    else {
      started = true;
      await scanner.start();
    }
    await addCoauthorChips();
  };
  if (enabled()) await start();

  return {
    scanner,
    navigated() {
      if (!enabled()) return;
      removePanel();
      const id = absId();
      void scanner.rescan().then(async () => {
        if (id) {
          const { papers } = await services.lookup({ ids: [id], titles: [] });
          if (papers[0]) mountPanel(papers[0]);
        }
      });
    },
  };
}
