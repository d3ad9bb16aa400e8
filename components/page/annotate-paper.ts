import type { ReadingListEntry } from '../../lib/message-schemas';
import { frameAddress } from '../../lib/page/frame-address';
import { abstractPageText, arxivAbstractPageId, isArxivListingPage } from '../../lib/scan/arxiv-page';
import { createPaperCache } from '../../lib/scan/paper-cache';
import { paperPageCandidates } from '../../lib/scan/paper-page';
import { badgesAllowed, type Settings } from '../../lib/settings/model';
import type { PageServices } from './annotate-page';
import { createCoauthorChips } from './coauthor-chips';
import { createPaperPanel } from './paper-panel';
import { createRelatedPanel, type RelatedState } from './related-panel';
import type { PaperActions } from './save-action';

/** What the paper-page script needs beyond the page annotator's services. */
export interface PaperPageServices extends PageServices {
  relate: NonNullable<PageServices['relate']>;
}

/** Save and Undo for the library paper's panel: the page's badges learn of it through the reading list. */
function panelActions(services: PageServices, address: () => string): PaperActions {
  return {
    async toggleSave(paper) {
      let removed: ReadingListEntry | null = null;
      if (paper.saved) removed = await services.unsave(paper);
      else await services.save(paper, address());
      return { paper: { ...paper, saved: !paper.saved }, removed };
    },
    async undoRemove(paper) {
      const restored = await services.undoRemove(paper);
      return { ...paper, saved: restored !== null || paper.saved };
    },
  };
}

/** The features of a paper's page, wired to each other; `settings` is read live. */
function createFeatures(doc: Document, services: PaperPageServices, signal: AbortSignal, settings: () => Settings) {
  const view = doc.defaultView ?? window;
  const address = () => frameAddress(view);
  const theme = () => settings().theme;
  const enabled = () => badgesAllowed(settings(), address());
  const cache = createPaperCache(services.lookup);
  const panel = createPaperPanel(doc, { ...panelActions(services, address), theme });
  const related = createRelatedPanel(doc, {
    theme,
    async toggleSave(state: RelatedState) {
      if (state.saved) await services.unsave({ id: state.id });
      else await services.saveOther(state.id, state.title, address());
      return !state.saved;
    },
  });
  const chips = createCoauthorChips(doc, {
    match: (request) => services.listingAuthors(request),
    theme,
    signal,
    shouldShow: () => enabled() && settings().badgeParts.coauthors && isArxivListingPage(address()),
  });
  return { address, enabled, cache, panel, related, chips };
}

type Features = ReturnType<typeof createFeatures>;

/** The library paper this page is, or on an arXiv abstract page of another paper, how it relates to the library. */
async function showPaper(page: Features, services: PaperPageServices, doc: Document): Promise<void> {
  const candidates = paperPageCandidates(doc, page.address());
  if (!candidates.length) return;
  await page.cache.resolve(candidates);
  if (!page.enabled()) return;
  const paper = candidates.map((candidate) => page.cache.get(candidate)).find((found) => found);
  if (paper) {
    page.panel.show(paper);
    void services.reportPapers([paper.id], 'page').catch(() => {});
    return;
  }
  const id = arxivAbstractPageId(page.address());
  if (!id) return;
  const shown = abstractPageText(doc);
  const related = await services.relate({ id, ...shown });
  if (related.inLibrary || !page.enabled()) return;
  page.related.show({ id, title: shown.title, related, saved: related.saved ?? false });
}

/**
 * Annotates a paper's own page on the sites the manifest lists for this script
 * (arXiv, ar5iv, alphaXiv, OpenReview, ACL Anthology, PMLR, NeurIPS, Semantic
 * Scholar): the library paper's panel under its title; on an arXiv abstract
 * page of a paper not in the library, how it relates to the people followed;
 * coauthor chips on arXiv listings. A script of its own, so the one every page
 * runs stays small. Everything goes when `signal` aborts.
 */
export async function annotatePaperPage(
  doc: Document,
  services: PaperPageServices,
  signal: AbortSignal,
): Promise<{ navigated(): void }> {
  let settings = await services.settings();
  const page = createFeatures(doc, services, signal, () => settings);
  const logged = (what: string) => (error: unknown) => console.debug(`[paperlens] ${what}`, error);
  const hide = () => {
    page.panel.remove();
    page.related.remove();
    page.chips.remove();
  };
  const show = async () => {
    if (signal.aborted || !page.enabled()) return;
    await Promise.all([page.chips.add(), showPaper(page, services, doc)]);
  };

  // Drawn again only when what it looks like, or whether it is on here, changed.
  const looks = () => JSON.stringify([settings.badgeParts, settings.theme, page.enabled()]);
  const unwatchSettings = services.watchSettings((next) => {
    const before = looks();
    settings = next;
    if (looks() === before) return;
    hide();
    void show().catch(logged('settings'));
  });
  const unwatchReadingList = services.watchReadingList(
    (ids) => void savedChanged(page, services, ids).catch(logged('saved')),
  );
  signal.addEventListener('abort', () => {
    unwatchSettings();
    unwatchReadingList();
    hide();
  });
  await show();
  return {
    navigated() {
      hide();
      void show().catch(logged('navigation'));
    },
  };
}

/** The reading list changed elsewhere: the panels show the page's paper saved or not as it now is. */
async function savedChanged(page: Features, services: PaperPageServices, ids: readonly string[] | null) {
  const paper = page.panel.paper();
  if (paper && (!ids || ids.includes(paper.id))) {
    const [fresh] = await page.cache.refresh([paper.id]);
    if (fresh) page.panel.update({ ...paper, saved: fresh.saved });
  }
  const other = page.related.shown();
  if (other && (!ids || ids.includes(other.id))) {
    const { saved } = await services.relate({ id: other.id, title: other.title, abstract: '', authors: [] });
    page.related.setSaved(other.id, saved ?? false);
  }
}
