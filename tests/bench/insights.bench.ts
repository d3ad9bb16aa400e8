/**
 * `npx tsx tests/bench/insights.bench.ts`: the insights page's data (lib/insights/insights-data.ts) at library
 * scale, on libraries from tests/scale/generate.ts (BENCH_INSIGHTS_SIZES, default 1000,20000 papers over 500
 * followed authors) in node over fake-indexeddb, with derived data worked out as the background does it.
 * Per size: readInsights for everyone and for the most prolific author, p50 / max of RUNS, and the size of the
 * message the page receives (JSON).
 *
 * `--browser` (after `npx wxt build`) measures the real extension in Chromium instead: the library imported
 * through the library page as scale.bench.ts does it, then getInsights round trips from an extension page
 * (everyone's once uncached, then cached; and getLibrary's, what the page asked for before), and insights.html
 * opened: load to charts drawn, its longest task, and switching to the most prolific author until their
 * network is drawn.
 * BENCH_INSIGHTS_PROFILE=<dir> reuses a profile a run kept (BENCH_KEEP_PROFILE=1 keeps it).
 */
import 'fake-indexeddb/auto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { openPaperlensDb, type PaperlensDatabase } from '../../lib/db';
import { noInsightsCache } from '../../lib/insights/insights-cache';
import { readInsights } from '../../lib/insights/insights-data';
import { recomputeCoauthors } from '../../lib/library/derive';
import { recomputeTexts } from '../../lib/library/derive-texts';
import { backgroundWorker, EXTENSION_PATH, launchChromium } from '../helpers/chromium';
import { generateLibrary, type ScaleLibrary, snapshotLines, toLibraryFile } from '../scale/generate';
import { median, recordLongTasks } from './stats';

const SIZES = (process.env.BENCH_INSIGHTS_SIZES ?? '1000,20000').split(',').map(Number);
const RUNS = 5;

/** The library in a fresh database, derived data worked out as the background does it. */
async function loaded(library: ScaleLibrary): Promise<PaperlensDatabase> {
  const db = await openPaperlensDb(new IDBFactory());
  const tx = db.transaction(['papers', 'authors', 'meta'], 'readwrite');
  await Promise.all([
    ...library.authors.map((author) => tx.objectStore('authors').put(author)),
    ...library.papers.map((paper) => tx.objectStore('papers').put(paper)),
    tx.objectStore('meta').put({ key: 'libraryRevision', value: 1 }),
  ]);
  await tx.done;
  await recomputeCoauthors(
    db,
    library.authors.map((author) => author.id),
  );
  await recomputeTexts(db);
  return db;
}

function mostProlific(library: ScaleLibrary): string {
  const counts = new Map<string, number>();
  for (const paper of library.papers) {
    for (const id of paper.followedAuthorIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

async function timeRuns(run: () => Promise<unknown>): Promise<{ p50: number; max: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const data = await run();
    times.push(performance.now() - start);
    bytes = JSON.stringify(data).length;
  }
  return { p50: median(times), max: Math.max(...times), bytes };
}

async function inNode(): Promise<void> {
  const rows = [];
  for (const n of SIZES) {
    const library = generateLibrary({ papers: n });
    const start = performance.now();
    const db = await loaded(library);
    const loadS = (performance.now() - start) / 1000;
    const author = mostProlific(library);
    const papers = library.papers.filter((paper) => paper.followedAuthorIds.includes(author)).length;
    const everyone = await timeRuns(() => readInsights(db, null, noInsightsCache));
    const one = await timeRuns(() => readInsights(db, author, noInsightsCache));
    rows.push({
      papers: n,
      'load + derive s': loadS.toFixed(0),
      'everyone p50 / max ms': `${everyone.p50.toFixed(0)} / ${everyone.max.toFixed(0)}`,
      'everyone message KB': (everyone.bytes / 1024).toFixed(1),
      'one author (papers)': `${author} (${papers})`,
      'one author p50 / max ms': `${one.p50.toFixed(0)} / ${one.max.toFixed(0)}`,
      'one author message KB': (one.bytes / 1024).toFixed(1),
    });
    db.close();
  }
  console.table(rows);
}

// ------------------------------------------------------------------ in Chromium

type Runtime = { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: unknown }> } } };

/** A message's round trip from an extension page, timed in the page; the answer's JSON length. */
async function roundTrip(page: Page, type: string, data: unknown): Promise<{ ms: number; bytes: number }> {
  return page.evaluate(
    async ([messageType, payload]) => {
      const start = performance.now();
      const reply = await (globalThis as unknown as Runtime).chrome.runtime.sendMessage({
        id: 1,
        type: messageType,
        data: payload,
        timestamp: Date.now(),
      });
      const ms = performance.now() - start;
      if (reply.err) throw new Error(JSON.stringify(reply.err));
      return { ms, bytes: JSON.stringify(reply.res).length };
    },
    [type, data] as const,
  );
}

async function timedTrips(page: Page, type: string, data: unknown) {
  const trips = [];
  for (let i = 0; i < RUNS; i++) trips.push(await roundTrip(page, type, data));
  const times = trips.map((trip) => trip.ms);
  return { p50: median(times), max: Math.max(...times), bytes: trips[0]?.bytes ?? 0 };
}

/** Chooses a file on the library page and imports it. */
async function importFile(page: Page, path: string): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(path);
  const preview = page.getByRole('region', { name: 'Import preview' });
  await preview.waitFor({ timeout: 1_200_000 });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await preview.waitFor({ state: 'hidden', timeout: 1_200_000 });
}

async function derivedReady(worker: Worker): Promise<void> {
  for (;;) {
    const ready = await worker.evaluate(async () => {
      type Status = { libraryStatus?: { derivedReady: boolean } };
      const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Status> } } } })
        .chrome;
      return (await chrome.storage.local.get('libraryStatus')).libraryStatus?.derivedReady === true;
    });
    if (ready) return;
    await new Promise((done) => setTimeout(done, 1_000));
  }
}

/** Follows the library's authors and imports its papers through the library page, as a user would. */
async function importLibrary(context: BrowserContext, library: ScaleLibrary): Promise<void> {
  const worker = await backgroundWorker(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/library.html`);
  await page.getByText('papers in the library').first().waitFor();
  const files = mkdtempSync(join(tmpdir(), 'paperlens-insights-files-'));
  writeFileSync(join(files, 'authors.json'), JSON.stringify(toLibraryFile({ authors: library.authors, papers: [] })));
  await importFile(page, join(files, 'authors.json'));
  const snapshot = join(files, 'arxiv-metadata-oai-snapshot.jsonl');
  writeFileSync(snapshot, `${[...snapshotLines(library)].join('\n')}\n`);
  await importFile(page, snapshot);
  await derivedReady(worker);
  rmSync(files, { recursive: true, force: true });
  await page.close();
}

/**
 * An init script: records in `window.__drawn` when the first novelty dot and the author switch appear (ms since
 * navigation), seen by a MutationObserver, so the figure is the page's and not the test driver's polling.
 */
function recordDrawn(): void {
  const w = window as unknown as { __drawn: { dot?: number; authorSwitch?: number } };
  w.__drawn = {};
  new MutationObserver(() => {
    w.__drawn.dot ??= document.querySelector('#novelty [data-mark="dot"]') ? performance.now() : undefined;
    w.__drawn.authorSwitch ??= document.querySelector('[data-paperlens-author-filter]') ? performance.now() : undefined;
  }).observe(document, { subtree: true, childList: true });
}

/** insights.html opened once: navigation to the charts drawn, to the author switch, and its longest task. */
async function openInsights(context: BrowserContext, host: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${host}/insights.html`);
  await page.locator('[data-paperlens-author-filter]').waitFor({ timeout: 60_000 });
  await page.locator('#novelty [data-mark="dot"]').first().waitFor({ timeout: 60_000 });
  const figures = await page.evaluate(() => {
    const w = window as unknown as { __drawn: { dot: number; authorSwitch: number }; __long: { duration: number }[] };
    return { ...w.__drawn, longestTask: Math.max(0, ...w.__long.map((t) => t.duration)) };
  });
  await page.close();
  return figures;
}

/** insights.html opened RUNS times: p50 / max of each figure. */
async function openedInsights(context: BrowserContext, host: string) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await openInsights(context, host));
  const summary = (values: number[]) => ({ p50: median(values), max: Math.max(...values) });
  return {
    dot: summary(runs.map((run) => run.dot)),
    authorSwitch: summary(runs.map((run) => run.authorSwitch)),
    longestTask: Math.max(...runs.map((run) => run.longestTask)),
  };
}

/** Switching the page to one author until their network is drawn. */
async function switchTo(context: BrowserContext, host: string, author: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${host}/insights.html`);
  await page.locator('[data-paperlens-author-filter]').waitFor({ timeout: 60_000 });
  const start = Date.now();
  await page.locator('select[data-paperlens-author-filter]').selectOption(author);
  await page.locator('#network [data-mark="node"]').first().waitFor({ timeout: 60_000 });
  const ms = Date.now() - start;
  await page.close();
  return ms;
}

async function inBrowser(n: number): Promise<void> {
  const reused = process.env.BENCH_INSIGHTS_PROFILE;
  const profile = reused && existsSync(reused) ? reused : mkdtempSync(join(tmpdir(), 'paperlens-insights-'));
  // A kept profile holds the worker script it last ran: dropping it makes Chromium load this build's.
  rmSync(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
  const context = await launchChromium(profile, EXTENSION_PATH);
  await context.addInitScript(recordLongTasks);
  await context.addInitScript(recordDrawn);
  const library = generateLibrary({ papers: n });
  if (profile !== reused) await importLibrary(context, library);
  const host = new URL((await backgroundWorker(context)).url()).host;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${host}/library.html`);
  const author = mostProlific(library);
  // The first answer after a change works everything out; later ones come from the cache.
  const worker = await backgroundWorker(context);
  await worker.evaluate(`chrome.storage.local.remove('insightsCache')`);
  const coldPage = await openInsights(context, host);
  await worker.evaluate(`chrome.storage.local.remove('insightsCache')`);
  const cold = await roundTrip(page, 'getInsights', { authorId: null });
  const everyone = await timedTrips(page, 'getInsights', { authorId: null });
  const one = await timedTrips(page, 'getInsights', { authorId: author });
  const whole = await timedTrips(page, 'getLibrary', undefined).catch((error: unknown) => String(error));
  const load = await openedInsights(context, host);
  const switchMs = await switchTo(context, host, author);
  const ms = (t: { p50: number; max: number }) => `${t.p50.toFixed(0)} / ${t.max.toFixed(0)} ms`;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`${n} papers in Chromium (p50 / max of ${RUNS})`);
  console.log(`  getInsights, everyone, uncached: ${cold.ms.toFixed(0)} ms`);
  console.log(`  getInsights, everyone:          ${ms(everyone)}, ${kb(everyone.bytes)}`);
  console.log(`  getInsights, ${author}: ${ms(one)}, ${kb(one.bytes)}`);
  console.log(
    `  getLibrary (the page before):   ${typeof whole === 'string' ? whole : `${ms(whole)}, ${kb(whole.bytes)}`}`,
  );
  console.log(
    `  insights.html, uncached: charts drawn ${coldPage.dot.toFixed(0)} ms, author switch ${coldPage.authorSwitch.toFixed(0)} ms`,
  );
  console.log(`  insights.html: charts drawn ${ms(load.dot)}, author switch ${ms(load.authorSwitch)}`);
  console.log(`  insights.html: longest task ${load.longestTask.toFixed(0)} ms`);
  console.log(`  switch to ${author} until the network is drawn: ${switchMs} ms`);
  await context.close();
  if (process.env.BENCH_KEEP_PROFILE) console.log(`  kept: BENCH_INSIGHTS_PROFILE=${profile}`);
  else if (profile !== reused) rmSync(profile, { recursive: true, force: true });
}

async function main(): Promise<void> {
  if (!process.argv.includes('--browser')) return inNode();
  for (const n of SIZES) await inBrowser(n);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
