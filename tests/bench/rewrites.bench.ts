/**
 * `npm run bench` (pages that keep rewriting their links): a page whose
 * script rewrites link hrefs every animation frame, as trackers and some
 * single-page apps do, loaded alternately in Debian's Chromium without any
 * extension and with Paperlens. Over BENCH_REWRITE_SECONDS (default 5) it
 * counts the frames the page drew; medians of BENCH_REWRITE_RUNS (default 3).
 * Target: the page keeps at least 90% of its frames.
 *
 * Scenarios, each on a page of 1,000 links, all to corpus papers at first:
 * - papers: each frame, N links switch between two corpus papers' URLs;
 * - trackers: each frame, N links switch between a corpus paper and a
 *   tracking address that names no paper (`https://t.example/r/…`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { CORPUS_IDS } from '../e2e/large-pages';
import { EXTENSION_PATH, launchChromium } from '../helpers/chromium';
import { median } from './stats';

const SECONDS = Number(process.env.BENCH_REWRITE_SECONDS ?? 5);
const RUNS = Number(process.env.BENCH_REWRITE_RUNS ?? 3);
const LINKS = 1_000;

interface Scenario {
  name: string;
  perFrame: number;
  other: 'paper' | 'tracker';
}
const SCENARIOS: Scenario[] = [
  { name: '1,000 rewrites a frame between papers', perFrame: 1_000, other: 'paper' },
  { name: '50 rewrites a frame between papers', perFrame: 50, other: 'paper' },
  { name: '1,000 rewrites a frame to trackers and back', perFrame: 1_000, other: 'tracker' },
];

/** The page: its links, and the script that rewrites `perFrame` of them each frame and counts frames. */
function page({ perFrame, other }: Scenario): string {
  const links = Array.from({ length: LINKS }, (_, i) => {
    const id = CORPUS_IDS[i % CORPUS_IDS.length];
    return `<li><a href="https://arxiv.org/abs/${id}">paper ${i}</a></li>`;
  }).join('');
  const script = `
    const links = [...document.querySelectorAll('a')];
    const ids = ${JSON.stringify(CORPUS_IDS)};
    const toTracker = ${other === 'tracker'};
    window.__frames = 0;
    let turn = 0;
    const frame = () => {
      turn++;
      for (let k = 0; k < ${perFrame}; k++) {
        const i = (turn * ${perFrame} + k) % links.length;
        const id = ids[(i + (turn % 2)) % ids.length];
        links[i].setAttribute('href', toTracker && turn % 2 ? 'https://t.example/r/' + i + '-' + turn : 'https://arxiv.org/abs/' + id);
      }
      window.__frames++;
      requestAnimationFrame(frame);
    };
    window.__start = () => { window.__frames = 0; requestAnimationFrame(frame); };`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>rewrites</title></head><body><ul>${links}</ul><script>${script}</script></body></html>`;
}

async function framesIn(context: BrowserContext, url: string): Promise<number> {
  const tab = await context.newPage();
  await tab.goto(url);
  await tab.waitForTimeout(1500); // Paperlens has badged the page by then
  await tab.evaluate(() => (window as unknown as { __start(): void }).__start());
  await tab.waitForTimeout(SECONDS * 1000);
  const frames = await tab.evaluate(() => (window as unknown as { __frames: number }).__frames);
  await tab.close();
  return frames;
}

async function main() {
  const server = createServer((request, response) => {
    const scenario = SCENARIOS[Number(new URL(request.url ?? '/', 'http://x').searchParams.get('s'))];
    response.writeHead(200, { 'content-type': 'text/html' }).end(scenario ? page(scenario) : '');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dirs = [mkdtempSync(join(tmpdir(), 'paperlens-rw-')), mkdtempSync(join(tmpdir(), 'paperlens-rw-'))];
  const without = await launchChromium(dirs[0] as string, null);
  const paperlens = await launchChromium(dirs[1] as string, EXTENSION_PATH);
  console.log(
    `Pages that rewrite their links every frame (${SECONDS} s each, medians of ${RUNS}; target ≥ 90% of frames kept)`,
  );
  console.log('scenario | frames without | frames with Paperlens | kept');
  for (const [index, scenario] of SCENARIOS.entries()) {
    const url = `${origin}/?s=${index}`;
    const base: number[] = [];
    const withIt: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      base.push(await framesIn(without, url));
      withIt.push(await framesIn(paperlens, url));
    }
    const kept = median(withIt) / median(base);
    console.log(`${scenario.name} | ${median(base)} | ${median(withIt)} | ${(kept * 100).toFixed(0)}%`);
  }
  await without.close();
  await paperlens.close();
  server.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
