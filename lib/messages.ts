import { defineExtensionMessaging } from '@webext-core/messaging';
import type {
  CorpusStatus,
  IdRequest,
  Library,
  LookupRequest,
  LookupResponse,
  ReadingListEntry,
  SaveRequest,
  UpdateEntryRequest,
} from './message-schemas';

/**
 * The one message contract. Only the background answers; it validates each
 * request with the schema of the same name in `message-schemas.ts`.
 */
export interface ProtocolMap {
  /** Batched: all ids and candidate titles of one scan → the corpus papers among them. */
  lookupPapers(request: LookupRequest): LookupResponse;
  corpusStatus(): CorpusStatus;
  getLibrary(): Library;
  getReadingList(): ReadingListEntry[];
  saveToReadingList(request: SaveRequest): ReadingListEntry;
  removeFromReadingList(request: IdRequest): ReadingListEntry | null;
  updateReadingListEntry(request: UpdateEntryRequest): ReadingListEntry;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
