/**
 * `npx tsx tests/bench/import.bench.ts` (after `npm run build`): the library's file import at scale, and nothing
 * after it. For each size (BENCH_IMPORT_SIZES, default 20000,100000 generated papers over 500 followed authors,
 * tests/scale/generate.ts) a fresh profile follows the authors (a library file), then imports the arXiv JSON Lines
 * snapshot through the library page's file input, as a user would. Printed per size:
 * - preview: file chosen → the preview's Import button enabled (its counts worked out);
 * - done: file chosen → the preview gone after pressing Import (the commit answered);
 * - the longest task on the library page meanwhile (`longtask` entries, which start at 50 ms: 0 means none);
 * - the extension process's peak resident memory meanwhile (its service worker, its pages and their workers,
 *   which Chromium runs in one process; from ps, sampled every 250 ms).
 * With BENCH_IMPORT_INTERRUPT=1 it stops the service worker once the snapshot's commit is a third done, checks
 * that the library holds what it held before and what the page says, presses Import again and checks that every
 * paper arrived ("done" then includes the lost third of a commit).
 * Derived data (coauthors, novelty) is worked out after the import and is not measured here: see scale.bench.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ask, backgroundWorker, EXTENSION_PATH, launchChromium } from '../helpers/chromium';
import { generateLibrary, type ScaleLibrary, snapshotLines, toLibraryFile } from '../scale/generate';
import { recordLongTasks } from './stats';

const SIZES = (process.env.BENCH_IMPORT_SIZES ?? '20000,100000').split(',').map(Number);
const INTERRUPT = process.env.BENCH_IMPORT_INTERRUPT === '1';
const TIMEOUT = 1_200_000;

const log = (what: string) => process.stderr.write(`    ${new Date().toISOString().slice(11, 19)} ${what}\n`);

const libraryPapers = async (page: Page) => (await ask<{ papers: number }>(page, 'corpusStatus')).papers;

/**
 * Resident memory of this browser's extension process, in MB: its service worker, its pages and their workers (from
 * ps, as workers have no memory API). Only processes under the browser started on `profile` count, not other browsers.
 */
function extensionRssMb(profile: string): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => {
      const [pid = '', ppid = '', rss = '', ...args] = line.trim().split(/\s+/);
      return { pid, ppid, rss: Number(rss), args: args.join(' ') };
    });
  const mine = new Set(rows.filter((r) => r.args.includes(`--user-data-dir=${profile}`)).map((r) => r.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) if (mine.has(row.ppid) && !mine.has(row.pid)) grew = Boolean(mine.add(row.pid));
  }
  const kb = rows
    .filter((row) => mine.has(row.pid) && row.args.includes('--extension-process'))
    .reduce((sum, row) => sum + row.rss, 0);
  return kb / 1024;
}

type Cdp = Awaited<ReturnType<BrowserContext['newCDPSession']>>;

/**
 * The JS heap in use, in MB, of each of the extension's service worker and dedicated workers (the page's file
 * reader), through the page's DevTools session: workers have no memory API of their own.
 */
async function workerHeapsMb(cdp: Cdp): Promise<{ background: number; reader: number }> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const heaps = { background: 0, reader: 0 };
  for (const target of targetInfos.filter((t) => t.url.startsWith('chrome-extension://'))) {
    const kind = target.type === 'service_worker' ? 'background' : target.type === 'worker' ? 'reader' : null;
    if (!kind) continue;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    const answer = new Promise<number>((resolve) => {
      const listener = (event: { sessionId?: string; message: string }) => {
        const reply = JSON.parse(event.message) as { id: number; result?: { usedSize: number } };
        if (event.sessionId !== sessionId || reply.id !== 1) return;
        cdp.off('Target.receivedMessageFromTarget', listener);
        resolve((reply.result?.usedSize ?? 0) / 2 ** 20);
      };
      cdp.on('Target.receivedMessageFromTarget', listener);
    });
    const message = JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message });
    heaps[kind] = Math.max(
      heaps[kind],
      await Promise.race([answer, new Promise<number>((r) => setTimeout(() => r(0), 2_000))]),
    );
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  }
  return heaps;
}

/** Peaks while `run` runs: the extension process's memory every 250 ms, the workers' JS heaps every second. */
async function withPeakMemory<T>(profile: string, page: Page, run: () => Promise<T>) {
  const peak = { rss: extensionRssMb(profile), background: 0, reader: 0 };
  const cdp = await page.context().newCDPSession(page);
  let running = true;
  const sampling = (async () => {
    for (let tick = 0; running; tick++) {
      peak.rss = Math.max(peak.rss, extensionRssMb(profile));
      if (tick % 4 === 0) {
        const heaps = await workerHeapsMb(cdp).catch(() => ({ background: 0, reader: 0 }));
        peak.background = Math.max(peak.background, heaps.background);
        peak.reader = Math.max(peak.reader, heaps.reader);
      }
      await new Promise((done) => setTimeout(done, 250));
    }
  })();
  try {
    return { result: await run(), peak };
  } finally {
    running = false;
    await sampling;
    await cdp.detach().catch(() => {});
  }
}

// CSS locators: a role query computes accessible names over the whole page, a long task on the page measured.
const preview = (page: Page) => page.locator('section.import-preview');
const importButton = (page: Page) => preview(page).locator('button:text-is("Import")');

/** Chooses a file and waits until its preview can be imported; ms from the choice. */
async function choose(page: Page, path: string): Promise<number> {
  const start = Date.now();
  await page.locator('input[type=file]').setInputFiles(path);
  await importButton(page).waitFor({ timeout: TIMEOUT });
  await page.waitForFunction(
    () => !document.querySelector('section[aria-label="Import preview"] button.primary[disabled]'),
    undefined,
    { timeout: TIMEOUT, polling: 100 },
  );
  return Date.now() - start;
}

async function commit(page: Page): Promise<void> {
  await importButton(page).click();
  await preview(page).waitFor({ state: 'hidden', timeout: TIMEOUT });
}

/** Stops the extension's service worker, as Chrome does when idle or short of memory. */
async function stopWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
}

/** Presses Import, stops the worker a third into the commit, checks nothing changed, and imports again. */
async function interruptedCommit(page: Page): Promise<string> {
  const before = await libraryPapers(page);
  await importButton(page).click();
  await page.waitForFunction(
    () => {
      const text = document.querySelector('.read-progress p')?.textContent ?? '';
      const [, done = '0', total = '1'] = /Importing .*: ([\d,]+) of ([\d,]+)/.exec(text) ?? [];
      return Number(done.replace(/,/g, '')) > Number(total.replace(/,/g, '')) / 3;
    },
    undefined,
    { timeout: TIMEOUT, polling: 50 },
  );
  await stopWorker(page);
  log('stopped the service worker a third into the commit');
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: TIMEOUT });
  const said = (await alert.textContent()) ?? '';
  const after = await libraryPapers(page);
  const start = Date.now();
  await commit(page);
  const again = await libraryPapers(page);
  const whole = after === before ? 'unchanged' : 'CHANGED';
  const redo = ((Date.now() - start) / 1000).toFixed(1);
  return `papers before ${before}, after the stop ${after} (${whole}); the page said “${said}”; Import pressed again: ${again} (+${again - before}) after ${redo} s`;
}

/** A fresh profile following the library's authors (from a library file), on the library page. */
async function followed(profile: string, files: string, library: ScaleLibrary) {
  const context = await launchChromium(profile, EXTENSION_PATH);
  await context.addInitScript(recordLongTasks);
  const worker = await backgroundWorker(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/library.html`);
  await page.getByText('papers in the library').first().waitFor();
  const authors = join(files, 'authors.json');
  writeFileSync(authors, JSON.stringify(toLibraryFile({ authors: library.authors, papers: [] })));
  await choose(page, authors);
  await commit(page);
  return { context, page };
}

/** The long tasks on the page since `since` (its clock), as "start:duration" in ms from then. */
const tasksSince = (page: Page, since: number) =>
  page.evaluate(
    (from) =>
      (window as unknown as { __long: { start: number; duration: number }[] }).__long
        .filter((t) => t.start >= from)
        .map((t) => `${(t.start - from).toFixed(0)}:${t.duration.toFixed(0)}`),
    since,
  );

async function measure(n: number) {
  const profile = mkdtempSync(join(tmpdir(), 'paperlens-import-'));
  const files = mkdtempSync(join(tmpdir(), 'paperlens-import-files-'));
  const library = generateLibrary({ papers: n });
  const { context, page } = await followed(profile, files, library);
  const snapshot = join(files, 'arxiv-metadata-oai-snapshot.jsonl');
  writeFileSync(snapshot, `${[...snapshotLines(library)].join('\n')}\n`);
  const before = await libraryPapers(page);
  const pageStart = await page.evaluate(() => performance.now());
  log(`extension process before: ${extensionRssMb(profile).toFixed(0)} MB`);
  const start = Date.now();
  const { result, peak } = await withPeakMemory(profile, page, async () => {
    const previewMs = await choose(page, snapshot);
    log(`preview after ${(previewMs / 1000).toFixed(1)} s`);
    let interruption: string | null = null;
    if (INTERRUPT) interruption = await interruptedCommit(page);
    else await commit(page);
    return { previewMs, doneMs: Date.now() - start, interruption };
  });
  const tasks = await tasksSince(page, pageStart);
  log(`long tasks (ms from the choice:duration): ${tasks.join(' ') || 'none'}`);
  const longestMs = Math.max(0, ...tasks.map((t) => Number(t.split(':')[1])));
  const kept = (await libraryPapers(page)) - before;
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
  return { row: { n, kept, ...result, longestMs, peak } };
}

async function main() {
  console.log(
    'papers | kept | preview | done | longest task (library page) | extension process peak RSS | JS heap peak: service worker / file reader',
  );
  for (const n of SIZES) {
    const { row } = await measure(n);
    console.log(
      [
        n.toLocaleString('en'),
        row.kept.toLocaleString('en'),
        `${(row.previewMs / 1000).toFixed(1)} s`,
        `${(row.doneMs / 1000).toFixed(1)} s`,
        `${row.longestMs.toFixed(0)} ms`,
        `${row.peak.rss.toFixed(0)} MB`,
        `${row.peak.background.toFixed(0)} / ${row.peak.reader.toFixed(0)} MB`,
      ].join(' | '),
    );
    if (row.interruption) console.log(`  interrupted commit: ${row.interruption}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
