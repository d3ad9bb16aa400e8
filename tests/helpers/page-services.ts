import { vi } from 'vitest';
import type { PaperPageServices } from '../../components/page/annotate-paper';
import type { RelatePaperResponse } from '../../lib/message-schemas';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/model';
import { corpusFilterMessage, recordingLookup } from './papers';

export const OFF_HERE: Settings = { ...DEFAULT_SETTINGS, disabledSites: ['blog.example'] };

/** Nothing in the library is like the paper. */
export const UNRELATED: RelatePaperResponse = {
  inLibrary: false,
  followed: [],
  closest: [],
  novelty: { similarity: null, closestId: null },
};

/** The page scripts' services over a recording lookup, with settings and reading-list changes the test drives. */
export function services(initial: Settings) {
  const { requests, lookup } = recordingLookup();
  let listener: ((settings: Settings) => void) | null = null;
  let readingListListener: ((ids: readonly string[] | null) => void) | null = null;
  const page: PaperPageServices = {
    lookup,
    libraryFilter: vi.fn(async () => corpusFilterMessage),
    listingAuthors: vi.fn(async ({ entries }) => ({
      entries: entries.map(() => ({ followed: [], coauthors: [], inLibrary: false })),
    })),
    reportPapers: vi.fn(async () => undefined),
    save: vi.fn(async () => undefined),
    saveOther: vi.fn(async () => undefined),
    relate: vi.fn(async () => UNRELATED),
    unsave: vi.fn(async () => null),
    undoRemove: vi.fn(async () => null),
    settings: async () => initial,
    watchSettings: (next) => {
      listener = next;
      return () => {
        listener = null;
      };
    },
    watchReadingList: (next) => {
      readingListListener = next;
      return () => {
        readingListListener = null;
      };
    },
  };
  const change = (settings: Settings) => listener?.(settings);
  const readingListChanged = (ids: readonly string[] | null = null) => readingListListener?.(ids);
  const listening = () => readingListListener !== null;
  return { page, requests, change, readingListChanged, listening };
}
