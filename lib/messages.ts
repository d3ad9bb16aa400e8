import { defineExtensionMessaging } from '@webext-core/messaging';
import type {
  CorpusKeys,
  CorpusStatus,
  IdRequest,
  IdsRequest,
  ImportRequest,
  ImportSummary,
  Library,
  ListingAuthorsRequest,
  ListingAuthorsResponse,
  ListRequest,
  LookupRequest,
  LookupResponse,
  OpenPageRequest,
  PapersOnPageRequest,
  ReadingListEntry,
  SaveRequest,
  UpdateEntryRequest,
  UpdateOutcome,
} from './message-schemas';

/**
 * The one message contract. Only the background answers; it validates each
 * request with the schema of the same name in `message-schemas.ts`.
 */
export interface ProtocolMap {
  /** Batched: all ids and candidate titles of one scan → the corpus papers among them. */
  lookupPapers(request: LookupRequest): LookupResponse;
  /**
   * The corpus papers' ids and normalized titles, so a content script can tell
   * corpus links (by URL or by text) from the rest before it asks about them.
   */
  getCorpusKeys(): CorpusKeys;
  /** Batched: an arXiv listing's entries → the followed authors and their coauthors on each (for chips). */
  matchListingAuthors(request: ListingAuthorsRequest): ListingAuthorsResponse;
  /** A frame reports the corpus papers it links to; the toolbar icon shows the tab's count. */
  reportPapersOnPage(request: PapersOnPageRequest): number;
  corpusStatus(): CorpusStatus;
  getLibrary(): Library;
  /** The reading list, most recently saved first: all of it, or one page. */
  getReadingList(request?: ListRequest): ReadingListEntry[];
  /** The saved entries among some ids (what another page just changed). */
  getReadingListEntries(request: IdsRequest): ReadingListEntry[];
  saveToReadingList(request: SaveRequest): ReadingListEntry;
  /** Removes a saved paper (kept aside a while, so it can be undone by id); the removed entry, or null. */
  removeFromReadingList(request: IdRequest): ReadingListEntry | null;
  /** Undoes the latest remove of a paper, from any page; the entry back, or null when there is nothing to undo. */
  undoRemoveFromReadingList(request: IdRequest): ReadingListEntry | null;
  updateReadingListEntry(request: UpdateEntryRequest): UpdateOutcome;
  /** Merges imported entries into the reading list in one transaction. */
  importReadingList(request: ImportRequest): ImportSummary;
  /** Opens an extension page (insights, reading list, options) in a new tab. */
  openExtensionPage(request: OpenPageRequest): void;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
