/**
 * `npm run bench` (reading list): how a long reading list feels, in Debian's
 * Chromium with the built extension. For each size (BENCH_LIST_SIZES, default
 * 2,000 and 10,000 entries), a fresh profile imports a generated list through
 * the reading-list page's file input, then (medians of BENCH_LIST_RUNS, default
 * 3) measures:
 * - import: choosing the file → the "Imported" message;
 * - the page: navigation start → first row shown, and the longest task until
 *   a second after that;
 * - a filter keystroke → the filtered rows on screen;
 * - the popup's reading-list tab: the click → first row, and its longest task.
 * Targets at 10,000 entries: first rows ≤ 300 ms, no task over 50 ms, a
 * keystroke ≤ 50 ms, import ≤ 5 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { backgroundWorker, EXTENSION_PATH, launchChromium } from '../helpers/chromium';
import { generateList } from '../helpers/reading-list';
import { median, recordLongTasks } from './stats';

const SIZES = (process.env.BENCH_LIST_SIZES ?? '2000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_LIST_RUNS ?? 3);

// Installed before each page's scripts (with recordLongTasks): when rows first show and last change.
const INSTRUMENT = () => {
  const w = window as unknown as { __firstRow: number; __changed: number };
  w.__firstRow = 0;
  w.__changed = 0;
  new MutationObserver(() => {
    w.__changed = performance.now();
    if (!w.__firstRow && document.querySelector('.entries [data-paperlens-id]')) w.__firstRow = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true });
};

type Probe = { __long: { start: number; duration: number }[]; __firstRow: number; __changed: number };
/** What the instrument recorded so far in the page. */
const probe = (page: Page): Promise<Probe> =>
  page.evaluate(() => {
    const w = window as unknown as Probe;
    return { __long: w.__long, __firstRow: w.__firstRow, __changed: w.__changed };
  });

async function until(page: Page, check: () => boolean, timeout = 120_000): Promise<void> {
  for (const started = Date.now(); Date.now() - started < timeout; await page.waitForTimeout(10)) {
    if (await page.evaluate(check)) return;
  }
  throw new Error('timed out');
}

/** The longest task that started between `from` and `to`. */
const longest = (w: Probe, from: number, to: number) =>
  Math.max(0, ...w.__long.filter((t) => t.start >= from && t.start <= to).map((t) => t.duration));

async function importList(context: BrowserContext, base: string, n: number): Promise<number> {
  const page = await context.newPage();
  await page.goto(`${base}/reading-list.html`);
  await until(page, () => document.querySelector('input[type="file"]') !== null);
  const started = Date.now();
  await page.locator('input[type="file"]').setInputFiles({
    name: 'list.json',
    mimeType: 'application/json',
    buffer: Buffer.from(generateList(n)),
  });
  await until(page, () => /Imported/.test(document.body.textContent ?? ''));
  const took = Date.now() - started;
  await page.close();
  return took;
}

async function openList(context: BrowserContext, base: string) {
  const page = await context.newPage();
  await page.goto(`${base}/reading-list.html`);
  await until(page, () => (window as unknown as Probe).__firstRow > 0);
  await page.waitForTimeout(1000);
  const loaded = await probe(page);
  const first = loaded.__firstRow;
  // A keystroke in the filter box → the rows it leaves on screen.
  const box = page.getByRole('searchbox', { name: 'Filter the reading list' });
  await box.click();
  const before = await page.evaluate(() => performance.now());
  await page.keyboard.type('x');
  await page.waitForTimeout(600);
  const keystroke = (await probe(page)).__changed - before;
  await page.close();
  return { first, longest: longest(loaded, 0, first + 1000), keystroke };
}

async function openPopupTab(context: BrowserContext, base: string) {
  const page = await context.newPage();
  await page.goto(`${base}/popup.html`);
  await until(page, () => /Reading list \(\d+\)/.test(document.body.textContent ?? ''));
  const clicked = await page.evaluate(() => performance.now());
  await page.getByRole('tab', { name: /Reading list/ }).click();
  await until(page, () => (window as unknown as Probe).__firstRow > 0);
  await page.waitForTimeout(1000);
  const shown = await probe(page);
  await page.close();
  return { first: shown.__firstRow - clicked, longest: longest(shown, clicked, shown.__firstRow + 1000) };
}

async function main() {
  console.log(`Paperlens reading-list benchmark (medians of ${RUNS} runs; targets at 10,000 entries in brackets)`);
  console.log(
    'entries | import [≤5 s] | page: first row [≤300 ms] | page: longest task [≤50 ms] | filter keystroke [≤50 ms] | popup tab: first row [≤300 ms] | popup tab: longest task [≤50 ms]',
  );
  for (const n of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 'paperlens-bench-list-'));
    const context = await launchChromium(dir, EXTENSION_PATH);
    await context.addInitScript(recordLongTasks);
    await context.addInitScript(INSTRUMENT);
    const base = `chrome-extension://${new URL((await backgroundWorker(context)).url()).host}`;
    const imported = await importList(context, base, n);
    const pages = [];
    const popups = [];
    for (let run = 0; run < RUNS; run++) {
      pages.push(await openList(context, base));
      popups.push(await openPopupTab(context, base));
    }
    const m = (xs: number[]) => `${median(xs).toFixed(0)} ms`;
    console.log(
      [
        n.toLocaleString('en'),
        `${(imported / 1000).toFixed(1)} s`,
        m(pages.map((p) => p.first)),
        m(pages.map((p) => p.longest)),
        m(pages.map((p) => p.keystroke)),
        m(popups.map((p) => p.first)),
        m(popups.map((p) => p.longest)),
      ].join(' | '),
    );
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
