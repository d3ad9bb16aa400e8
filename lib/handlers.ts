import type { z } from 'zod';
import { readLibrary, readLibraryOverview, readPapers } from './corpus/lookup';
import { createLookupCache } from './corpus/lookup-cache';
import { DB_VERSION, getMeta, type PaperlensDatabase } from './db';
import type { DbConnection } from './db-connection';
import { readInsights } from './insights/insights-data';
import { hashForPaper } from './insights/paper-hash';
import { type LibraryEnvironment, libraryHandlers, notifyingChanges } from './library/handlers';
import { createListingAuthors } from './library/listing-authors';
import { createLibrarySearch, currentRevision } from './library/search-index';
import { createStaging } from './library/staging';
import type { LibraryOverview } from './message-schemas';
import {
  IdRequestSchema,
  IdsRequestSchema,
  ImportRequestSchema,
  InsightsRequestSchema,
  ListingAuthorsRequestSchema,
  ListRequestSchema,
  LookupRequestSchema,
  OpenPageRequestSchema,
  PapersOnPageRequestSchema,
  PapersRequestSchema,
  SaveRequestSchema,
  SearchRequestSchema,
  UpdateEntryRequestSchema,
} from './message-schemas';
import type { ProtocolMap } from './messages';
import { createRateLimit } from './rate-limit';
import { importReadingList, parseReadingListFile } from './reading-list/import';
import { getEntries, listEntries, removeEntry, saveEntry, undoRemove, updateEntry } from './reading-list/store';
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
  /** Called after every change to the reading list, with the ids it changed (null: many), so open pages update. */
  readingListChanged(ids: readonly string[] | null): void;
  /** Why the bundled corpus was rejected at the last start, or null. */
  bundledCorpusError(): string | null;
  /** Whether a message comes from one of the extension's own pages (not a content script in a web page). */
  fromExtensionPage(sender: MessageSender): boolean;
  /** The library's imports, arXiv refresh and derived data. */
  library: LibraryEnvironment;
}

export const NO_ENVIRONMENT: HandlerEnvironment = {
  openTab: () => Promise.reject(new Error('opening pages is not available here')),
  readingListChanged: () => {},
  bundledCorpusError: () => null,
  fromExtensionPage: (sender) => sender.tab === undefined,
  library: {
    staging: createStaging(),
    refresh: {
      queue: () => Promise.reject(new Error('arXiv is not reachable here')),
      forget: async () => {},
    },
    ...notifyingChanges(() => {}),
    markSeen: async () => {},
  },
};

/**
 * What a content script in a web page may ask: look papers up, report them,
 * relate an abstract page's paper to the library, save, remove and undo a
 * remove from a card, open an extension page. Reading
 * the whole list, editing notes and importing are for Paperlens's own pages.
 */
const FROM_WEB_PAGES: ReadonlySet<keyof ProtocolMap> = new Set([
  'lookupPapers',
  'getLibraryFilter',
  'matchListingAuthors',
  'relatePaper',
  'reportPapersOnPage',
  'saveToReadingList',
  'removeFromReadingList',
  'undoRemoveFromReadingList',
  'openExtensionPage',
] as const);

/**
 * The message handlers, over a database that is ready (opened and seeded).
 * Each one reads the same way: validate the request, delegate to the module
 * that owns the data, notify whoever needs to know.
 */
export function createHandlers(
  db: DbConnection,
  tabCounts: TabPaperCounts = new TabPaperCounts(),
  env: HandlerEnvironment = NO_ENVIRONMENT,
): Handlers {
  const corpus = corpusHandlers(db, tabCounts, env);
  // The filter pages get and the lookups' keys and summaries are read again after any change, a refresh's too.
  env.library.onChanged(corpus.keysChanged);
  const readingListChanged = (ids: readonly string[] | null) => {
    corpus.savedChanged(ids);
    env.readingListChanged(ids);
  };
  const handlers: Handlers = {
    ...corpus.handlers,
    ...readingListHandlers(db, { ...env, readingListChanged }),
    ...libraryHandlers(db, env.library, parse),
    ...pageHandlers(env),
  };
  for (const type of Object.keys(handlers) as (keyof ProtocolMap)[]) {
    if (FROM_WEB_PAGES.has(type)) continue;
    const handle = handlers[type] as (data: unknown, sender: MessageSender) => Promise<unknown>;
    (handlers as Record<string, typeof handle>)[type] = async (data, sender) => {
      if (!env.fromExtensionPage(sender)) throw new BadRequestError(`${type} is only accepted from Paperlens pages`);
      return handle(data, sender);
    };
  }
  return handlers;
}

/** Opening Paperlens's own pages, which a page's card asks for on the user's click. */
function pageHandlers(env: HandlerEnvironment): Pick<Handlers, 'openExtensionPage'> {
  // A page's card opens extension pages only on the user's click; this caps what a page could do past that.
  const opensFromPages = createRateLimit(3, 60_000);
  return {
    async openExtensionPage(data, sender) {
      const { page, paperId } = parse(OpenPageRequestSchema, 'openExtensionPage', data);
      if (!env.fromExtensionPage(sender) && !opensFromPages.allow(sender.tab?.id ?? -1)) {
        throw new BadRequestError('Paperlens opens at most 3 of its pages a minute from a web page.');
      }
      await env.openTab(`/${page}.html${paperId ? hashForPaper(paperId) : ''}`);
    },
  };
}

type CorpusHandlers = Pick<
  Handlers,
  | 'lookupPapers'
  | 'getLibraryFilter'
  | 'matchListingAuthors'
  | 'reportPapersOnPage'
  | 'corpusStatus'
  | 'getLibrary'
  | 'getLibraryOverview'
  | 'searchLibrary'
  | 'getPapers'
  | 'getInsights'
>;

/** What pages and the extension's own pages ask about the library's papers. */
function corpusHandlers(db: DbConnection, tabCounts: TabPaperCounts, env: HandlerEnvironment) {
  // Keys, summaries and saved state in memory: most lookups read nothing (lib/corpus/lookup-cache.ts, #14).
  const lookups = createLookupCache(db);
  const search = createLibrarySearch(db, undefined, lookups.lookup);
  // Coauthors indexed in memory per library revision: a listing names hundreds of common family names.
  const listingAuthors = createListingAuthors(db);
  let overview: { revision: string; value: Promise<LibraryOverview> } | undefined;
  const handlers: CorpusHandlers = {
    async lookupPapers(data) {
      return lookups.lookup(parse(LookupRequestSchema, 'lookupPapers', data));
    },
    // Read once, until the library changes.
    getLibraryFilter: () => lookups.filter(),
    async matchListingAuthors(data) {
      return listingAuthors(parse(ListingAuthorsRequestSchema, 'matchListingAuthors', data));
    },
    getLibrary: () => db.run(readLibrary),
    // Kept while the library and its derived data stay as they are: counting 500 authors' papers holds up other reads.
    async getLibraryOverview() {
      const { revision } = await db.run(currentRevision);
      if (overview?.revision !== revision) overview = { revision, value: db.run(readLibraryOverview) };
      return overview.value.catch((error: unknown) => {
        overview = undefined;
        throw error;
      });
    },
    async searchLibrary(data) {
      return search.search(parse(SearchRequestSchema, 'searchLibrary', data));
    },
    async getPapers(data) {
      const { ids } = parse(PapersRequestSchema, 'getPapers', data);
      return db.run((open) => readPapers(open, ids));
    },
    async getInsights(data) {
      const { authorId } = parse(InsightsRequestSchema, 'getInsights', data);
      return db.run((open) => readInsights(open, authorId));
    },
    async reportPapersOnPage(data, sender) {
      const { ids, part } = parse(PapersOnPageRequestSchema, 'reportPapersOnPage', data);
      const tabId = sender.tab?.id;
      // The paper-page script's report stands beside the content script's of the same frame, not over it.
      const frame = part === 'page' ? `${sender.frameId ?? 0}:page` : (sender.frameId ?? 0);
      return tabId === undefined ? 0 : tabCounts.report(tabId, frame, ids);
    },
    async corpusStatus() {
      const [papers, coauthors, readingList, hash] = await db.run((open) =>
        Promise.all([
          open.count('papers'),
          countCoauthors(open),
          open.count('readingList'),
          getMeta(open.transaction('meta').store, 'corpusHash'),
        ]),
      );
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
  return { handlers, keysChanged: lookups.libraryChanged, savedChanged: lookups.readingListChanged };
}

type ReadingListHandlers = Pick<
  Handlers,
  | 'getReadingList'
  | 'saveToReadingList'
  | 'removeFromReadingList'
  | 'undoRemoveFromReadingList'
  | 'getReadingListEntries'
  | 'updateReadingListEntry'
  | 'importReadingList'
>;

/** The reading list's reads and writes; every write tells open pages which papers it changed. */
function readingListHandlers(db: DbConnection, env: HandlerEnvironment): ReadingListHandlers {
  const changed = async <T>(ids: readonly string[] | null, write: Promise<T>): Promise<T> => {
    const result = await write;
    env.readingListChanged(ids);
    return result;
  };
  return {
    async getReadingList(data) {
      const page = parse(ListRequestSchema, 'getReadingList', data);
      return db.run((open) => listEntries(open, page));
    },
    async getReadingListEntries(data) {
      const { ids } = parse(IdsRequestSchema, 'getReadingListEntries', data);
      return db.run((open) => getEntries(open, ids));
    },
    async saveToReadingList(data) {
      const request = parse(SaveRequestSchema, 'saveToReadingList', data);
      return changed(
        [request.id],
        db.run((open) => saveEntry(open, request)),
      );
    },
    async removeFromReadingList(data) {
      const { id } = parse(IdRequestSchema, 'removeFromReadingList', data);
      return changed(
        [id],
        db.run((open) => removeEntry(open, id)),
      );
    },
    async undoRemoveFromReadingList(data) {
      const { id } = parse(IdRequestSchema, 'undoRemoveFromReadingList', data);
      return changed(
        [id],
        db.run((open) => undoRemove(open, id)),
      );
    },
    async updateReadingListEntry(data) {
      const { id, base, ...changes } = parse(UpdateEntryRequestSchema, 'updateReadingListEntry', data);
      return changed(
        [id],
        db.run((open) => updateEntry(open, id, changes, base)),
      );
    },
    async importReadingList(data) {
      const { file, importId } = parse(ImportRequestSchema, 'importReadingList', data);
      const parsed = parseReadingListFile(file);
      if (!parsed.ok) throw new BadRequestError(parsed.error);
      return changed(
        null,
        db.run((open) => importReadingList(open, parsed.entries, importId)),
      );
    },
  };
}

/** Coauthors stored, over every followed author's record (the options page's figure; never on a page's path). */
async function countCoauthors(db: PaperlensDatabase): Promise<number> {
  let count = 0;
  for (let cursor = await db.transaction('coauthors').store.openCursor(); cursor; cursor = await cursor.continue()) {
    count += cursor.value.coauthors.length;
  }
  return count;
}
