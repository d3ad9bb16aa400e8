// The whole library's insights as last worked out: reading every paper takes seconds at 20k papers, so they are kept per revision.
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import type { InsightsData } from './insights-data';

/** Where the library's insights are kept between requests (and worker restarts), by revision. */
export interface InsightsCache {
  get(revision: string): Promise<InsightsData | null>;
  set(revision: string, data: InsightsData): Promise<void>;
}

interface Entry {
  revision: string;
  shape: number;
  data: InsightsData;
}

/** Bump with any change to `InsightsData` or its limits: an entry an earlier version kept is then never served. */
const SHAPE = 1;

let item: WxtStorageItem<Entry | null, Record<string, unknown>> | undefined;
// Defined on first use: defining an item reads the browser's storage, which benches in plain node do not have.
// One entry, a few hundred kilobytes at most: the latest revision's "everyone" (one author's view reads only their papers).
const entry = () => {
  item ??= storage.defineItem<Entry | null>('local:insightsCache', { fallback: null });
  return item;
};

/** The cache in `browser.storage.local`, so a restarted worker still answers at once. */
export const storedInsights: InsightsCache = {
  async get(revision) {
    const hit = await entry().getValue();
    return hit?.revision === revision && hit.shape === SHAPE ? hit.data : null;
  },
  set: (revision, data) => entry().setValue({ revision, shape: SHAPE, data }),
};

/** No cache: every request works the insights out (benches, and tests of the work itself). */
export const noInsightsCache: InsightsCache = {
  get: async () => null,
  set: async () => {},
};
