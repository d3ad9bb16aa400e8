/**
 * `npx tsx tests/bench/lookup.bench.ts`: the background's batched lookup at scale, in node over fake-indexeddb.
 * For each size (BENCH_LOOKUP_SIZES, default 20000,100000 generated papers, with derived data filled in as the
 * background leaves it) it times LOOKUPS rounds of the scale bench's 200 candidates (100 library ids, 50 other
 * ids, 50 titles of which half the library's) answered by reading by index (`lookupPapers`) and by the cache
 * (`createLookupCache`), cold (every paper new to it) and warm (the same rounds again), and counts the IndexedDB
 * requests each makes: in Chromium each costs ~0.1 ms, which fake-indexeddb's times do not show. It also prints
 * the memory the cache keeps: the library's keys, and summaries per paper.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readLibraryKeys } from '../../lib/corpus/library-keys';
import { lookupPapers } from '../../lib/corpus/lookup';
import { createLookupCache, KEPT_SUMMARIES } from '../../lib/corpus/lookup-cache';
import { openPaperlensDb, type PaperlensDatabase } from '../../lib/db';
import type { LibraryPaper } from '../../lib/library/schema';
import type { LookupRequest } from '../../lib/message-schemas';
import { generateLibrary, type ScaleLibrary } from '../scale/generate';
import { median } from './stats';

const SIZES = (process.env.BENCH_LOOKUP_SIZES ?? '20000,100000').split(',').map(Number);
const LOOKUPS = 40;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};

/** Every request a lookup makes, counted where fake-indexeddb makes them. */
let requests = 0;
for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as unknown as Record<string, unknown>[]) {
  for (const name of ['get', 'getKey', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor']) {
    const original = proto[name] as ((...args: unknown[]) => unknown) | undefined;
    if (!original) continue;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      requests++;
      return original.apply(this, args);
    };
  }
}

/** A generated paper as the background leaves it once derived data is worked out (figures, titles, coauthors). */
function derived(papers: LibraryPaper[], i: number): LibraryPaper {
  const paper = papers[i]!;
  const other = (k: number) => papers[(i * 13 + k) % papers.length]!;
  return {
    ...paper,
    novelty: { score: 0.5, closestEarlierId: other(7).id, similarity: 0.4, closestEarlierTitle: other(7).displayTitle },
    related: [1, 2, 3].map((k) => ({ id: other(k).id, similarity: 0.3, title: other(k).displayTitle })),
    coauthors: paper.followedAuthorIds.flatMap((authorId) =>
      paper.authors.slice(0, 8).map((name) => ({ name, sharedPapers: 3, authorId })),
    ),
  };
}

async function fill(library: ScaleLibrary): Promise<PaperlensDatabase> {
  const db = await openPaperlensDb(new IDBFactory());
  const tx = db.transaction(['authors', 'meta'], 'readwrite');
  for (const author of library.authors) void tx.objectStore('authors').put(author);
  void tx.objectStore('meta').put({ key: 'libraryRevision', value: 1 });
  void tx.objectStore('meta').put({ key: 'derivedRevision', value: 1 });
  await tx.done;
  for (let i = 0; i < library.papers.length; i += 2000) {
    const batch = db.transaction('papers', 'readwrite');
    for (let k = i; k < Math.min(i + 2000, library.papers.length); k++) {
      void batch.store.put(derived(library.papers, k));
    }
    await batch.done;
  }
  return db;
}

/** The scale bench's candidates (tests/bench/scale.bench.ts): 100 library ids, 50 other ids, 50 titles. */
function candidates(library: ScaleLibrary, round: number): LookupRequest {
  const papers = library.papers.filter((p) => !p.id.startsWith('doi:'));
  const pick = (k: number) => papers[(round * 7919 + k * 104729) % papers.length]!;
  const ids = Array.from({ length: 100 }, (_, k) => pick(k).id);
  const others = Array.from(
    { length: 50 },
    (_, k) => `1${k % 10}0${1 + (k % 9)}.${String(round * 50 + k).padStart(5, '0')}`,
  );
  const titles = Array.from({ length: 50 }, (_, k) =>
    k % 2 ? `a title no library holds ${round} ${k}` : pick(k + 100).normalizedTitle,
  );
  return { ids: [...ids, ...others], dois: [], titles };
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? Number.NaN;

/** LOOKUPS rounds through `lookup`: times, requests per round and papers found, as one table row. */
async function rounds(
  label: string,
  library: ScaleLibrary,
  lookup: (r: LookupRequest) => Promise<{ papers: unknown[] }>,
  { twice = false } = {},
) {
  const times: number[] = [];
  const counts: number[] = [];
  let found = 0;
  for (let round = 0; round < LOOKUPS; round++) {
    const request = candidates(library, round);
    if (twice) await lookup(request);
    const before = requests;
    const start = performance.now();
    found = (await lookup(request)).papers.length;
    times.push(performance.now() - start);
    counts.push(requests - before);
  }
  const fmt = (x: number) => x.toFixed(1).padStart(6);
  console.log(
    `  ${label.padEnd(30)} ${fmt(median(times))} / ${fmt(percentile(times, 0.95))} ms   ${String(median(counts)).padStart(4)} requests   ${found} found`,
  );
}

async function measure(n: number): Promise<void> {
  const library = generateLibrary({ papers: n });
  const db = await fill(library);
  console.log(
    `\n${n.toLocaleString('en')} papers (fake-indexeddb; p50 / p95 of ${LOOKUPS}, IndexedDB requests a lookup)`,
  );
  await rounds('by index (lookupPapers)', library, (r) => lookupPapers(db, r));
  const connection = { run: <T>(work: (open: PaperlensDatabase) => Promise<T>) => work(db) };
  let base = heapMb();
  let start = performance.now();
  const keys = await readLibraryKeys(db);
  const readMs = performance.now() - start;
  console.log(`  the library's keys: read in ${(readMs / 1000).toFixed(1)} s, ${(heapMb() - base).toFixed(1)} MB kept`);
  const cache = createLookupCache(connection);
  start = performance.now();
  await cache.filter();
  console.log(`  the cache's keys and filter: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  base = heapMb();
  await rounds('cache, cold (new papers)', library, (r) => cache.lookup(r));
  const perSummary = ((heapMb() - base) * 1e3) / Math.min(KEPT_SUMMARIES, LOOKUPS * 125);
  console.log(
    `  summaries kept: ${perSummary.toFixed(2)} KB each, ${((perSummary * KEPT_SUMMARIES) / 1e3).toFixed(1)} MB when full`,
  );
  await rounds('cache, warm (asked again)', library, (r) => cache.lookup(r), { twice: true });
  await rounds('cache, misses only', library, (r) => cache.lookup({ ...r, ids: r.ids.slice(100), titles: [] }));
  await rounds('by index, misses only', library, (r) => lookupPapers(db, { ...r, ids: r.ids.slice(100), titles: [] }));
  void keys;
}

console.log('The batched lookup of 200 candidates, in node');
for (const n of SIZES) await measure(n);
