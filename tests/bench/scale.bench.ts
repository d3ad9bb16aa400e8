/**
 * `npx tsx tests/bench/scale.bench.ts` (part of `npm run bench`): the library at scale, in the real
 * extension in Debian's Chromium. For each size (BENCH_SCALE_SIZES, default 1000,20000,100000 papers over 500
 * followed authors, from the seeded generator in tests/scale/generate.ts) it follows the authors (a library
 * file), then imports the papers from an arXiv JSON Lines snapshot through the library page, as a user would,
 * and prints one table:
 * - import: file chosen → preview shown → imported (end to end), the longest task on the library page meanwhile,
 *   and the extension process's peak resident memory (its worker and pages); its floor: the kept papers written
 *   once, in one transaction, into a scratch store with the papers store's indexes;
 * - derived data: imported → novelty, related papers and coauthors ready;
 * - what a page receives (the library filter, bytes of its message) and a batched lookup of 200 candidates
 *   (half library papers), round trip from an extension page, p50 / p95 of 40, once the background has
 *   prepared the popup's search and the insights (as it does after derived data); its floor: such candidates'
 *   records read straight from IndexedDB in the page, and an empty lookup's round trip;
 * - search (tests/bench/scale-search.ts): the background's index built on the first search, keystrokes answered
 *   (every prefix of a dozen queries, round trip, p50 / p95; its floor: a page of 20 papers' records read
 *   straight, and an empty lookup's round trip), the popup's first results after it opens with the
 *   worker running, and after a browser restart (the worker loads the stored rows and index);
 * - storage: the origin's IndexedDB usage, per paper and in all.
 * The 13-paper default is measured the same way first, so every figure has its floor in the same run.
 * BENCH_KEEP_PROFILE=1 keeps the largest profile and prints its path, for `BENCH_LIBRARY_PROFILE` in badges.bench.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { ask, backgroundWorker, EXTENSION_PATH, launchChromium } from '../helpers/chromium';
import { generateLibrary, type ScaleLibrary, snapshotLines, toLibraryFile } from '../scale/generate';
import {
  measureKeystrokeFloor,
  measureKeystrokes,
  popupFirstResults,
  recordFirstResult,
  searchIndexReady,
} from './scale-search';
import { median, recordLongTasks } from './stats';

const SIZES = (process.env.BENCH_SCALE_SIZES ?? '1000,20000,100000').split(',').map(Number);
const LOOKUPS = 40;

interface Row {
  label: string;
  papers: number;
  previewMs: number;
  importMs: number;
  longestTaskMs: number;
  peakHeapMb: number;
  derivedMs: number;
  filterBytes: number;
  lookupP50: number;
  lookupP95: number;
  /** Library papers among the last lookup's 200 candidates. */
  lookupFound: number;
  /** The same run's floor: reading such candidates' records alone, and an empty lookup's round trip (p50 / p95). */
  floorReadP50: number;
  floorReadP95: number;
  floorMessageP50: number;
  /** The import's floor: the kept papers written once, in one transaction, into a store with the same indexes. */
  importFloorMs: number;
  searchIndexMs: number;
  keystrokeP50: number;
  keystrokeP95: number;
  /** The same run's floor: a page of 20 papers never shown read straight, and an empty lookup's round trip. */
  keystrokeFloorP50: number;
  keystrokeFloorP95: number;
  popupWarmMs: number;
  popupColdMs: number;
  storageBytes: number;
}

async function extensionPage(context: BrowserContext, path: string): Promise<Page> {
  const worker = await backgroundWorker(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/${path}`);
  return page;
}

/** Progress on stderr, so a long size shows where it is. */
const progress = (what: string) => process.stderr.write(`    ${new Date().toISOString().slice(11, 19)} ${what}\n`);

/** Chooses a file on the library page and imports it; the times to the preview and to the end. */
async function importFile(page: Page, path: string): Promise<{ previewMs: number; importMs: number }> {
  const start = Date.now();
  await page.locator('input[type=file]').setInputFiles(path);
  // CSS locators: a role query computes accessible names over the whole page (hundreds of author rows), a task
  // of up to ~300 ms on the very page whose longest task is measured.
  const preview = page.locator('section.import-preview');
  await preview.waitFor({ timeout: 1_200_000 });
  const previewMs = Date.now() - start;
  progress(`preview after ${(previewMs / 1000).toFixed(1)} s`);
  await preview.locator('button:text-is("Import")').click();
  await preview.waitFor({ state: 'hidden', timeout: 1_200_000 });
  progress(`imported after ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return { previewMs, importMs: Date.now() - start };
}

/**
 * Resident memory of the extension's process, in MB: its service worker and its pages (the library page reading
 * the file included), which Chromium runs in one process; read from ps, since workers have no memory API.
 */
/** Resident memory of this profile's extension processes (its worker and pages), not another browser's on the machine. */
function extensionRssMb(profile: string): number {
  const processes = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/))
    .filter((match) => match !== null)
    .map(([, pid, ppid, rss, args]) => ({ pid: Number(pid), ppid: Number(ppid), rss: Number(rss), args: args ?? '' }));
  const ours = new Set(processes.filter((p) => p.args.includes(`--user-data-dir=${profile}`)).map((p) => p.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of processes) {
      if (!ours.has(p.pid) && ours.has(p.ppid)) {
        ours.add(p.pid);
        grew = true;
      }
    }
  }
  const kb = processes
    .filter((p) => ours.has(p.pid) && p.args.includes('--extension-process'))
    .reduce((sum, p) => sum + p.rss, 0);
  return kb / 1024;
}

/** Samples the extension process's memory every 250 ms while `run` runs; the peak. */
async function peakMemory(profile: string, run: () => Promise<void>): Promise<{ peak: number }> {
  let peak = extensionRssMb(profile);
  let running = true;
  const sampling = (async () => {
    while (running) {
      peak = Math.max(peak, extensionRssMb(profile));
      await new Promise((done) => setTimeout(done, 250));
    }
  })();
  try {
    await run();
  } finally {
    running = false;
    await sampling;
  }
  return { peak };
}

/** Waits until the background says coauthors, novelty and related papers have caught up with the library; false if not in time. */
async function derivedReady(worker: Worker, timeoutMs = 900_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await worker.evaluate(async () => {
      const chrome = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return (await chrome.storage.local.get('libraryStatus')).libraryStatus as { derivedReady: boolean } | undefined;
    });
    if (status?.derivedReady) return true;
    await new Promise((done) => setTimeout(done, 250));
  }
  return false;
}

/** 200 candidates as a page would send them: 100 library ids, 50 other ids, 50 titles (half the library's). */
function candidates(library: ScaleLibrary | null, round: number) {
  const papers = library?.papers.filter((p) => !p.id.startsWith('doi:')) ?? [];
  const pick = (k: number) => papers[(round * 7919 + k * 104729) % Math.max(1, papers.length)];
  const ids = Array.from({ length: 100 }, (_, k) => pick(k)?.id ?? '2402.07871');
  const others = Array.from(
    { length: 50 },
    (_, k) => `1${k % 10}0${1 + (k % 9)}.${String(round * 50 + k).padStart(5, '0')}`,
  );
  const titles = Array.from({ length: 50 }, (_, k) =>
    k % 2 ? `a title no library holds ${round} ${k}` : (pick(k + 100)?.normalizedTitle ?? 'voxtral'),
  );
  return { ids: [...ids, ...others], dois: [], titles };
}

/** Round trips timed in the page, which returns only the time and the count (not the answer, which would cost CDP). */
async function measureLookups(page: Page, library: ScaleLibrary | null): Promise<{ times: number[]; found: number }> {
  const times: number[] = [];
  let found = 0;
  for (let round = 0; round < LOOKUPS + 5; round++) {
    const timed = await page.evaluate(
      async (request) => {
        const runtime = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime;
        const start = performance.now();
        const reply = (await runtime.sendMessage({
          id: 1,
          type: 'lookupPapers',
          data: request,
          timestamp: Date.now(),
        })) as {
          res: { papers: unknown[] };
        };
        return { ms: performance.now() - start, found: reply.res.papers.length };
      },
      candidates(library, round),
    );
    if (round >= 5) times.push(timed.ms);
    found = timed.found;
  }
  return { times, found };
}

/**
 * The lookup's floor in the same run: the same kind of candidates (other rounds' papers, so no read is warm)
 * read straight from the extension's IndexedDB in the page — each library id from `papers`, each library title
 * by `by-title`, one record each in one transaction, nothing else — and an empty lookup's message round trip
 * (the background reads nothing).
 */
async function measureLookupFloor(
  page: Page,
  library: ScaleLibrary | null,
): Promise<{ read: number[]; message: number[] }> {
  const read: number[] = [];
  const message: number[] = [];
  for (let round = 0; round < LOOKUPS + 5; round++) {
    const asked = candidates(library, 10_000 + round);
    // The library's candidates only (its 100 ids, its 25 titles): what a lookup with the keys in memory reads.
    const ids = asked.ids.slice(0, 100);
    const titles = asked.titles.filter((_, k) => k % 2 === 0);
    const timed = await page.evaluate(
      async ({ ids, titles }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('paperlens');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const start = performance.now();
        const tx = db.transaction('papers');
        const store = tx.objectStore('papers');
        for (const id of ids) store.get(id);
        for (const title of titles) store.index('by-title').get(title);
        await new Promise((done) => {
          tx.oncomplete = done;
        });
        const readMs = performance.now() - start;
        db.close();
        const runtime = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime;
        const sent = performance.now();
        const data = { ids: [], dois: [], titles: [] };
        await runtime.sendMessage({ id: 1, type: 'lookupPapers', data, timestamp: Date.now() });
        return { readMs, messageMs: performance.now() - sent };
      },
      { ids, titles },
    );
    if (round >= 5) {
      read.push(timed.readMs);
      message.push(timed.messageMs);
    }
  }
  return { read, message };
}

/**
 * The import's floor in the same run: the papers the import kept, read back from the library (not timed), then
 * written once into a scratch database's store with the papers store's own indexes, in one transaction as the
 * import's commit does — no file, no checks, no staging, no authors. What any import keeping these indexes pays.
 */
async function measureImportFloor(page: Page): Promise<number> {
  // A string, not a function: tsx would wrap its named inner functions in a helper the page does not have.
  return page.evaluate(IMPORT_FLOOR) as Promise<number>;
}

const IMPORT_FLOOR = `(async () => {
  const done = (request) =>
    new Promise((resolve, reject) => {
      if (request instanceof IDBTransaction) request.oncomplete = () => resolve();
      else request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
  const open = indexedDB.open('paperlens');
  await done(open);
  const library = open.result;
  const papers = [];
  let after = null;
  for (;;) {
    const range = after === null ? null : IDBKeyRange.lowerBound(after, true);
    const read = library.transaction('papers').objectStore('papers').getAll(range, 2000);
    await done(read);
    if (read.result.length === 0) break;
    papers.push(...read.result);
    after = read.result[read.result.length - 1].id;
  }
  const source = library.transaction('papers').objectStore('papers');
  const indexes = [...source.indexNames].map((name) => source.index(name));
  library.close();
  const scratch = indexedDB.open('paperlens-import-floor', 1);
  scratch.onupgradeneeded = () => {
    const store = scratch.result.createObjectStore('papers', { keyPath: 'id' });
    for (const index of indexes) {
      store.createIndex(index.name, index.keyPath, { multiEntry: index.multiEntry, unique: index.unique });
    }
  };
  await done(scratch);
  const start = performance.now();
  const tx = scratch.result.transaction('papers', 'readwrite');
  for (const paper of papers) tx.objectStore('papers').put(paper);
  await done(tx);
  const ms = performance.now() - start;
  scratch.result.close();
  await done(indexedDB.deleteDatabase('paperlens-import-floor'));
  return ms;
})()`;

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? Number.NaN;

async function storageBytes(page: Page): Promise<number> {
  return page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
}

/** One library size in a fresh profile; returns its row and the profile directory. */
async function measureSize(n: number | null): Promise<{ row: Row; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'paperlens-scale-'));
  const context = await launchChromium(profile, EXTENSION_PATH);
  await context.addInitScript(recordLongTasks);
  await context.addInitScript(recordFirstResult);
  const worker = await backgroundWorker(context);
  const page = await extensionPage(context, 'library.html');
  await page.getByText('papers in the library').first().waitFor();
  const library = n ? generateLibrary({ papers: n }) : null;
  let times = { previewMs: 0, importMs: 0 };
  let peak = extensionRssMb(profile);
  let derivedMs = 0;
  if (library) {
    const files = mkdtempSync(join(tmpdir(), 'paperlens-scale-files-'));
    const authorsFile = join(files, 'authors.json');
    writeFileSync(authorsFile, JSON.stringify(toLibraryFile({ authors: library.authors, papers: [] })));
    await importFile(page, authorsFile);
    const snapshot = join(files, 'arxiv-metadata-oai-snapshot.jsonl');
    writeFileSync(snapshot, `${[...snapshotLines(library)].join('\n')}\n`);
    // Only the snapshot's import counts: the page's own load and the authors file are left out.
    await page.evaluate(() => {
      (window as unknown as { __long: unknown[] }).__long.splice(0);
    });
    ({ peak } = await peakMemory(profile, async () => {
      times = await importFile(page, snapshot);
      const start = Date.now();
      derivedMs = (await derivedReady(worker)) ? Date.now() - start : Number.POSITIVE_INFINITY;
      progress(`derived data ready after ${(derivedMs / 1000).toFixed(1)} s`);
    }));
    rmSync(files, { recursive: true, force: true });
  }
  // Without an import (the bundled library) nothing ran on the page but its own load: no figure.
  const longest = !library
    ? 0
    : await page.evaluate(() =>
        Math.max(0, ...(window as unknown as { __long: { duration: number }[] }).__long.map((t) => t.duration)),
      );
  const filter = await ask<unknown>(page, 'getLibraryFilter', undefined);
  const status = await ask<{ papers: number }>(page, 'corpusStatus', undefined);
  progress('search: building the index');
  const searchIndexMs = await searchIndexReady(page);
  // What the background prepares once derived data is ready (the search index, everyone's insights) is done
  // before lookups and keystrokes are timed, so they measure themselves, not that work.
  await ask(page, 'getInsights', { authorId: null });
  const { times: lookups, found } = await measureLookups(page, library);
  const floor = await measureLookupFloor(page, library);
  const keys = await measureKeystrokes(page, library);
  const keyFloor = await measureKeystrokeFloor(page, library);
  const host = new URL(worker.url()).host;
  const popupWarmMs = await popupFirstResults(context, host);
  const storage = await storageBytes(page);
  const importFloorMs = library ? await measureImportFloor(page) : 0;
  await context.close();
  progress('search: the popup after a browser restart');
  const restarted = await launchChromium(profile, EXTENSION_PATH);
  await restarted.addInitScript(recordFirstResult);
  await backgroundWorker(restarted);
  const popupColdMs = await popupFirstResults(restarted, host);
  await restarted.close();
  const row: Row = {
    label: n ? `${n.toLocaleString('en')} generated` : 'bundled (13)',
    papers: status.papers,
    ...times,
    longestTaskMs: longest,
    peakHeapMb: peak,
    derivedMs,
    filterBytes: JSON.stringify(filter).length,
    lookupP50: median(lookups),
    lookupP95: percentile(lookups, 0.95),
    lookupFound: found,
    floorReadP50: median(floor.read),
    floorReadP95: percentile(floor.read, 0.95),
    floorMessageP50: median(floor.message),
    importFloorMs,
    searchIndexMs,
    keystrokeP50: median(keys),
    keystrokeP95: percentile(keys, 0.95),
    keystrokeFloorP50: median(keyFloor),
    keystrokeFloorP95: percentile(keyFloor, 0.95),
    popupWarmMs,
    popupColdMs,
    storageBytes: storage,
  };
  return { row, profile };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

const HEADER =
  'library          | papers  | preview | imported | import floor | longest task (library page) | extension process peak | derived data | filter message | lookup of 200 p50 / p95 | floor: records read p50 / p95, empty lookup p50 | search index | keystroke p50 / p95 | floor: a page read, p50 / p95 | popup first results (warm / restarted) | storage (per paper)';

function rowText(r: Row): string {
  return [
    r.label.padEnd(16),
    String(r.papers).padEnd(7),
    `${(r.previewMs / 1000).toFixed(1)} s`.padEnd(7),
    `${(r.importMs / 1000).toFixed(1)} s`.padEnd(8),
    `${(r.importFloorMs / 1000).toFixed(1)} s`.padEnd(12),
    `${r.longestTaskMs.toFixed(0)} ms`.padEnd(27),
    `${r.peakHeapMb.toFixed(0)} MB`.padEnd(22),
    (Number.isFinite(r.derivedMs) ? `${(r.derivedMs / 1000).toFixed(1)} s` : 'not in 15 min').padEnd(12),
    `${(r.filterBytes / 1024).toFixed(1)} KB`.padEnd(14),
    `${r.lookupP50.toFixed(1)} / ${r.lookupP95.toFixed(1)} ms (${r.lookupFound} found)`.padEnd(23),
    `${r.floorReadP50.toFixed(1)} / ${r.floorReadP95.toFixed(1)} ms, ${r.floorMessageP50.toFixed(1)} ms`.padEnd(49),
    `${(r.searchIndexMs / 1000).toFixed(1)} s`.padEnd(12),
    `${r.keystrokeP50.toFixed(1)} / ${r.keystrokeP95.toFixed(1)} ms`.padEnd(19),
    `${r.keystrokeFloorP50.toFixed(1)} / ${r.keystrokeFloorP95.toFixed(1)} ms`.padEnd(29),
    `${r.popupWarmMs.toFixed(0)} / ${r.popupColdMs.toFixed(0)} ms`.padEnd(38),
    `${mb(r.storageBytes)} (${(r.storageBytes / Math.max(1, r.papers) / 1024).toFixed(1)} KB)`,
  ].join(' | ');
}

async function main() {
  console.log(`Paperlens at scale (${SIZES.join(', ')} papers; lookups: ${LOOKUPS} rounds of 200 candidates)`);
  console.log(HEADER);
  let kept: string | null = null;
  for (const n of [null, ...SIZES]) {
    const { row, profile } = await measureSize(n);
    console.log(rowText(row));
    if (process.env.BENCH_KEEP_PROFILE && n === Math.max(...SIZES)) kept = profile;
    else rmSync(profile, { recursive: true, force: true });
  }
  if (kept) console.log(`\nKept the largest profile: BENCH_LIBRARY_PROFILE=${kept}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
