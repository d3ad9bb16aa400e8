import type { z } from 'zod';
import { coauthorNames, corpusKeys, lookupPapers, readLibrary } from './corpus/lookup';
import { DB_VERSION, getMeta, type PaperlensDatabase } from './db';
import {
  IdRequestSchema,
  ImportRequestSchema,
  LookupRequestSchema,
  OpenPageRequestSchema,
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

type Ready = () => Promise<PaperlensDatabase>;

/**
 * The message handlers, over a database that is ready (opened and seeded).
 * Each one reads the same way: validate the request, delegate to the module
 * that owns the data, notify whoever needs to know.
 */
export function createHandlers(
  ready: Ready,
  tabCounts: TabPaperCounts = new TabPaperCounts(),
  env: HandlerEnvironment = NO_ENVIRONMENT,
): Handlers {
  return {
    ...corpusHandlers(ready, tabCounts, env),
    ...readingListHandlers(ready, env),
    async openExtensionPage(data) {
      const { page, paperId } = parse(OpenPageRequestSchema, 'openExtensionPage', data);
      await env.openTab(`/${page}.html${paperId ? `#paper=${paperId}` : ''}`);
    },
  };
}

type CorpusHandlers = Pick<
  Handlers,
  'lookupPapers' | 'getCorpusKeys' | 'getCoauthorNames' | 'reportPapersOnPage' | 'corpusStatus' | 'getLibrary'
>;

/** What pages and the extension's own pages ask about the corpus. */
function corpusHandlers(ready: Ready, tabCounts: TabPaperCounts, env: HandlerEnvironment): CorpusHandlers {
  return {
    async lookupPapers(data) {
      const request = parse(LookupRequestSchema, 'lookupPapers', data);
      return lookupPapers(await ready(), request);
    },
    getCorpusKeys: async () => corpusKeys(await ready()),
    getCoauthorNames: async () => coauthorNames(await ready()),
    getLibrary: async () => readLibrary(await ready()),
    async reportPapersOnPage(data, sender) {
      const { ids } = parse(PapersOnPageRequestSchema, 'reportPapersOnPage', data);
      const tabId = sender.tab?.id;
      return tabId === undefined ? 0 : tabCounts.report(tabId, sender.frameId ?? 0, ids);
    },
    async corpusStatus() {
      const db = await ready();
      const [papers, coauthors, readingList, hash] = await Promise.all([
        db.count('papers'),
        db.count('coauthors'),
        db.count('readingList'),
        getMeta(db.transaction('meta').store, 'corpusHash'),
      ]);
      const bundledCorpusError = env.bundledCorpusError();
      return {
        papers,
        coauthors,
        readingList,
        corpusHash: hash ?? null,
        schemaVersion: DB_VERSION,
        bundledCorpusError,
      };
    },
  };
}

type ReadingListHandlers = Pick<
  Handlers,
  | 'getReadingList'
  | 'saveToReadingList'
  | 'removeFromReadingList'
  | 'updateReadingListEntry'
  | 'restoreReadingListEntry'
  | 'importReadingList'
>;

/** The reading list's reads and writes; every write tells open pages. */
function readingListHandlers(ready: Ready, env: HandlerEnvironment): ReadingListHandlers {
  /** Edits beyond save/unsave (notes, restore, import) are for the extension's own pages only. */
  const ownPagesOnly = (type: string, sender: MessageSender) => {
    if (!env.fromExtensionPage(sender)) throw new BadRequestError(`${type} is only accepted from Paperlens pages`);
  };
  const changed = async <T>(write: Promise<T>): Promise<T> => {
    const result = await write;
    env.readingListChanged();
    return result;
  };
  return {
    getReadingList: async () => listEntries(await ready()),
    async saveToReadingList(data) {
      const request = parse(SaveRequestSchema, 'saveToReadingList', data);
      return changed(saveEntry(await ready(), request));
    },
    async removeFromReadingList(data) {
      const { id } = parse(IdRequestSchema, 'removeFromReadingList', data);
      return changed(removeEntry(await ready(), id));
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
  };
}
