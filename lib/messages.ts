import { defineExtensionMessaging } from '@webext-core/messaging';
import type { InsightsData } from './insights/insights-data';
import type { LibraryPaper } from './library/schema';
import type {
  AuthorIdRequest,
  CorpusStatus,
  FollowOnArxivRequest,
  IdRequest,
  IdsRequest,
  ImportRequest,
  ImportSummary,
  InsightsRequest,
  Library,
  LibraryImportRequest,
  LibraryImportSummary,
  LibraryOverview,
  LibraryPreview,
  ListingAuthorsRequest,
  ListingAuthorsResponse,
  ListRequest,
  LookupRequest,
  LookupResponse,
  OpenPageRequest,
  PapersOnPageRequest,
  PapersRequest,
  ReadingListEntry,
  RefreshRequest,
  RelatePaperRequest,
  RelatePaperResponse,
  SaveRequest,
  SearchPage,
  SearchRequest,
  StageImportRequest,
  UpdateAuthorRequest,
  UpdateEntryRequest,
  UpdateOutcome,
} from './message-schemas';
import type { LibraryFilterMessage } from './scan/library-filter';

/**
 * The one message contract. Only the background answers; it validates each
 * request with the schema of the same name in `message-schemas.ts`.
 */
export interface ProtocolMap {
  /** Batched: all ids and candidate titles of one scan → the corpus papers among them. */
  lookupPapers(request: LookupRequest): LookupResponse;
  /**
   * The library's filter (fixed greatest size), so a content script can tell
   * links that may be library papers (by URL or by text) from the rest before it asks.
   */
  getLibraryFilter(): LibraryFilterMessage;
  /** Batched: an arXiv listing's entries → the followed authors and their coauthors on each (for chips). */
  matchListingAuthors(request: ListingAuthorsRequest): ListingAuthorsResponse;
  /** An abstract page of a paper outside the library: the followed authors on it, its closest library papers, its novelty. */
  relatePaper(request: RelatePaperRequest): RelatePaperResponse;
  /** A frame reports the corpus papers it links to; the toolbar icon shows the tab's count. */
  reportPapersOnPage(request: PapersOnPageRequest): number;
  corpusStatus(): CorpusStatus;
  getLibrary(): Library;
  /** The followed authors with their paper counts (the library page): its size does not grow with the papers. */
  getLibraryOverview(): LibraryOverview;
  /** The popup's search over the library (or one followed author's papers): one page of results. */
  searchLibrary(request: SearchRequest): SearchPage;
  /** Library records by key, those found (the reading list's papers, for its rows and exports). */
  getPapers(request: PapersRequest): LibraryPaper[];
  /** The insights page's charts and tables, worked out in the background. */
  getInsights(request: InsightsRequest): InsightsData;
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
  /** Library page: keeps a batch of papers read from a file until the import is previewed and committed. */
  stageLibraryImport(request: StageImportRequest): { staged: number };
  /** What committing the staged papers would do; nothing is written. */
  previewLibraryImport(request: LibraryImportRequest): LibraryPreview;
  /** Writes the staged papers into the library, all or nothing. */
  commitLibraryImport(request: LibraryImportRequest): LibraryImportSummary;
  /** Renames a followed author, merges name variants, recolours. */
  updateFollowedAuthor(request: UpdateAuthorRequest): void;
  /** Unfollows: their papers no other followed author shares leave the library (never the reading list). */
  unfollowAuthor(request: AuthorIdRequest): { removedPapers: number };
  /** Follows an author on arXiv and fetches their papers (the host permission was granted at the click). */
  followOnArxiv(request: FollowOnArxivRequest): { authorId: string };
  /** Fetches new papers of followed authors from arXiv now. */
  refreshFromArxiv(request: RefreshRequest): { queued: number };
  /** The popup showed the papers new since the last refresh: they are no longer marked new. */
  markLibrarySeen(): void;
  /** The library as a Paperlens library file (JSON text). */
  exportLibrary(): string;
  /** Opens an extension page (insights, reading list, options) in a new tab. */
  openExtensionPage(request: OpenPageRequest): void;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
