import { paperFromTab } from './context-menu';
import type { Handlers, MessageSender } from './handlers';
import { detectPaperLink } from './links/detect';
import type { SaveRequest } from './message-schemas';

/**
 * The paper a tab shows, known from its address alone: an arXiv abstract, PDF
 * or HTML page (`arxiv.org/pdf/2310.15961v2`, `export.arxiv.org/pdf/….pdf`, …)
 * or a mirror's page of one paper, as the link detector reads links. Null for
 * any other address.
 */
export function tabPaperId(url: string | undefined): string | null {
  if (!url) return null;
  const ref = detectPaperLink(url, '', url);
  return ref?.kind === 'id' ? ref.id : null;
}

/** Whether an address is a PDF's (`/pdf/…`, `….pdf`): the tabs whose title Chrome's PDF viewer writes. */
export function isPdfAddress(url: string): boolean {
  try {
    const { pathname } = new URL(url);
    return pathname.startsWith('/pdf/') || /\.pdf$/i.test(pathname);
  } catch {
    return false;
  }
}

/**
 * The paper's title as a tab's title gives it: `[2402.07871] Title` (arXiv's abstract pages) → `Title`. A PDF's
 * title says nothing of the paper until Paperlens names it (a file name, the address, the PDF's own metadata), so
 * it gives none, and neither does a title Paperlens wrote (`Title (arXiv id)`, whose paper Paperlens knows).
 */
export function titleFromTab(title: string | undefined, url: string): string {
  if (!title || isPdfAddress(url) || / \(arXiv [^)]+\)$/.test(title)) return '';
  return title.replace(/^\[[^\]]*\]\s*/, '').trim();
}

/** The save shortcut's request for a tab: `paperFromTab`'s, without a PDF's file name for a title. */
export function saveRequestForTab(tab: { url?: string | undefined; title?: string | undefined }): SaveRequest | null {
  const request = paperFromTab(tab);
  if (!request || !tab.url) return request;
  const title = titleFromTab(tab.title, tab.url);
  return { ...request, title: title || undefined, source: { url: tab.url, linkText: title } };
}

/** What the toolbar says of a tab's paper. */
export interface TabPaper {
  id: string;
  /** A paper of the library (badged on pages, in the popup's search). */
  inLibrary: boolean;
  /** On the reading list. */
  saved: boolean;
}

/** The toolbar's blue (library papers, counts) and grey (papers outside the library). */
export const BADGE_BLUE = '#0b6bcb';
export const BADGE_GREY = '#5f6368';

/** The toolbar badge of a tab that shows a paper: ★ saved, ☆ not saved; blue in the library, grey outside it. */
export function tabPaperBadge(paper: TabPaper): { text: string; color: string; title: string } {
  const where = paper.inLibrary ? 'in your library' : 'not in your library';
  const saved = paper.saved ? 'saved to your reading list' : 'not saved (Alt+Shift+S saves it)';
  return {
    text: paper.saved ? '★' : '☆',
    color: paper.inLibrary ? BADGE_BLUE : BADGE_GREY,
    title: `Paperlens · arXiv:${paper.id}: ${where}, ${saved}`,
  };
}

/** Whether a paper is in the library and saved, asked of the background's own handlers. */
export async function readTabPaper(
  handlers: Pick<Handlers, 'lookupPapers' | 'getReadingListEntries'>,
  id: string,
  self: MessageSender,
): Promise<TabPaper> {
  const { papers } = await handlers.lookupPapers({ ids: [id], dois: [], titles: [] }, self);
  const paper = papers.find((p) => p.id === id);
  if (paper) return { id, inLibrary: true, saved: paper.saved };
  const entries = await handlers.getReadingListEntries({ ids: [id] }, self);
  return { id, inLibrary: false, saved: entries.length > 0 };
}

/** Where the tabs' addresses are kept while the background's worker sleeps (`storage.session`). */
export interface TabAddressStore {
  get(): Promise<Record<string, string>>;
  set(addresses: Record<string, string>): Promise<void>;
}

export interface TabPapersOptions {
  read(id: string): Promise<TabPaper>;
  /** Shows a tab's paper on the toolbar, or (null) that it shows none any more. */
  show(tabId: number, paper: TabPaper | null): void;
  store?: TabAddressStore | undefined;
}

/** The papers the open tabs show, each read (library? saved?) and shown on the toolbar, kept true as they change. */
export interface TabPapers {
  /** The tab's top document is at `url` (a content script's message, the tabs API, activeTab); `again` shows it anew. */
  seen(tabId: number, url: string, again?: boolean): void;
  /** The tab closed or began loading another document. */
  clear(tabId: number): void;
  /** The reading list or the library changed these papers (null: any): read their tabs again. */
  changed(ids: readonly string[] | null): Promise<void>;
  /** The address last seen in a tab that shows a paper. */
  url(tabId: number): string | undefined;
}

/** Tracks the papers tabs show by address; a worker that restarts finds the addresses in `store`. */
export function createTabPapers({ read, show, store }: TabPapersOptions): TabPapers {
  const tabs = new Map<number, string>();
  // A read answered after the tab moved on is dropped: each read carries its tab's generation.
  const generations = new Map<number, number>();
  const restored = (store?.get() ?? Promise.resolve<Record<string, string>>({})).then(
    (saved) => {
      for (const [tabId, url] of Object.entries(saved)) if (!tabs.has(Number(tabId))) tabs.set(Number(tabId), url);
    },
    () => {},
  );
  const persist = () => void store?.set(Object.fromEntries(tabs)).catch(() => {});
  const refresh = async (tabId: number, id: string) => {
    const generation = (generations.get(tabId) ?? 0) + 1;
    generations.set(tabId, generation);
    const paper = await read(id).catch(() => null);
    if (paper && generations.get(tabId) === generation && tabPaperId(tabs.get(tabId)) === id) show(tabId, paper);
  };
  const clear = (tabId: number) => {
    generations.set(tabId, (generations.get(tabId) ?? 0) + 1);
    if (!tabs.delete(tabId)) return;
    persist();
    show(tabId, null);
  };
  return {
    seen(tabId, url, again = false) {
      const before = tabPaperId(tabs.get(tabId));
      const id = tabPaperId(url);
      if (!id) return clear(tabId);
      // Every message of a page's top frame tells its address: only a new one is written down.
      if (tabs.get(tabId) !== url) {
        tabs.set(tabId, url);
        persist();
      }
      if (again || id !== before) void refresh(tabId, id);
    },
    clear,
    async changed(ids) {
      await restored;
      const wanted = ids && new Set(ids);
      const reads = [...tabs].flatMap(([tabId, url]) => {
        const id = tabPaperId(url);
        return id && (!wanted || wanted.has(id)) ? [refresh(tabId, id)] : [];
      });
      await Promise.all(reads);
    },
    url: (tabId) => tabs.get(tabId),
  };
}
