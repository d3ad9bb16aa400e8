/**
 * `npm run bench`: what the content script costs a page, measured in Debian's
 * Chromium on generated pages of 1k, 10k and 50k links (about 2% corpus links
 * in mixed shapes, the rest ordinary links and other arXiv papers). The page
 * builds its list in one script task (see generatePage; BENCH_STREAMED=1 serves
 * it as plain HTML instead).
 *
 * The same page is loaded alternately in browsers that differ only in their
 * extension: none; Paperlens switched off for the site (what injecting any
 * content script costs); the *floor*, a throwaway extension that does the least
 * any extension can do to put a badge after every corpus link (one synchronous
 * pass, a regex over the hrefs, a plain text element after each match: no
 * settings, no messages, no shadow root, no card); and Paperlens. Per browser,
 * medians of:
 * - main-thread time: CDP Performance.getMetrics TaskDuration over the whole load;
 * - main-thread CPU time from DOMContentLoaded on (the content script runs at
 *   document_idle), from a light trace: the page's own loading, which varies by
 *   a hundred milliseconds between loads on this machine, is left out, and CPU
 *   time leaves out the time the thread waits for a core;
 * - the longest task after the load event (`longtask`), and the longest animation
 *   frame after it (`long-animation-frame`, which includes the style, layout and
 *   paint the badges cause);
 * - time from DOMContentLoaded to the last badge inserted;
 * and the gzipped size of the content script. The machine is shared and noisy:
 * compare the columns of one run, not runs with each other.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { CORPUS_IDS, SHAPES } from '../e2e/large-pages';
import { backgroundWorker, copyProfile, EXTENSION_PATH, launchChromium } from '../helpers/chromium';
import { traced } from '../helpers/trace';
import { badgeFloorScript, writeFloorExtension } from './floor-extension';
import { cpuAfterDomContentLoaded, rendererCpu } from './page-trace';
import { median, recordLongTasks } from './stats';

const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [1_000, 10_000, 50_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** BENCH_STREAMED=1: serve the list as plain HTML instead (noisier, see generatePage). */
const BUILD_IN_ONE_TASK = !process.env.BENCH_STREAMED;
/** BENCH_FEED_SIZE: the page the feed section appends to (one of SIZES; 0 skips it), BENCH_FEED_RUNS its runs. */
const FEED_SIZE = SIZES.includes(Number(process.env.BENCH_FEED_SIZE ?? 10_000))
  ? Number(process.env.BENCH_FEED_SIZE ?? 10_000)
  : 0;
const FEED_RUNS = Number(process.env.BENCH_FEED_RUNS ?? 3);
const FEED_APPENDS = 8;
/**
 * BENCH_BASELINE=<another build's chrome-mv3 folder>, e.g. an older commit's: measured in the same
 * alternation, so the two builds can be compared within one run.
 */
const BASELINE = process.env.BENCH_BASELINE ? resolve(process.env.BENCH_BASELINE) : null;
/**
 * BENCH_LIBRARY_PROFILE=<a profile scale.bench kept (BENCH_KEEP_PROFILE=1)>: Paperlens with that library too
 * (100k papers), measured in the same alternation as the 13-paper default.
 */
const LIBRARY_PROFILE = process.env.BENCH_LIBRARY_PROFILE ? resolve(process.env.BENCH_LIBRARY_PROFILE) : null;
/** `n` deterministic list items numbered from `first`, about 2% of them linking to corpus papers in mixed shapes. */
function generateItems(n: number, first = 0, seed = 42): { items: string[]; corpusLinks: number } {
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const words = ['graph', 'neural', 'kernel', 'sparse', 'learning', 'robust', 'vision', 'token', 'policy', 'agent'];
  const items: string[] = [];
  let corpusLinks = 0;
  for (let i = first; i < first + n; i++) {
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
  return { items, corpusLinks };
}

/** A deterministic page of `n` links, 2% of them to corpus papers. */
function generatePage(n: number): { html: string; corpusLinks: number } {
  const { items, corpusLinks } = generateItems(n);
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

// Installed before any page script (with recordLongTasks): long frames and the time of the last badge.
const INSTRUMENT = () => {
  const w = window as unknown as {
    __frames: { start: number; duration: number }[];
    __lastBadge: number;
    __badges: number;
  };
  w.__frames = [];
  w.__lastBadge = 0;
  w.__badges = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__frames.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'long-animation-frame', buffered: true });
  new MutationObserver((records) => {
    // Builds before built-in hosts (a BENCH_BASELINE) used <paperlens-badge>.
    for (const r of records)
      for (const n of r.addedNodes)
        if ((n as Element).getAttribute?.('data-paperlens') === 'badge' || n.nodeName === 'PAPERLENS-BADGE') {
          w.__lastBadge = performance.now();
          w.__badges++;
        }
  }).observe(document, { childList: true, subtree: true });
};

/** The badge floors run where the bench's pages are, in every frame, with a worker the bench waits for. */
const BADGE_FLOOR = { name: 'Badge floor', matches: ['http://*/*'], allFrames: true, worker: true };

interface Browser {
  name: string;
  context: BrowserContext;
  dir: string;
  /** Whether it puts badges in the page (the bench then waits for all of them). */
  badges: boolean;
}

async function launch(
  name: string,
  extension: string | null,
  { disabledSites = [] as string[], badges = extension !== null, profile = null as string | null } = {},
): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), 'paperlens-bench-'));
  if (profile) copyProfile(profile, dir);
  const context = await launchChromium(dir, extension);
  if (extension) {
    const worker = await backgroundWorker(context);
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
  await context.addInitScript(recordLongTasks);
  await context.addInitScript(INSTRUMENT);
  return { name, context, dir, badges };
}

interface Sample {
  taskMs: number;
  cpuAfterDclMs: number;
  longestAfterLoad: number;
  longestFrameAfterLoad: number;
  /** The animation frame in which the last badge went in (its task, style, layout and paint), if any. */
  badgeFrame: number | null;
  badgeMs: number | null;
  badges: number;
}

async function measure(page: Page, url: string, expectBadges: number | null): Promise<Sample> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let taskMs = 0;
  const events = await traced(cdp, async () => {
    await page.goto(url, { waitUntil: 'load' });
    if (expectBadges !== null) {
      // A counter kept by INSTRUMENT: polling with querySelectorAll would itself cost the page time.
      await page.waitForFunction((n) => (window as unknown as { __badges: number }).__badges >= n, expectBadges, {
        timeout: 60_000,
        polling: 100,
      });
    }
    // Let trailing work (layout of the last badges, the toolbar report) finish in every browser alike.
    await page.waitForTimeout(1_000);
    const { metrics } = await cdp.send('Performance.getMetrics');
    taskMs = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  });
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
      // Frames under 50 ms are not reported: then the frame was short.
      badgeFrame: w.__lastBadge
        ? Math.max(
            0,
            ...w.__frames
              .filter((f) => f.start <= w.__lastBadge && w.__lastBadge <= f.start + f.duration)
              .map((f) => f.duration),
          )
        : null,
      badgeMs: w.__lastBadge ? w.__lastBadge - nav.domContentLoadedEventStart : null,
      badges: document.querySelectorAll('[data-paperlens="badge"]').length,
    };
  });
  await cdp.detach();
  return { taskMs, cpuAfterDclMs: cpuAfterDomContentLoaded(events), ...result };
}

/**
 * A feed: on a loaded page the page appends `batches` one at a time, as infinite scroll does, each in one
 * task of its own. Per append, the main-thread CPU time of the page's renderer over the next 600 ms (the
 * page's own parsing, style, layout and paint, and whatever the extension adds).
 */
async function measureFeed(
  browser: Browser,
  url: string,
  expectBadges: number,
  batches: string[],
): Promise<{ cpuMs: number[]; badges: number }> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  if (browser.badges)
    await page.waitForFunction((n) => (window as unknown as { __badges: number }).__badges >= n, expectBadges, {
      timeout: 60_000,
      polling: 100,
    });
  await page.waitForTimeout(1_000);
  const cdp = await page.context().newCDPSession(page);
  const cpuMs: number[] = [];
  for (const batch of batches) {
    const events = await traced(cdp, async () => {
      await page.evaluate((html) => document.querySelector('ul')?.insertAdjacentHTML('beforeend', html), batch);
      await page.waitForTimeout(600);
    });
    // The page's renderer is the one process that lays anything out.
    cpuMs.push(rendererCpu(events, events.find((e) => e.name === 'Layout')?.pid));
  }
  const badges = await page.evaluate(() => document.querySelectorAll('[data-paperlens="badge"]').length);
  await cdp.detach();
  await page.close();
  return { cpuMs, badges };
}

/**
 * What the browser charges for inserting anything into the laid-out page, without any extension: `count`
 * plain text `<span>`s after the first `count` corpus links in one task, then the rendering that follows
 * (style, layout, pre-paint, paint, commit, the hit test after layout), from a trace.
 */
async function measureInsertion(browser: Browser, url: string, count: number): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(500);
  const cdp = await page.context().newCDPSession(page);
  const events = await traced(cdp, async () => {
    await page.evaluate((n) => {
      const links = [...document.querySelectorAll('a')].filter((a) =>
        /\d{4}\.\d{4,5}/.test(a.getAttribute('href') ?? ''),
      );
      for (const link of links.filter((a) => !a.getAttribute('href')?.includes('/abs/23')).slice(0, n)) {
        const span = document.createElement('span');
        span.textContent = 'LG 81% 11';
        link.after(span);
      }
    }, count);
    await page.waitForTimeout(500);
  });
  const layout = events.find((e) => e.name === 'Layout');
  const rendering = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest']);
  let us = 0;
  for (const e of events)
    if (e.pid === layout?.pid && e.tid === layout?.tid && e.ph === 'X' && rendering.has(e.name)) us += e.dur ?? 0;
  await cdp.detach();
  await page.close();
  return us / 1000;
}

const ms = (x: number) => x.toFixed(0);
/** The long-animation-frame API reports frames of 50 ms or more only. */
const frame = (x: number) => (x === 0 ? '<50 ms' : `${ms(x)} ms`);
const plus = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(0)}`;

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
  const floorDir = writeFloorExtension(badgeFloorScript(false), BADGE_FLOOR);
  const shadowFloorDir = writeFloorExtension(badgeFloorScript(true), BADGE_FLOOR);
  const browsers = [
    await launch('without', null),
    // The same extension switched off for this site: what any content script costs, before Paperlens does anything.
    await launch('site off', EXTENSION_PATH, { disabledSites: ['127.0.0.1'], badges: false }),
    await launch('floor', floorDir),
    await launch('floor+shadow', shadowFloorDir),
    await launch('Paperlens', EXTENSION_PATH),
    ...(BASELINE ? [await launch('baseline', BASELINE)] : []),
    ...(LIBRARY_PROFILE ? [await launch('Paperlens+lib', EXTENSION_PATH, { profile: LIBRARY_PROFILE })] : []),
  ];
  const [without, , floor, shadowFloor, paperlens] = browsers as [Browser, Browser, Browser, Browser, Browser];
  const contentScript = readFileSync(join(EXTENSION_PATH, 'annotate-page.js'));

  console.log(`Paperlens content-script benchmark (${RUNS} alternating runs per size, medians)`);
  console.log(
    `content script: ${(contentScript.length / 1024).toFixed(1)} KB, ${(gzipSync(contentScript, { level: 9 }).length / 1024).toFixed(1)} KB gzipped (budget 15 KB)`,
  );
  for (const n of SIZES) {
    const { corpusLinks } = pages.get(n) as { corpusLinks: number };
    const url = `${origin}/links-${n}.html`;
    const samples = new Map<Browser, Sample[]>(browsers.map((b) => [b, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const browser of browsers) {
        const page = await browser.context.newPage();
        samples.get(browser)?.push(await measure(page, url, browser.badges ? corpusLinks : null));
        await page.close();
      }
    }
    const of = (browser: Browser, pick: (s: Sample) => number) => median((samples.get(browser) ?? []).map(pick));
    const task = (b: Browser) => of(b, (s) => s.taskMs);
    const cpu = (b: Browser) => of(b, (s) => s.cpuAfterDclMs);
    console.log(`\n${n} links, ${corpusLinks} of them to corpus papers`);
    console.log(
      'browser      | main thread (TaskDuration) | added | CPU from DOMContentLoaded | added | longest task after load | longest frame after load | frame showing the badges | DOMContentLoaded → last badge',
    );
    for (const browser of browsers) {
      const mine = samples.get(browser) ?? [];
      const badgeCounts = mine.map((s) => s.badges);
      const wrong =
        browser.badges && badgeCounts.some((c) => c !== corpusLinks) ? ` (badges: ${badgeCounts.join('/')})` : '';
      console.log(
        [
          browser.name.padEnd(12),
          `${ms(task(browser))} ms`.padEnd(26),
          (browser === without ? '' : plus(task(browser) - task(without))).padEnd(5),
          `${ms(cpu(browser))} ms`.padEnd(25),
          (browser === without ? '' : plus(cpu(browser) - cpu(without))).padEnd(5),
          `${ms(of(browser, (s) => s.longestAfterLoad))} ms`.padEnd(23),
          frame(of(browser, (s) => s.longestFrameAfterLoad)).padEnd(24),
          (browser.badges ? frame(of(browser, (s) => s.badgeFrame ?? Number.NaN)) : '').padEnd(24),
          browser.badges ? `${ms(of(browser, (s) => s.badgeMs ?? Number.NaN))} ms${wrong}` : '',
        ].join(' | '),
      );
      if (process.env.BENCH_VERBOSE)
        console.log(
          `  runs: TaskDuration ${mine.map((s) => ms(s.taskMs)).join(' ')}; CPU ${mine.map((s) => ms(s.cpuAfterDclMs)).join(' ')}`,
        );
    }
    const insertion = async (count: number) => {
      const samples: number[] = [];
      for (let run = 0; run < RUNS; run++) samples.push(await measureInsertion(without, url, count));
      return median(samples);
    };
    console.log(
      `Inserting plain <span>s after corpus links of the laid-out page, no extension (rendering that follows): 20: ${ms(await insertion(20))} ms, 200: ${ms(await insertion(200))} ms`,
    );
    const added = (b: Browser) => cpu(b) - cpu(without);
    console.log(
      `Paperlens adds ${plus(added(paperlens))} ms of CPU from DOMContentLoaded: ${(added(paperlens) / added(floor)).toFixed(2)}× the floor's ${plus(added(floor))} ms, ${(added(paperlens) / added(shadowFloor)).toFixed(2)}× the shadow-root floor's ${plus(added(shadowFloor))} ms`,
    );
    const withLibrary = browsers.find((b) => b.name === 'Paperlens+lib');
    if (withLibrary)
      console.log(
        `With the kept library, Paperlens adds ${plus(added(withLibrary))} ms: ${(added(withLibrary) / added(paperlens)).toFixed(2)}× the 13-paper default, ${(added(withLibrary) / added(floor)).toFixed(2)}× the floor`,
      );
  }
  if (FEED_SIZE) {
    const { corpusLinks } = pages.get(FEED_SIZE) as { corpusLinks: number };
    const batches = Array.from({ length: FEED_APPENDS }, (_, k) => generateItems(200, FEED_SIZE + k * 200, 1_000 + k));
    const appended = batches.reduce((sum, batch) => sum + batch.corpusLinks, 0);
    const html = batches.map((batch) => batch.items.join(''));
    // The floor does not follow a changing page; switched off, Paperlens does not either.
    const feedBrowsers = browsers.filter((b) => b === without || b.name === 'Paperlens' || b.name === 'baseline');
    const cpuMs = new Map<Browser, number[]>(feedBrowsers.map((b) => [b, []]));
    const counts = new Map<Browser, number[]>(feedBrowsers.map((b) => [b, []]));
    for (let run = 0; run < FEED_RUNS; run++) {
      for (const browser of feedBrowsers) {
        const result = await measureFeed(browser, `${origin}/links-${FEED_SIZE}.html`, corpusLinks, html);
        cpuMs.get(browser)?.push(...result.cpuMs);
        counts.get(browser)?.push(result.badges);
      }
    }
    console.log(
      `\nFeed: ${FEED_APPENDS} appends of 200 items (${appended} corpus links in all) to the ${FEED_SIZE}-link page, ${FEED_RUNS} runs; main-thread CPU per append (median)`,
    );
    const base = median(cpuMs.get(without) ?? []);
    for (const browser of feedBrowsers) {
      const per = median(cpuMs.get(browser) ?? []);
      const wrong =
        browser.badges && counts.get(browser)?.some((c) => c !== corpusLinks + appended)
          ? ` (badges: ${counts.get(browser)?.join('/')}, expected ${corpusLinks + appended})`
          : '';
      console.log(
        `${browser.name.padEnd(12)} | ${ms(per)} ms | ${browser === without ? '' : plus(per - base)}${wrong}`,
      );
    }
  }
  for (const browser of browsers) {
    await browser.context.close();
    rmSync(browser.dir, { recursive: true, force: true });
  }
  rmSync(floorDir, { recursive: true, force: true });
  rmSync(shadowFloorDir, { recursive: true, force: true });
  server.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
