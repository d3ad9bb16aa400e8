/**
 * `npm run bench`: what the content script costs a page, measured in Debian's
 * Chromium on generated pages of 1k, 10k and 50k links (about 2% corpus links
 * in mixed shapes, the rest ordinary links and other arXiv papers). The page
 * builds its list in one script task (see generatePage; BENCH_STREAMED=1 serves
 * it as plain HTML instead).
 *
 * For each size the same page is loaded alternately in a browser with the
 * extension and one without, and we report medians of:
 * - added main-thread time: CDP Performance.getMetrics TaskDuration, with minus without;
 * - the longest task after the load event (the content script runs at document_idle),
 *   from a PerformanceObserver for `longtask`;
 * - the longest animation frame after the load event (`long-animation-frame`): unlike a
 *   long task it includes the style, layout and paint the badges cause, so it is how long
 *   the page could not respond to input at worst;
 * - time from DOMContentLoaded to the last badge inserted;
 * and the gzipped size of the content script. Figures are noisy on a shared
 * machine: compare the with/without pairs of one run, not runs with each other.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CORPUS_IDS, SHAPES } from '../e2e/large-pages';

const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [1_000, 10_000, 50_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** BENCH_STREAMED=1: serve the list as plain HTML instead (noisier, see generatePage). */
const BUILD_IN_ONE_TASK = !process.env.BENCH_STREAMED;
const EXTENSION = resolve('.output/chrome-mv3');
/**
 * BENCH_BASELINE=<another build's chrome-mv3 folder>, e.g. an older commit's: measured in the same
 * alternation, so the two builds can be compared within one run.
 */
const BASELINE = process.env.BENCH_BASELINE ? resolve(process.env.BENCH_BASELINE) : null;
/** A deterministic page of `n` links, 2% of them to corpus papers. */
function generatePage(n: number): { html: string; corpusLinks: number } {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const words = ['graph', 'neural', 'kernel', 'sparse', 'learning', 'robust', 'vision', 'token', 'policy', 'agent'];
  const items: string[] = [];
  let corpusLinks = 0;
  for (let i = 0; i < n; i++) {
    const r = random();
    let href: string;
    if (r < 0.02) {
      const id = CORPUS_IDS[Math.floor(random() * CORPUS_IDS.length)] as string;
      href = (SHAPES[i % SHAPES.length] as (id: string) => string)(id);
      corpusLinks++;
    } else if (r < 0.3) {
      const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
      href = `https://arxiv.org/abs/23${month}.${String(Math.floor(random() * 99_999)).padStart(5, '0')}`;
    } else {
      href = `https://example.com/post/${i}?ref=${Math.floor(random() * 1000)}`;
    }
    const text = Array.from({ length: 2 + Math.floor(random() * 5) }, () => words[Math.floor(random() * 10)]).join(' ');
    items.push(`<li><a href="${href}">${text}</a> — comment ${i}</li>`);
  }
  return {
    html: BUILD_IN_ONE_TASK
      ? // The page builds its list in one script task and lays it out at once, so its own main-thread work is
        // the same on every load; streamed through the parser it varies by a hundred milliseconds at 10k links
        // (how many partial layouts happen), which drowns what the extension adds. The list is complete and laid
        // out before the content script runs, as on a server-rendered page.
        `<!doctype html><html><head><meta charset="utf-8"><title>${n} links</title></head><body><script>document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(`<ul>${items.join('')}</ul>`).replace(/<\//g, '<\\/')});document.body.offsetHeight;</script></body></html>`
      : `<!doctype html><html><head><meta charset="utf-8"><title>${n} links</title></head><body><ul>${items.join('')}</ul></body></html>`,
    corpusLinks,
  };
}

// Installed before any page script: long tasks and the time of the last badge.
const INSTRUMENT = () => {
  const w = window as unknown as {
    __long: { start: number; duration: number }[];
    __frames: { start: number; duration: number }[];
    __lastBadge: number;
    __badges: number;
  };
  w.__long = [];
  w.__frames = [];
  w.__lastBadge = 0;
  w.__badges = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__frames.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'long-animation-frame', buffered: true });
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes)
        if ((n as Element).localName === 'paperlens-badge') {
          w.__lastBadge = performance.now();
          w.__badges++;
        }
  }).observe(document, { childList: true, subtree: true });
};

async function launch(
  withExtension: boolean,
  disabledSites: string[] = [],
  extension = EXTENSION,
): Promise<{ context: BrowserContext; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'paperlens-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      ...(withExtension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  if (withExtension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    if (disabledSites.length) {
      await worker.evaluate(
        (sites) =>
          (
            globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }
          ).chrome.storage.local.set({
            settings: {
              enabled: true,
              disabledSites: sites,
              badgeParts: { category: true, novelty: true, coauthors: true },
              theme: 'system',
            },
          }),
        disabledSites,
      );
    }
  }
  await context.addInitScript(INSTRUMENT);
  return { context, dir };
}

interface Sample {
  taskMs: number;
  longestAfterLoad: number;
  longestFrameAfterLoad: number;
  badgeMs: number | null;
  badges: number;
}

async function measure(page: Page, url: string, expectBadges: number | null): Promise<Sample> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  if (expectBadges !== null) {
    // A counter kept by INSTRUMENT: polling with querySelectorAll would itself cost the page time.
    await page.waitForFunction((n) => (window as unknown as { __badges: number }).__badges >= n, expectBadges, {
      timeout: 60_000,
      polling: 100,
    });
  }
  // Let trailing work (layout of the last badges, the toolbar report) finish in both variants alike.
  await page.waitForTimeout(1_000);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const taskMs = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  const result = await page.evaluate(() => {
    const w = window as unknown as {
      __long: { start: number; duration: number }[];
      __frames: { start: number; duration: number }[];
      __lastBadge: number;
    };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const afterLoad = w.__long.filter((t) => t.start >= nav.loadEventEnd);
    // A frame that ends after load: the one the load event itself runs in counts too.
    const framesAfterLoad = w.__frames.filter((f) => f.start + f.duration > nav.loadEventEnd);
    return {
      longestAfterLoad: Math.max(0, ...afterLoad.map((t) => t.duration)),
      longestFrameAfterLoad: Math.max(0, ...framesAfterLoad.map((f) => f.duration)),
      badgeMs: w.__lastBadge ? w.__lastBadge - nav.domContentLoadedEventStart : null,
      badges: document.querySelectorAll('paperlens-badge').length,
    };
  });
  await cdp.detach();
  return { taskMs, ...result };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2 : Number.NaN;
};

async function main() {
  const pages = new Map(SIZES.map((n) => [n, generatePage(n)]));
  const server = createServer((req, res) => {
    const n = Number(/\/links-(\d+)\.html/.exec(req.url ?? '')?.[1]);
    const page = pages.get(n);
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const withExt = await launch(true);
  const without = await launch(false);
  // The same extension switched off for this site: what any content script costs, before Paperlens does anything.
  const idle = await launch(true, ['127.0.0.1']);
  const baseline = BASELINE ? await launch(true, [], BASELINE) : null;
  const contentScript = readFileSync(join(EXTENSION, 'content-scripts/content.js'));

  console.log(`Paperlens content-script benchmark (${RUNS} alternating runs per size, medians)`);
  console.log(
    `content script: ${(contentScript.length / 1024).toFixed(1)} KB, ${(gzipSync(contentScript, { level: 9 }).length / 1024).toFixed(1)} KB gzipped (budget 15 KB)`,
  );
  console.log(
    'links  | corpus links | main thread: without / site disabled / with (ms) | added vs none, vs disabled | longest task after load (ms) | longest frame after load (ms) | DOMContentLoaded → last badge (ms)',
  );
  for (const n of SIZES) {
    const { corpusLinks } = pages.get(n) as { corpusLinks: number };
    const url = `${origin}/links-${n}.html`;
    const a: Sample[] = [];
    const b: Sample[] = [];
    const c: Sample[] = [];
    const d: Sample[] = [];
    const sample = async (context: BrowserContext, into: Sample[], expect: number | null) => {
      const page = await context.newPage();
      into.push(await measure(page, url, expect));
      await page.close();
    };
    for (let run = 0; run < RUNS; run++) {
      await sample(withExt.context, a, corpusLinks);
      await sample(without.context, b, null);
      await sample(idle.context, c, null);
      if (baseline) await sample(baseline.context, d, corpusLinks);
    }
    if (process.env.BENCH_VERBOSE)
      for (const [name, xs] of [
        ['with', a],
        ['without', b],
        ['disabled', c],
        ['baseline', d],
      ] as const)
        console.log(`  ${name}: ${xs.map((s) => s.taskMs.toFixed(0)).join(' ')}`);
    const withMs = median(a.map((s) => s.taskMs));
    const withoutMs = median(b.map((s) => s.taskMs));
    const idleMs = median(c.map((s) => s.taskMs));
    const badges = a.every((s) => s.badges === corpusLinks) ? '' : ` (badges: ${a.map((s) => s.badges).join('/')})`;
    console.log(
      [
        String(n).padEnd(6),
        String(corpusLinks).padEnd(12),
        `${withoutMs.toFixed(0)} / ${idleMs.toFixed(0)} / ${withMs.toFixed(0)}`.padEnd(48),
        `+${(withMs - withoutMs).toFixed(0)}, +${(withMs - idleMs).toFixed(0)}`.padEnd(26),
        `${median(a.map((s) => s.longestAfterLoad)).toFixed(0)} (without: ${median(b.map((s) => s.longestAfterLoad)).toFixed(0)})`.padEnd(
          28,
        ),
        `${median(a.map((s) => s.longestFrameAfterLoad)).toFixed(0)} (without: ${median(b.map((s) => s.longestFrameAfterLoad)).toFixed(0)})`.padEnd(
          29,
        ),
        `${median(a.map((s) => s.badgeMs ?? Number.NaN)).toFixed(0)}${badges}`,
      ].join(' | '),
    );
    if (baseline) {
      const baselineMs = median(d.map((s) => s.taskMs));
      const added = withMs - withoutMs;
      const baselineAdded = baselineMs - withoutMs;
      console.log(
        `       baseline build: ${baselineMs.toFixed(0)} ms, +${baselineAdded.toFixed(0)} vs none; this build adds ${((100 * added) / baselineAdded).toFixed(0)}% of that; longest frame after load ${median(d.map((s) => s.longestFrameAfterLoad)).toFixed(0)} ms`,
      );
    }
  }
  for (const browser of [withExt, without, idle, ...(baseline ? [baseline] : [])]) {
    await browser.context.close();
    rmSync(browser.dir, { recursive: true, force: true });
  }
  server.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
