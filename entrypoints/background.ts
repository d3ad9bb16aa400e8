import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import corpusJson from '../data/corpus.json';
import { PAPER_LINK_PATTERNS, paperFromLinkClick, paperFromTab, SAVE_COMMAND, SAVE_MENU_ID } from '../lib/context-menu';
import { CorpusSchema } from '../lib/corpus/schema';
import { openPaperlensDb, type PaperlensDatabase, seedCorpus } from '../lib/db';
import { createHandlers } from '../lib/handlers';
import type { SaveRequest } from '../lib/message-schemas';
import { onMessage, type ProtocolMap } from '../lib/messages';
import { readingListRevision } from '../lib/reading-list/revision';
import { TabPaperCounts } from '../lib/tab-counts';
import { describeZodError } from '../lib/zod-error';

export default defineBackground(() => {
  let ready: Promise<PaperlensDatabase> | undefined;
  // Every worker start (install, update, browser start, or a message waking a stopped worker)
  // opens the database and reseeds it when the bundled corpus changed; requests wait for it.
  const getDb = () => {
    ready ??= openAndSeed().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };

  const showCount = (tabId: number, count: number) => {
    void browser.action.setBadgeText({ tabId, text: count ? String(count) : '' }).catch(() => {});
  };
  const tabCounts = new TabPaperCounts(showCount);
  browser.action.setBadgeBackgroundColor({ color: '#0b6bcb' }).catch(() => {});
  browser.tabs.onRemoved.addListener((tabId) => tabCounts.clear(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') tabCounts.clear(tabId);
  });

  let writes = 0;
  const handlers = createHandlers(getDb, tabCounts, {
    openTab: async (path) => {
      await browser.tabs.create({ url: browser.runtime.getURL(path as '/popup.html') });
    },
    readingListChanged: () => {
      void readingListRevision.setValue(`${Date.now()}-${++writes}`).catch(() => {});
    },
    bundledCorpusError: () => bundledCorpusError,
    fromExtensionPage: (sender) => Boolean(sender.url?.startsWith(browser.runtime.getURL('/'))),
  });

  /** Shows ✓ (or !) on the toolbar icon for a moment, then the tab's paper count again. */
  const flash = (tabId: number | undefined, ok: boolean) => {
    if (tabId === undefined || tabId < 0) return;
    void browser.action.setBadgeText({ tabId, text: ok ? '✓' : '!' }).catch(() => {});
    setTimeout(() => showCount(tabId, tabCounts.count(tabId)), 1500);
  };
  const save = async (tabId: number | undefined, request: SaveRequest | null) => {
    if (!request) return;
    try {
      await handlers.saveToReadingList(request, {});
      flash(tabId, true);
    } catch (error) {
      console.error('[paperlens] could not save', request.id, error);
      flash(tabId, false);
    }
  };

  // "Save to reading list" on paper links only (targetUrlPatterns); menus persist, so create them once.
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: SAVE_MENU_ID,
        title: 'Save to Paperlens reading list',
        contexts: ['link'],
        targetUrlPatterns: PAPER_LINK_PATTERNS,
      }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SAVE_MENU_ID) return;
    const request = paperFromLinkClick({
      linkUrl: info.linkUrl,
      pageUrl: info.pageUrl,
      linkText: (info as { linkText?: string }).linkText,
    });
    void save(tab?.id, request);
  });
  // The save shortcut (Alt+Shift+S) on an arXiv page; activeTab lets us read the tab's URL.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== SAVE_COMMAND || !tab) return;
    void save(tab.id, paperFromTab(tab));
  });
  // Listeners are registered synchronously so a message that wakes the worker is answered.
  for (const type of Object.keys(handlers) as (keyof ProtocolMap)[]) {
    onMessage(type, ({ data, sender }) => handlers[type](data, sender) as never);
  }
  void getDb().catch((error: unknown) => console.error('[paperlens]', error));
});

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
