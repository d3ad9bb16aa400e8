import type { z } from 'zod';
import { DB_VERSION, getMeta, type PaperlensDatabase } from './db';
import {
  IdRequestSchema,
  ImportRequestSchema,
  LookupRequestSchema,
  OpenPageRequestSchema,
  type PaperSummary,
  PapersOnPageRequestSchema,
  RestoreRequestSchema,
  SaveRequestSchema,
  UpdateEntryRequestSchema,
} from './message-schemas';
import type { ProtocolMap } from './messages';
import { importReadingList } from './reading-list/import';
import { listEntries, removeEntry, restoreEntry, saveEntry, updateEntry } from './reading-list/store';
import { TabPaperCounts } from './tab-counts';
import { describeZodError } from './zod-error';

/** The background's answer to each message, by message type. */
export type Handlers = {
  [K in keyof ProtocolMap]: (data: unknown, sender: MessageSender) => Promise<ReturnType<ProtocolMap[K]>>;
};

/** Who sent a message: the tab and frame of a content script (absent for extension pages). */
export interface MessageSender {
  tab?: { id?: number };
  frameId?: number;
  /** The sending document's URL: a web page's for content scripts, the extension's own for its pages. */
  url?: string;
}

/** A request that failed validation; the message names the bad fields. */
export class BadRequestError extends Error {
  override name = 'BadRequestError';
}

function parse<T>(schema: z.ZodType<T>, type: string, data: unknown): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new BadRequestError(`invalid ${type} request: ${describeZodError(result.error)}`);
  return result.data;
}

/** What the handlers need from the browser beyond the database. */
export interface HandlerEnvironment {
  /** Opens an extension page (`insights.html#paper=…`) in a new tab. */
  openTab(path: string): Promise<void>;
  /** Called after every change to the reading list, so open pages can refresh. */
  readingListChanged(): void;
  /** Why the bundled corpus was rejected at the last start, or null. */
  bundledCorpusError(): string | null;
  /** Whether a message comes from one of the extension's own pages (not a content script in a web page). */
  fromExtensionPage(sender: MessageSender): boolean;
}

const NO_ENVIRONMENT: HandlerEnvironment = {
  openTab: () => Promise.reject(new Error('opening pages is not available here')),
  readingListChanged: () => {},
  bundledCorpusError: () => null,
  fromExtensionPage: (sender) => sender.tab === undefined,
};

/**
 * The message handlers, over a database that is ready (opened and seeded).
 * Every request is validated before it touches the database.
 */
export function createHandlers(
  ready: () => Promise<PaperlensDatabase>,
  tabCounts: TabPaperCounts = new TabPaperCounts(),
  env: HandlerEnvironment = NO_ENVIRONMENT,
): Handlers {
  /** Edits beyond save/unsave (notes, restore, import) are for the extension's own pages only. */
  const ownPagesOnly = (type: string, sender: MessageSender) => {
    if (!env.fromExtensionPage(sender)) throw new BadRequestError(`${type} is only accepted from Paperlens pages`);
  };
  /** Runs a reading-list write and tells open pages about it. */
  const changed = async <T>(write: Promise<T>): Promise<T> => {
    const result = await write;
    env.readingListChanged();
    return result;
  };
  return {
    async lookupPapers(data) {
      const request = parse(LookupRequestSchema, 'lookupPapers', data);
      const db = await ready();
      const tx = db.transaction(['papers', 'coauthors', 'readingList']);
      const papersStore = tx.objectStore('papers');
      const [byId, byTitle, coauthors, savedKeys] = await Promise.all([
        Promise.all([...new Set(request.ids)].map((id) => papersStore.get(id))),
        Promise.all([...new Set(request.titles)].map((title) => papersStore.index('by-title').get(title))),
        tx.objectStore('coauthors').getAll(),
        tx.objectStore('readingList').getAllKeys(),
      ]);
      const shared = new Map(coauthors.map((coauthor) => [coauthor.name, coauthor.count]));
      const saved = new Set(savedKeys);
      const found = new Map([...byId, ...byTitle].filter((p) => p !== undefined).map((p) => [p.id, p]));
      const titles = new Map<string, string>();
      if (found.size) for (const paper of await papersStore.getAll()) titles.set(paper.id, paper.displayTitle);
      await tx.done;
      const papers = [...found.values()].map(
        ({ abstract: _abstract, notes: _notes, ...paper }): PaperSummary => ({
          ...paper,
          coauthors: paper.authors
            .filter((name) => shared.has(name))
            .map((name) => ({ name, sharedPapers: shared.get(name) ?? 0 })),
          closestEarlierTitle: paper.novelty.closestEarlierId
            ? (titles.get(paper.novelty.closestEarlierId) ?? null)
            : null,
          relatedPapers: paper.related.map((related) => ({
            ...related,
            title: titles.get(related.id) ?? `arXiv:${related.id}`,
          })),
          saved: saved.has(paper.id),
        }),
      );
      return { papers };
    },

    async getCorpusKeys() {
      const papers = await (await ready()).getAll('papers');
      return { ids: papers.map((paper) => paper.id), titles: papers.map((paper) => paper.normalizedTitle) };
    },

    async getCoauthorNames() {
      const coauthors = await (await ready()).getAll('coauthors');
      return coauthors.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en')).map((c) => c.name);
    },

    async reportPapersOnPage(data, sender) {
      const { ids } = parse(PapersOnPageRequestSchema, 'reportPapersOnPage', data);
      const tabId = sender.tab?.id;
      if (tabId === undefined) return 0;
      return tabCounts.report(tabId, sender.frameId ?? 0, ids);
    },

    async corpusStatus() {
      const db = await ready();
      const [papers, coauthors, readingList, hash] = await Promise.all([
        db.count('papers'),
        db.count('coauthors'),
        db.count('readingList'),
        getMeta(db.transaction('meta').store, 'corpusHash'),
      ]);
      return {
        papers,
        coauthors,
        readingList,
        corpusHash: hash ?? null,
        schemaVersion: DB_VERSION,
        bundledCorpusError: env.bundledCorpusError(),
      };
    },

    async getLibrary() {
      const db = await ready();
      const tx = db.transaction(['papers', 'coauthors', 'meta']);
      const [papers, coauthors, author] = await Promise.all([
        tx.objectStore('papers').getAll(),
        tx.objectStore('coauthors').getAll(),
        getMeta(tx.objectStore('meta'), 'author'),
      ]);
      await tx.done;
      if (!author) throw new Error('The corpus is not loaded yet; reopen Paperlens in a moment.');
      return {
        author,
        papers: papers.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)),
        coauthors: coauthors.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en')),
      };
    },

    async getReadingList() {
      return listEntries(await ready());
    },

    async saveToReadingList(data) {
      const request = parse(SaveRequestSchema, 'saveToReadingList', data);
      return changed(saveEntry(await ready(), request));
    },

    async removeFromReadingList(data) {
      const request = parse(IdRequestSchema, 'removeFromReadingList', data);
      return changed(removeEntry(await ready(), request.id));
    },

    async updateReadingListEntry(data, sender) {
      ownPagesOnly('updateReadingListEntry', sender);
      const { id, ...changes } = parse(UpdateEntryRequestSchema, 'updateReadingListEntry', data);
      return changed(updateEntry(await ready(), id, changes));
    },

    async restoreReadingListEntry(data, sender) {
      ownPagesOnly('restoreReadingListEntry', sender);
      const { entry } = parse(RestoreRequestSchema, 'restoreReadingListEntry', data);
      return changed(restoreEntry(await ready(), entry));
    },

    async importReadingList(data, sender) {
      ownPagesOnly('importReadingList', sender);
      const { entries } = parse(ImportRequestSchema, 'importReadingList', data);
      const { added, updated, unchanged } = await changed(importReadingList(await ready(), entries));
      return { added, updated, unchanged };
    },

    async openExtensionPage(data) {
      const { page, paperId } = parse(OpenPageRequestSchema, 'openExtensionPage', data);
      await env.openTab(`/${page}.html${paperId ? `#paper=${paperId}` : ''}`);
    },
  };
}
