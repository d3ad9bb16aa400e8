import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import corpusJson from '../data/corpus.json';
import { CorpusSchema, describeZodError } from '../lib/corpus/schema';
import { openPaperlensDb, type PaperlensDatabase, seedCorpus } from '../lib/db';
import { createHandlers } from '../lib/handlers';
import { onMessage, type ProtocolMap } from '../lib/messages';
import { TabPaperCounts } from '../lib/tab-counts';

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

  const tabCounts = new TabPaperCounts((tabId, count) => {
    void browser.action.setBadgeText({ tabId, text: count ? String(count) : '' }).catch(() => {});
  });
  browser.action.setBadgeBackgroundColor({ color: '#0b6bcb' }).catch(() => {});
  browser.tabs.onRemoved.addListener((tabId) => tabCounts.clear(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') tabCounts.clear(tabId);
  });

  const handlers = createHandlers(getDb, tabCounts);
  // Listeners are registered synchronously so a message that wakes the worker is answered.
  for (const type of Object.keys(handlers) as (keyof ProtocolMap)[]) {
    onMessage(type, ({ data, sender }) => handlers[type](data, sender) as never);
  }
  void getDb().catch((error: unknown) => console.error('[paperlens]', error));
});

async function openAndSeed(): Promise<PaperlensDatabase> {
  const db = await openPaperlensDb();
  const parsed = CorpusSchema.safeParse(corpusJson);
  if (!parsed.success) {
    // Keep serving the last good corpus (and the reading list) from the database.
    console.error(
      `[paperlens] the bundled corpus is invalid, keeping the stored one:\n${describeZodError(parsed.error)}`,
    );
    return db;
  }
  const result = await seedCorpus(db, parsed.data);
  if (result.seeded) console.info(`[paperlens] seeded ${result.papers} papers`);
  return db;
}
