import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import corpusJson from '../data/corpus.json';
import {
  AUTHOR_LINK_PATTERNS,
  authorFromLinkClick,
  FOLLOW_MENU_ID,
  followMenuTitle,
  nameAuthorsInMenu,
  PAPER_LINK_PATTERNS,
  paperFromLinkClick,
  SAVE_COMMAND,
  SAVE_MENU_ID,
  type ShownMenus,
} from '../lib/context-menu';
import { CorpusSchema } from '../lib/corpus/schema';
import { openPaperlensDb, type PaperlensDatabase } from '../lib/db';
import { createDbConnection } from '../lib/db-connection';
import { createHandlers } from '../lib/handlers';
import { ARXIV_API_PERMISSION } from '../lib/library/arxiv-api';
import { autoRefresh, REFRESH_ALARM, refreshAllFromAlarm } from '../lib/library/auto-refresh';
import { seedCorpus } from '../lib/library/seed';
import { createLibraryService } from '../lib/library/service';
import { libraryStatus } from '../lib/library/status';
import type { SaveRequest } from '../lib/message-schemas';
import { onMessage, type ProtocolMap } from '../lib/messages';
import { sendToPage } from '../lib/page-messages';
import { readingListRevision } from '../lib/reading-list/revision';
import { createTabPapers, isPdfAddress, readTabPaper, saveRequestForTab, type TabAddressStore } from '../lib/tab-paper';
import { createToolbar } from '../lib/toolbar';
import { describeZodError } from '../lib/zod-error';

export default defineBackground(() => {
  // Every worker start (install, update, browser start, a message waking a stopped worker) opens the
  // database and reseeds it when the bundled corpus changed; requests wait for it.
  const db = createDbConnection(openAndSeed);
  const toolbar = createToolbar();
  browser.tabs.onRemoved.addListener((tabId) => {
    toolbar.counts.clear(tabId);
    tabPapers.clear(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading') toolbar.counts.clear(tabId);
    watchTabPaper(tabId, change, tab);
  });

  let writes = 0;
  // Once derived data is current, the background asks itself what the popup and insights will ask, so both open ready.
  const library = createLibraryService(db, () => void prepareExtensionPages());
  const prepareExtensionPages = async () => {
    const self = { url: browser.runtime.getURL('/') };
    const opening = { query: '', authorId: null, categories: [], year: null, hasCode: false, offset: 0, limit: 1 };
    await handlers.searchLibrary({ ...opening, sort: 'relevance' }, self).catch(() => {});
    await handlers.getInsights({ authorId: null }, self).catch(() => {});
  };
  const handlers = createHandlers(db, toolbar.counts, {
    library,
    openTab: async (path) => {
      await browser.tabs.create({ url: browser.runtime.getURL(path as '/popup.html') });
    },
    readingListChanged: (ids) => {
      void readingListRevision.setValue({ at: `${Date.now()}-${++writes}`, ids: ids && [...ids] }).catch(() => {});
      void tabPapers.changed(ids);
    },
    bundledCorpusError: () => bundledCorpusError,
    fromExtensionPage: (sender) => Boolean(sender.url?.startsWith(browser.runtime.getURL('/'))),
  });
  // The paper each tab shows (its address: an arXiv PDF, abstract page, …), on the toolbar as ★ or ☆.
  const asExtension = { url: browser.runtime.getURL('/') };
  const tabPapers = createTabPapers({
    read: (id) => readTabPaper(handlers, id, asExtension),
    show: (tabId, paper) => toolbar.paper(tabId, paper),
    store: sessionStore(),
  });
  library.onChanged(() => void tabPapers.changed(null));
  const watchTabPaper = tabPaperWatcher(tabPapers);
  const save = async (tabId: number | undefined, request: SaveRequest | null) => {
    if (!request) return;
    try {
      await handlers.saveToReadingList(request, {});
      toolbar.flash(tabId, true);
    } catch (error) {
      console.error('[paperlens] could not save', request.id, error);
      toolbar.flash(tabId, false);
    }
  };

  // "Save to reading list" on paper links only (targetUrlPatterns); menus persist, so create them once.
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({
        id: SAVE_MENU_ID,
        title: 'Save to Paperlens reading list',
        contexts: ['link'],
        targetUrlPatterns: PAPER_LINK_PATTERNS,
      });
      browser.contextMenus.create({
        id: FOLLOW_MENU_ID,
        title: followMenuTitle(null),
        contexts: ['link'],
        targetUrlPatterns: AUTHOR_LINK_PATTERNS,
      });
    });
  });
  // Firefox (whose contextMenus is its menus API) can name the author as the menu opens; Chrome has no onShown.
  const menus = browser.contextMenus as unknown as Partial<ShownMenus>;
  if (menus.onShown && menus.refresh) nameAuthorsInMenu(menus as ShownMenus);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const linkText = (info as { linkText?: string }).linkText;
    const click = { linkUrl: info.linkUrl, pageUrl: info.pageUrl, linkText };
    if (info.menuItemId === SAVE_MENU_ID) void save(tab?.id, paperFromLinkClick(click));
    if (info.menuItemId === FOLLOW_MENU_ID) {
      const author = authorFromLinkClick(click);
      // Asked for in the click itself (a user gesture), before anything else; refused, nothing is fetched.
      const asked = author ? browser.permissions.request({ origins: [ARXIV_API_PERMISSION] }) : null;
      void asked
        ?.then(async (granted) => {
          if (!granted || !author) return toolbar.flash(tab?.id, false);
          await handlers.followOnArxiv({ query: author.query }, { url: browser.runtime.getURL('/') });
          toolbar.flash(tab?.id, true);
        })
        .catch(() => toolbar.flash(tab?.id, false));
    }
  });
  // The save shortcut (Alt+Shift+S) on an arXiv page (its PDF too); activeTab lets us read the tab's URL.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== SAVE_COMMAND || !tab) return;
    if (tab.id !== undefined && tab.url) tabPapers.seen(tab.id, tab.url);
    void save(tab.id, saveRequestForTab(tab));
  });
  // Listeners are registered synchronously so a message that wakes the worker is answered.
  for (const type of Object.keys(handlers) as (keyof ProtocolMap)[]) {
    onMessage(type, ({ data, sender }) => {
      // A page's top frame tells its address with every message: how Chrome, without "tabs", knows a PDF tab.
      if (sender.tab?.id !== undefined && sender.frameId === 0 && sender.url) tabPapers.seen(sender.tab.id, sender.url);
      return handlers[type](data, sender) as never;
    });
  }
  void db
    .run(async () => {})
    .then(() => library.resume())
    .catch((error: unknown) => console.error('[paperlens]', error));
  // New papers from arXiv refreshes show on the toolbar until the popup has shown them.
  void libraryStatus.getValue().then((status) => toolbar.showNew(status.newPapers.length));
  libraryStatus.watch((status) => toolbar.showNew(status?.newPapers.length ?? 0));
  // The periodic arXiv refresh: an alarm exists only while the user has it turned on.
  autoRefresh.watch((on) => void autoRefresh.apply(on));
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void refreshAllFromAlarm(library.refreshAll);
  });
});

/** How many times a tab's PDF is told its title changed, per load: a guard against a title tug-of-war. */
const RENAMES_PER_PAGE = 20;

/**
 * Follows what each tab shows as it loads. Firefox (host permissions) and activeTab give a tab's address;
 * otherwise the tab's content script tells it once the page is complete (Chrome's PDF viewer page has one,
 * Firefox's has none, but there the address is known). A title change on a PDF Paperlens named is passed on.
 */
function tabPaperWatcher(tabPapers: ReturnType<typeof createTabPapers>) {
  const renames = new Map<number, number>();
  return (tabId: number, change: { status?: string; url?: string }, tab: { url?: string }) => {
    if (change.status === 'loading') {
      tabPapers.clear(tabId);
      renames.delete(tabId);
    }
    // Shown again once complete: Firefox resets a tab's badge when it navigates.
    const again = change.status === 'complete';
    if (tab.url && (change.url || change.status)) return tabPapers.seen(tabId, tab.url, again);
    if (again) {
      void sendToPage('getPageUrl', undefined, { tabId, frameId: 0 }).then(
        (url) => tabPapers.seen(tabId, url, true),
        () => {},
      );
    }
    // Without "tabs", a title change arrives as an empty change.
    const url = tabPapers.url(tabId);
    if (change.status || change.url || !url || !isPdfAddress(url)) return;
    const count = (renames.get(tabId) ?? 0) + 1;
    renames.set(tabId, count);
    if (count <= RENAMES_PER_PAGE) void sendToPage('pdfTitleChanged', undefined, { tabId, frameId: 0 }).catch(() => {});
  };
}

/** The tabs' addresses in `storage.session`, which outlives the worker (not the browser); none where it is missing. */
function sessionStore(): TabAddressStore | undefined {
  const session = browser.storage.session;
  if (!session) return undefined;
  return {
    get: async () => ((await session.get('tabPapers')).tabPapers ?? {}) as Record<string, string>,
    set: (addresses) => session.set({ tabPapers: addresses }),
  };
}

/** Why the bundled corpus was rejected at this worker's start, or null when it loaded. */
let bundledCorpusError: string | null = null;

async function openAndSeed(): Promise<PaperlensDatabase> {
  const db = await openPaperlensDb();
  const parsed = CorpusSchema.safeParse(corpusJson);
  if (!parsed.success) {
    // Keep serving the last good corpus (and the reading list) from the database.
    bundledCorpusError = describeZodError(parsed.error);
    console.error(`[paperlens] the bundled corpus is invalid, keeping the stored one:\n${bundledCorpusError}`);
    return db;
  }
  bundledCorpusError = null;
  const result = await seedCorpus(db, parsed.data);
  if (result.seeded) console.info(`[paperlens] seeded ${result.papers} papers`);
  return db;
}
