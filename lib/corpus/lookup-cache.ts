import { getMeta, type PaperlensDatabase } from '../db';
import type { DbConnection } from '../db-connection';
import { withDerived } from '../library/derived-store';
import type { FollowedAuthor } from '../library/schema';
import type { LookupRequest, LookupResponse, PaperSummary } from '../message-schemas';
import type { LibraryFilterMessage } from '../scan/library-filter';
import {
  filterOf,
  type LibraryKeys,
  readLibraryKeys,
  readStoredFilter,
  resolveCandidates,
  storeFilter,
} from './library-keys';
import { lookupPapers, readSummaryContext, summarize } from './lookup';

/** Summaries kept (~4 KB of heap each, so ~8 MB full, measured in tests/bench/lookup.bench.ts): papers asked again. */
export const KEPT_SUMMARIES = 2_000;

/** The library's revisions a kept summary was made at: any change to either makes it stale. */
interface Revisions {
  library: number | undefined;
  derived: number | undefined;
}

/** What the background answers pages' lookups and filter requests with. */
export interface LookupCache {
  lookup(request: LookupRequest): Promise<LookupResponse>;
  filter(): Promise<LibraryFilterMessage>;
  /** After any change to the library (the library service's `onChanged`). */
  libraryChanged(): void;
  /** After a reading-list write, with the ids it changed (null: many). */
  readingListChanged(ids: readonly string[] | null): void;
}

/**
 * Lookups answered from memory where it can be trusted: the library's keys
 * (shared with the pages' filter), so a link that names no library paper
 * costs no IndexedDB request; the last {@link KEPT_SUMMARIES} summaries, so a
 * paper asked again costs none either; the followed authors and the reading
 * list's keys. Until the keys are read (a few seconds at 100k papers) lookups
 * read by index as before (`lookupPapers`).
 *
 * Kept summaries are checked against `libraryRevision` and `derivedRevision`,
 * read in the transaction that reads anything else; while the two are equal
 * (derived data worked out) a later change shows first as `libraryChanged`,
 * so an answer all from memory reads nothing.
 */
export function createLookupCache(db: DbConnection, keep = KEPT_SUMMARIES): LookupCache {
  const kept: Kept = { keys: keptKeys(db), summaries: keptSummaries(keep), saved: keptSaved() };
  return {
    async lookup(request) {
      const known = kept.keys.now();
      if (!known) return db.run((open) => lookupPapers(open, request));
      const ids = resolveCandidates(known, request);
      if (!ids.length) return { papers: [] };
      return fromMemory(kept, known, ids) ?? db.run((open) => readAndAnswer(kept, open, { known, ids, request }));
    },
    filter: () => kept.keys.filter(),
    libraryChanged: () => {
      kept.keys.drop();
      kept.summaries.reset(null);
    },
    readingListChanged: (ids) => kept.saved.changed(ids),
  };
}

interface Kept {
  keys: ReturnType<typeof keptKeys>;
  summaries: ReturnType<typeof keptSummaries>;
  saved: ReturnType<typeof keptSaved>;
}

/** The answer when every paper it names is kept and nothing may have changed since; else null. */
function fromMemory({ summaries, saved }: Kept, known: LibraryKeys, ids: readonly string[]): LookupResponse | null {
  const savedNow = saved.now();
  if (!savedNow || !summaries.settledAt(known.revision)) return null;
  const papers: PaperSummary[] = [];
  for (const id of ids) {
    const summary = summaries.get(id);
    if (!summary) return null;
    papers.push({ ...summary, saved: savedNow.has(id) });
  }
  return { papers };
}

/**
 * One transaction: the revisions, the papers not kept, and the authors and the
 * reading list if not kept, asked for at once; the kept summaries' papers are
 * read too when the revisions moved (derived data worked out) or the cache was
 * reset meanwhile, and then nothing this lookup made is kept.
 */
async function readAndAnswer(
  { keys, summaries, saved }: Kept,
  open: PaperlensDatabase,
  { known, ids, request }: { known: LibraryKeys; ids: readonly string[]; request: LookupRequest },
): Promise<LookupResponse> {
  const tx = open.transaction(['papers', 'derived', 'authors', 'coauthors', 'readingList', 'meta']);
  const papers = tx.objectStore('papers');
  const derived = tx.objectStore('derived');
  // A paper and its derived record asked for together: one round of requests.
  const read = (wanted: readonly string[]) =>
    Promise.all(
      wanted.map(async (id) => {
        const [paper, record] = await Promise.all([papers.get(id), derived.get(id)]);
        return paper && withDerived(paper, record);
      }),
    );
  const began = summaries.epoch();
  const cached = keptAmong(summaries, ids);
  const [revisions, records, authors, savedKeys] = await Promise.all([
    readRevisions(tx.objectStore('meta')),
    read(ids.filter((id) => !cached.has(id))),
    summaries.authors() ?? readAuthors(tx.objectStore('authors')),
    saved.read(tx.objectStore('readingList')),
  ]);
  if (revisions.library !== known.revision) {
    // The library changed before its hook ran: forget it all and read this one by index.
    await tx.done;
    keys.drop();
    summaries.reset(null);
    return lookupPapers(open, request);
  }
  const disturbed = summaries.epoch() !== began;
  const stale = disturbed || !summaries.at(revisions);
  if (stale && !disturbed) summaries.reset(revisions);
  if (stale && cached.size) {
    records.push(...(await read([...cached.keys()])));
    cached.clear();
  }
  const epoch = summaries.epoch();
  const found = records.filter((paper) => paper !== undefined);
  const context = await readSummaryContext(tx, found, { authors, saved: savedKeys });
  await tx.done;
  const fresh = found.map((paper) => summarize(paper, context));
  if (!disturbed) summaries.keep(epoch, fresh, authors);
  for (const summary of fresh) cached.set(summary.id, summary);
  return {
    papers: ids.flatMap((id) => {
      const summary = cached.get(id);
      return summary ? [{ ...summary, saved: savedKeys.has(id) }] : [];
    }),
  };
}

function keptAmong(summaries: Kept['summaries'], ids: readonly string[]): Map<string, PaperSummary> {
  const cached = new Map<string, PaperSummary>();
  for (const id of ids) {
    const summary = summaries.get(id);
    if (summary) cached.set(id, summary);
  }
  return cached;
}

async function readRevisions(meta: Parameters<typeof getMeta>[0]): Promise<Revisions> {
  const [library, derived] = await Promise.all([getMeta(meta, 'libraryRevision'), getMeta(meta, 'derivedRevision')]);
  return { library, derived };
}

async function readAuthors(store: { getAll(): Promise<FollowedAuthor[]> }): Promise<Map<string, FollowedAuthor>> {
  return new Map((await store.getAll()).map((author) => [author.id, author]));
}

/** The library's keys, read once (in full: a few seconds at 100k papers) and kept until the library changes. */
function keptKeys(db: DbConnection) {
  // Bumped by every drop, so a read begun before it is not kept.
  let epoch = 0;
  let ready: LibraryKeys | null = null;
  let loading: Promise<LibraryKeys> | null = null;
  let filter: Promise<LibraryFilterMessage> | null = null;
  const load = (): Promise<LibraryKeys> => {
    if (loading) return loading;
    const at = epoch;
    const read = db.run(readLibraryKeys).then((read) => {
      if (epoch === at) ready = read;
      return read;
    });
    loading = read;
    read.catch(() => {
      if (loading === read) loading = null;
    });
    return read;
  };
  return {
    /** The keys if in memory; else null, and they are being read (lookups read by index meanwhile). */
    now(): LibraryKeys | null {
      if (!ready) load().catch((error: unknown) => console.error('[paperlens] library keys', error));
      return ready;
    },
    filter(): Promise<LibraryFilterMessage> {
      if (filter) return filter;
      const built = db.run(readStoredFilter).then(async (stored) => {
        if (stored) return stored;
        const keys = await load();
        const made = filterOf(keys);
        // Not stored (a full disk, say): built again at the next start, never a reason to fail the page.
        db.run((open) => storeFilter(open, keys.revision, made)).catch((error: unknown) =>
          console.error('[paperlens] library filter', error),
        );
        return made;
      });
      filter = built;
      built.catch(() => {
        if (filter === built) filter = null;
      });
      return built;
    },
    drop() {
      epoch++;
      ready = null;
      loading = null;
      filter = null;
    },
  };
}

/** The last summaries made, least recently asked for dropped first, with the followed authors they were made with. */
function keptSummaries(limit: number) {
  let epoch = 0;
  let revisions: Revisions | null = null;
  let authors: ReadonlyMap<string, FollowedAuthor> | null = null;
  const kept = new Map<string, PaperSummary>();
  return {
    epoch: () => epoch,
    authors: () => authors,
    at: (r: Revisions) => revisions !== null && revisions.library === r.library && revisions.derived === r.derived,
    /** Made at this library revision with its derived data worked out: nothing changes them but a library change. */
    settledAt: (library: number | undefined) =>
      revisions !== null && revisions.library === library && revisions.derived === library,
    get(id: string): PaperSummary | undefined {
      const summary = kept.get(id);
      if (summary) {
        kept.delete(id);
        kept.set(id, summary);
      }
      return summary;
    },
    /** Keeps what a lookup made, unless they were reset since it began. */
    keep(at: number, made: readonly PaperSummary[], madeWith: ReadonlyMap<string, FollowedAuthor>) {
      if (at !== epoch) return;
      authors ??= madeWith;
      for (const summary of made) kept.set(summary.id, summary);
      for (const id of kept.keys()) {
        if (kept.size <= limit) break;
        kept.delete(id);
      }
    },
    reset(next: Revisions | null) {
      epoch++;
      revisions = next;
      authors = null;
      kept.clear();
    },
  };
}

/** The reading list's keys, read once; a write marks the ids it changed, read again by key on the next lookup. */
function keptSaved() {
  let version = 0;
  let keys: Set<string> | null = null;
  const stale = new Set<string>();
  return {
    now: (): ReadonlySet<string> | null => (keys && stale.size === 0 ? keys : null),
    changed(ids: readonly string[] | null) {
      version++;
      if (ids === null) {
        keys = null;
        stale.clear();
      } else for (const id of ids) stale.add(id);
    },
    async read(store: {
      getAllKeys(): Promise<string[]>;
      getKey(id: string): Promise<string | undefined>;
    }): Promise<ReadonlySet<string>> {
      const at = version;
      if (!keys) {
        const all = new Set(await store.getAllKeys());
        if (at === version) {
          keys = all;
          stale.clear();
        }
        return all;
      }
      const ids = [...stale];
      const present = await Promise.all(ids.map((id) => store.getKey(id)));
      // A write landed meanwhile: answer with what was read, keep nothing (its ids are marked again).
      const into = at === version ? keys : new Set(keys);
      ids.forEach((id, i) => {
        if (present[i] === undefined) into.delete(id);
        else into.add(id);
        if (at === version) stale.delete(id);
      });
      return into;
    },
  };
}
