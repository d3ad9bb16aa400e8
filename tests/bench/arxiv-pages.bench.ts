/**
 * `npx tsx tests/bench/arxiv-pages.bench.ts` (part of `npm run bench`): what Paperlens costs arXiv's own pages,
 * where researchers browse most, against the least any extension could do there, in Debian's Chromium. Pages
 * are routed at their real addresses (https://arxiv.org/…), so both of Paperlens's scripts run as they would:
 * - a listing built like `list/cs.LG/pastweek?show=1000`: arXiv's `dl`/`dt`/`dd` markup, 400 entries, ~5k links
 *   (~3k of them author links), a quarter of the titles MathJax-rendered; every 25th entry a bundled-corpus
 *   paper, and author names drawn partly from the bundled corpus's coauthors and the 100k generated library's
 *   authors (tests/scale/generate.ts), so chips appear with either library;
 * - an abstract page of a bundled paper, with arXiv's header, sidebar and footer links.
 * The floors: on the listing, the plain floor of badges.bench (a text span after every corpus link, in one
 * pass), and with a library profile the same floor over the papers Paperlens badged there with that library
 * (captured in this run: a larger library badges more of the listing); on the abstract page, a floor that puts
 * Paperlens's own panel (its host and markup, captured from Paperlens in this run, in a shadow root with
 * Paperlens's stylesheet) after the title in one go: the hosts floor below, over the panel alone. On both pages
 * also the hosts floor: every host Paperlens drew there
 * (badges, chips, the panel: captured in this run, with each library), as static markup in shadow roots with
 * Paperlens's stylesheet, put in in one pass (what showing the same costs at least, under the architecture's
 * rules); and the text floor: the same, after reading once what finding titles and plain-text ids needs (READING).
 * Per browser, medians of BENCH_RUNS alternating loads: main-thread CPU from DOMContentLoaded, and the longest
 * main-thread task that began after it (wall time), both from a trace, and from the same traces where the time
 * goes (layout passes, style, paint, microtasks, GC). BENCH_LIBRARY_PROFILE=<a profile
 * scale.bench kept> adds Paperlens with that (100k) library; BENCH_BASELINE=<a build's chrome-mv3 folder>[,<another>…]
 * adds other builds (an older commit's, or one with a part left out), each named by its folder.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CORPUS_IDS } from '../e2e/large-pages';
import { copyProfile, EXTENSION_PATH, launchChromium } from '../helpers/chromium';
import { traced } from '../helpers/trace';
import { generateLibrary } from '../scale/generate';
import { badgeFloorScript, writeFloorExtension } from './floor-extension';
import { cpuAfterDomContentLoaded, longestTaskAfterDomContentLoaded, type WorkByKind, workByKind } from './page-trace';
import { median } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const LIBRARY_PROFILE = process.env.BENCH_LIBRARY_PROFILE ? resolve(process.env.BENCH_LIBRARY_PROFILE) : null;
const BASELINES = (process.env.BENCH_BASELINE ?? '')
  .split(',')
  .filter(Boolean)
  .map((dir) => resolve(dir));
const ENTRIES = 400;
const LISTING_URL = 'https://arxiv.org/list/cs.LG/pastweek?skip=0&show=1000';
const ABSTRACT_ID = '2402.07871';
const ABSTRACT_URL = `https://arxiv.org/abs/${ABSTRACT_ID}`;

/** A deterministic source of numbers in [0, 1). */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Names that are coauthors of followed authors in the bundled corpus and in the generated 100k library. */
function knownNames(): string[] {
  const corpus = JSON.parse(readFileSync('data/corpus.json', 'utf8')) as { coauthors: { name: string }[] };
  const generated = generateLibrary({ papers: 100_000 });
  const followed = generated.authors.slice(0, 40).map((author) => author.name);
  const theirs = generated.papers.slice(0, 400).flatMap((paper) => paper.authors.slice(0, 3));
  return [...new Set([...corpus.coauthors.map((c) => c.name), ...followed, ...theirs])];
}

const GIVEN = ['Anna', 'Wei', 'Jonas', 'Priya', 'Mateo', 'Yuki', 'Olga', 'Tomás', 'Chen', 'Amara', 'Lukas', 'Sara'];
const FAMILY = ['Schmidt', 'Kowalski', 'Nguyen', 'Garcia', 'Ivanova', 'Okafor', 'Rossi', 'Tanaka', 'Müller', 'Haddad'];
const WORDS = [
  'sparse',
  'scaling',
  'attention',
  'experts',
  'diffusion',
  'kernel',
  'graph',
  'policy',
  'robust',
  'token',
];

function authorLinks(random: () => number, known: readonly string[]): string {
  const count = 4 + Math.floor(random() * 8);
  const names = Array.from({ length: count }, () => {
    const r = random();
    if (r < 0.15) return known[Math.floor(random() * known.length)] ?? 'Jane Doe';
    return `${GIVEN[Math.floor(random() * GIVEN.length)]} ${FAMILY[Math.floor(random() * FAMILY.length)]}${Math.floor(random() * 90)}`;
  });
  return names
    .map((name) => {
      const slug = name.toLowerCase().replace(/[^a-z]+/g, '_');
      return `<a href="https://arxiv.org/a/${slug}_1">${escapeHtml(name)}</a>`;
    })
    .join(', ');
}

function title(random: () => number): string {
  const words = Array.from({ length: 6 + Math.floor(random() * 8) }, () => WORDS[Math.floor(random() * WORDS.length)]);
  if (random() > 0.25) return words.join(' ');
  // What MathJax leaves in a title it rendered: a preview, nested spans and the source kept in a script.
  const math =
    '<span class="MathJax_Preview" style="color: inherit;"></span><span class="MathJax" id="MathJax-Element-1-Frame" tabindex="0" role="presentation"><nobr aria-hidden="true"><span class="math" style="width: 1.5em;"><span><span class="mrow"><span class="msubsup"><span class="mi">O</span><span class="mo">(</span><span class="mi">n</span><span class="mo">)</span></span></span></span></span></nobr><span class="MJX_Assistive_MathML" role="presentation"><math><mi>O</mi><mo>(</mo><mi>n</mi><mo>)</mo></math></span></span><script type="math/tex">O(n)</script>';
  return `${words.slice(0, 3).join(' ')} ${math} ${words.slice(3).join(' ')}`;
}

function listingEntry(i: number, random: () => number, known: readonly string[]): string {
  const corpus = i % 25 === 0 ? CORPUS_IDS[(i / 25) % CORPUS_IDS.length] : undefined;
  const id = corpus ?? `25${String(1 + (i % 12)).padStart(2, '0')}.${String(10_000 + Math.floor(random() * 89_999))}`;
  return `<dt>
  <a name="item${i + 1}">[${i + 1}]</a>
  <a href="/abs/${id}" title="Abstract" id="${id}">arXiv:${id}</a>
  [<a href="/pdf/${id}" title="Download PDF" id="pdf-${id}">pdf</a>, <a href="https://arxiv.org/html/${id}v1" title="View HTML" id="html-${id}" rel="noopener noreferrer" target="_blank">html</a>, <a href="/format/${id}" title="Other formats" id="oth-${id}">other</a>]
</dt>
<dd>
  <div class="meta">
    <div class="list-title mathjax"><span class="descriptor">Title:</span> ${title(random)}</div>
    <div class="list-authors">${authorLinks(random, known)}</div>
    <div class="list-comments mathjax"><span class="descriptor">Comments:</span> ${1 + Math.floor(random() * 40)} pages</div>
    <div class="list-subjects"><span class="descriptor">Subjects:</span> <span class="primary-subject">Machine Learning (cs.LG)</span>; Artificial Intelligence (cs.AI)</div>
  </div>
</dd>`;
}

/** arXiv's header, search box and footer around a page's content, with their links. */
function arxivChrome(title: string, content: string, sidebar = ''): string {
  const nav = Array.from(
    { length: 30 },
    (_, i) => `<li><a href="/list/cs.${['LG', 'AI', 'CL', 'CV'][i % 4]}/recent?n=${i}">cs.${i}</a></li>`,
  );
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:"Lucida Grande",Helvetica,Arial,sans-serif;font-size:14px;margin:0 2em}.list-title{font-size:1.1em;font-weight:bold}.descriptor{color:#666;font-weight:normal}dl#articles dt{margin-top:1em}dd{margin-left:0}.extra-services{float:right;width:20em}</style>
<script type="text/x-mathjax-config">MathJax.Hub.Config({});</script></head>
<body class="with-cu-identity"><header><a href="https://www.cornell.edu/">Cornell University</a> <a href="https://info.arxiv.org/about/donate.html">Donate</a>
<form class="search-block" action="https://arxiv.org/search" method="GET"><input name="query" aria-label="Search term or terms"><button>Search</button></form></header>
<main><div id="content">${sidebar}<div id="content-inner">${content}</div></div></main>
<footer><ul>${nav.join('')}</ul><a href="https://info.arxiv.org/help/contact.html">Contact</a> <a href="https://info.arxiv.org/help/license/index.html">Copyright</a></footer></body></html>`;
}

function listingPage(): { html: string; links: number } {
  const random = seeded(7);
  const known = knownNames();
  const entries = Array.from({ length: ENTRIES }, (_, i) => listingEntry(i, random, known));
  const html = arxivChrome(
    'Machine Learning authors/titles "past week"',
    `<div id="dlpage"><h1>Machine Learning</h1><h3>Authors and titles for the past week (showing ${ENTRIES} entries)</h3><dl id="articles">${entries.join('\n')}</dl></div>`,
  );
  return { html, links: (html.match(/<a /g) ?? []).length };
}

function abstractPage(): string {
  const fixture = readFileSync('tests/fixtures/pages/arxiv-abs.html', 'utf8');
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(fixture)?.[1] ?? fixture;
  const browse = Array.from({ length: 60 }, (_, i) => `<li><a href="/abs/2402.0${7800 + i}">prev ${i}</a></li>`);
  const sidebar = `<div class="extra-services"><h2>Access Paper:</h2><ul><li><a href="/pdf/${ABSTRACT_ID}">View PDF</a></li><li><a href="https://arxiv.org/html/${ABSTRACT_ID}v2">HTML</a></li><li><a href="/src/${ABSTRACT_ID}">TeX Source</a></li></ul>
<h3>References &amp; Citations</h3><ul><li><a href="https://ui.adsabs.harvard.edu/abs/arXiv:${ABSTRACT_ID}">NASA ADS</a></li><li><a href="https://scholar.google.com/scholar_lookup?arxiv_id=${ABSTRACT_ID}">Google Scholar</a></li><li><a href="https://api.semanticscholar.org/arXiv:${ABSTRACT_ID}">Semantic Scholar</a></li></ul><ul>${browse.join('')}</ul></div>`;
  return arxivChrome('[2402.07871] Scaling Laws for Fine-Grained Mixture of Experts', body, sidebar);
}

/** One host Paperlens drew: its element, what its shadow root held, and where it was (found by tag and index). */
interface CapturedHost {
  hostTag: string;
  attributes: [string, string][];
  html: string;
  /** The element it followed, or (a chip, or a host first in its parent) the one it was the last or first child of. */
  place: { tag: string; index: number; how: 'after' | 'append' | 'prepend' };
}

/**
 * The least an extension that badges titles and plain-text ids must read, once, in one pass (the text floor runs it
 * before drawing the hosts floor's hosts): every link's href; the text of every link whose href is not an arXiv
 * author's (a name, never a title); the text of every text node of 9 or more characters outside a link (the
 * shortest that can hold an id), tested for "arXiv".
 */
const READING = `
  let read = 0;
  for (const a of document.getElementsByTagName('a')) {
    const href = a.getAttribute('href') ?? '';
    read += href.length;
    if (!/\\/a\\/|searchtype=author/.test(href)) read += a.textContent.length;
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (node.length >= 9 && node.parentNode.localName !== 'a' && /arxiv/i.test(node.data)) read++;
  document.documentElement.dataset.floorRead = String(read);`;

/**
 * The hosts floor: `hosts` as static markup, each in an open shadow root with Paperlens's stylesheet, every one
 * put in in one synchronous pass (one template per distinct markup, places found before anything goes in).
 */
function hostsFloor(hosts: readonly CapturedHost[], reading = false): string {
  return `(() => {${reading ? READING : ''}
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(${JSON.stringify(readFileSync('components/page/page.css', 'utf8'))});
  const hosts = ${JSON.stringify(hosts)};
  const templates = new Map();
  const placed = hosts.map((h) => [h, document.getElementsByTagName(h.place.tag)[h.place.index]]);
  for (const [h, at] of placed) {
    if (!at) continue;
    let template = templates.get(h.html);
    if (!template) {
      template = document.createElement('template');
      template.innerHTML = h.html;
      templates.set(h.html, template);
    }
    const host = document.createElement(h.hostTag);
    for (const [name, value] of h.attributes) host.setAttribute(name, value);
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    root.append(template.content.cloneNode(true));
    at[h.place.how](host);
  }
})();`;
}

/** The floors run on arXiv's pages only. */
const ARXIV_FLOOR = { name: 'arXiv floor', matches: ['https://arxiv.org/*'] };

const pages = { listing: listingPage(), abstract: abstractPage() };

interface Browser {
  name: string;
  context: BrowserContext;
  dir: string;
}

async function launch(name: string, extension: string | null, profile: string | null = null): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), 'paperlens-bench-'));
  if (profile) copyProfile(profile, dir);
  const context = await launchChromium(dir, extension);
  await context.route('https://arxiv.org/**', (route) => {
    const url = route.request().url();
    const html = url.startsWith('https://arxiv.org/list/')
      ? pages.listing.html
      : url === ABSTRACT_URL
        ? pages.abstract
        : null;
    return html === null
      ? route.fulfill({ status: 404, body: '' })
      : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
  // Paperlens asks its worker as the page loads: give a restored 100k profile time to open its database.
  if (extension) await context.waitForEvent('serviceworker', { timeout: 2_000 }).catch(() => {});
  return { name, context, dir };
}

interface Sample {
  cpuMs: number;
  longestMs: number;
  hosts: number;
  work: WorkByKind;
}

/** One load: traced until the extension's hosts (if it makes any) came and then stopped arriving for a second. */
async function measure(page: Page, url: string, awaitHosts: boolean): Promise<Sample> {
  await page.addInitScript(() => {
    const w = window as unknown as { __lastHost: number };
    w.__lastHost = 0;
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if ((n as Element).hasAttribute?.('data-paperlens')) w.__lastHost = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  const cdp = await page.context().newCDPSession(page);
  const events = await traced(cdp, async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(1_000);
    if (awaitHosts)
      await page.waitForFunction(() => (window as unknown as { __lastHost: number }).__lastHost > 0, null, {
        timeout: 60_000,
        polling: 250,
      });
    await page.waitForFunction(
      () => performance.now() - (window as unknown as { __lastHost: number }).__lastHost > 1_000,
      null,
      {
        timeout: 60_000,
        polling: 250,
      },
    );
  });
  const hosts = await page.evaluate(() => document.querySelectorAll('[data-paperlens]').length);
  await cdp.detach();
  return {
    cpuMs: cpuAfterDomContentLoaded(events),
    longestMs: longestTaskAfterDomContentLoaded(events),
    hosts,
    work: workByKind(events),
  };
}

/**
 * Every host Paperlens drew on `url` once its hosts stopped arriving, and where, for the hosts floor. The second
 * load's: a worker's first answer comes late (with a 100k library, a listing's chips come seconds after its badges).
 */
async function captureHosts(browser: Browser, url: string): Promise<CapturedHost[]> {
  const first = await browser.context.newPage();
  await measure(first, url, true);
  await first.close();
  const page = await browser.context.newPage();
  await measure(page, url, true);
  const hosts = await page.evaluate(() =>
    [...document.querySelectorAll('[data-paperlens]')].flatMap((host) => {
      const how: 'after' | 'append' | 'prepend' =
        host.getAttribute('data-paperlens') === 'coauthor'
          ? 'append'
          : host.previousElementSibling
            ? 'after'
            : 'prepend';
      const at = how === 'after' ? host.previousElementSibling : host.parentElement;
      if (!at) return [];
      const tag = at.localName;
      return [
        {
          hostTag: host.localName,
          attributes: [...host.attributes].map((a): [string, string] => [a.name, a.value]),
          html: host.shadowRoot?.innerHTML ?? '',
          place: { tag, index: [...document.getElementsByTagName(tag)].indexOf(at), how },
        },
      ];
    }),
  );
  await page.close();
  return hosts;
}

/** The papers whose badges are among `hosts`, once each. */
const badgedPapers = (hosts: readonly CapturedHost[]): string[] => [
  ...new Set(hosts.flatMap((h) => h.attributes.filter(([name]) => name === 'data-paperlens-id').map(([, id]) => id))),
];

/** Each Paperlens browser with a floor its added CPU is compared to (a browser may have more than one). */
type Pairs = [paperlens: Browser, floor: Browser][];

async function section(label: string, url: string, browsers: Browser[], pairs: Pairs) {
  const samples = new Map<Browser, Sample[]>(browsers.map((b) => [b, []]));
  const [without] = browsers as [Browser];
  // One load each first, not counted: a worker that just started (reading a 100k library's keys) answers later.
  for (let run = -1; run < RUNS; run++) {
    for (const browser of browsers) {
      const page = await browser.context.newPage();
      const sample = await measure(page, url, browser !== without);
      if (run >= 0) samples.get(browser)?.push(sample);
      await page.close();
    }
  }
  const of = (b: Browser, pick: (s: Sample) => number) => median((samples.get(b) ?? []).map(pick));
  const added = (b: Browser) => of(b, (s) => s.cpuMs) - of(without, (s) => s.cpuMs);
  console.log(`\n${label}`);
  console.log(
    'browser        | CPU from DOMContentLoaded | added  | longest task after DOMContentLoaded | vs without | hosts',
  );
  for (const b of browsers) {
    const longest = of(b, (s) => s.longestMs);
    console.log(
      [
        b.name.padEnd(14),
        `${of(b, (s) => s.cpuMs).toFixed(0)} ms`.padEnd(25),
        (b === without ? '' : `+${added(b).toFixed(0)}`).padEnd(6),
        `${longest.toFixed(0)} ms`.padEnd(35),
        (b === without ? '' : `+${(longest - of(without, (s) => s.longestMs)).toFixed(0)}`).padEnd(10),
        (samples.get(b) ?? []).map((s) => s.hosts).join('/'),
      ].join(' | '),
    );
  }
  // Where the time goes (inclusive times of trace events, so they overlap; layouts: how many passes).
  console.log("browser        | layouts | layout   | style    | paint    | microtasks (scripts' async code) | GC");
  for (const b of browsers) {
    const work = (pick: (w: WorkByKind) => number) => of(b, (s) => pick(s.work));
    console.log(
      [
        b.name.padEnd(14),
        work((w) => w.layouts)
          .toFixed(0)
          .padEnd(7),
        `${work((w) => w.layoutMs).toFixed(1)} ms`.padEnd(8),
        `${work((w) => w.styleMs).toFixed(1)} ms`.padEnd(8),
        `${work((w) => w.paintMs).toFixed(1)} ms`.padEnd(8),
        `${work((w) => w.microtasksMs).toFixed(1)} ms`.padEnd(34),
        `${work((w) => w.gcMs).toFixed(1)} ms`,
      ].join(' | '),
    );
  }
  for (const [b, floor] of pairs)
    console.log(`${b.name} adds ${(added(b) / added(floor)).toFixed(2)}× the CPU ${floor.name} adds`);
}

async function main() {
  console.log(
    `Paperlens on arXiv's own pages (${RUNS} alternating loads, medians; listing: ${pages.listing.links} links)`,
  );
  const withBundled = await launch('Paperlens', EXTENSION_PATH);
  const withLibrary = LIBRARY_PROFILE ? await launch('Paperlens+lib', EXTENSION_PATH, LIBRARY_PROFILE) : undefined;
  const paperlens = [withBundled, ...(withLibrary ? [withLibrary] : [])];
  for (const dir of BASELINES) paperlens.push(await launch(basename(dir), dir));
  // The hosts floors: what Paperlens drew on each page with each library, drawn in one go.
  const drawn = async (b: Browser | undefined, url: string) => (b ? await captureHosts(b, url) : null);
  const hosts = {
    listing: await drawn(withBundled, LISTING_URL),
    listingLib: await drawn(withLibrary, LISTING_URL),
    abstract: await drawn(withBundled, ABSTRACT_URL),
    abstractLib: await drawn(withLibrary, ABSTRACT_URL),
  };
  // The listing's floor is badges.bench's plain floor; with a library, also that floor over what it badged.
  const libraryPapers = hosts.listingLib && badgedPapers(hosts.listingLib);
  // The abstract page's floor: Paperlens's panel alone, after the title.
  const panel = (hosts.abstract ?? []).filter((h) =>
    h.attributes.some(([name, value]) => name === 'data-paperlens' && value === 'panel'),
  );
  const written = new Map<string, string>();
  const write = (key: string, script: string | null) => {
    if (script) written.set(key, writeFloorExtension(script, ARXIV_FLOOR));
  };
  write('listing', badgeFloorScript(false));
  write('panel', hostsFloor(panel));
  write('libraryListing', libraryPapers && badgeFloorScript(false, libraryPapers));
  for (const [key, captured] of Object.entries(hosts)) write(key, captured && hostsFloor(captured));
  write('listingText', hosts.listing && hostsFloor(hosts.listing, true));
  write('listingLibText', hosts.listingLib && hostsFloor(hosts.listingLib, true));
  write('abstractText', hosts.abstract && hostsFloor(hosts.abstract, true));
  // Each section's floors run only during it: fewer browsers idling beside the one measured.
  let launched: Browser[] = [];
  const floor = async (name: string, key: string) => {
    const dir = written.get(key);
    if (!dir) return null;
    const browser = await launch(name, dir);
    launched.push(browser);
    return browser;
  };
  const close = async (browsers: Browser[]) => {
    for (const b of browsers) {
      await b.context.close();
      rmSync(b.dir, { recursive: true, force: true });
    }
  };
  const without = await launch('without', null);
  const listingFloor = (await floor('floor', 'listing')) as Browser;
  const libraryFloor = await floor('floor+lib', 'libraryListing');
  const present = (browsers: (Browser | null)[]) => browsers.filter((b): b is Browser => b !== null);
  if (libraryPapers) console.log(`With the library, Paperlens badged ${libraryPapers.length} papers of the listing`);
  for (const [label, captured] of Object.entries(hosts))
    if (captured) console.log(`Hosts floor, ${label}: ${captured.length} hosts`);
  const pairsOf = (floors: [Browser | null, Browser | null, Browser | null][]): Pairs =>
    floors.flatMap(([forBundled, forLibrary, forBaselines]) =>
      paperlens.flatMap((b): Pairs => {
        const against = b === withBundled ? forBundled : b === withLibrary ? forLibrary : forBaselines;
        return against ? [[b, against]] : [];
      }),
    );
  const listingHostsFloor = await floor('hosts floor', 'listing');
  const listingLibHostsFloor = await floor('hosts+lib', 'listingLib');
  const listingTextFloor = await floor('text floor', 'listingText');
  const listingLibTextFloor = await floor('text+lib', 'listingLibText');
  await section(
    `Listing (${ENTRIES} entries, dl/dt/dd, ${pages.listing.links} links)`,
    LISTING_URL,
    [
      without,
      ...present([listingFloor, libraryFloor, listingHostsFloor, listingLibHostsFloor]),
      ...present([listingTextFloor, listingLibTextFloor]),
      ...paperlens,
    ],
    pairsOf([
      [listingFloor, libraryFloor ?? listingFloor, listingFloor],
      [listingHostsFloor, listingLibHostsFloor, listingHostsFloor],
      [listingTextFloor, listingLibTextFloor, listingTextFloor],
    ]).concat(
      // How far the text floor alone is above the plain floors: a target under it is out of any extension's reach.
      present([listingTextFloor, listingLibTextFloor]).map((b): [Browser, Browser] => [
        b,
        b === listingTextFloor ? listingFloor : (libraryFloor ?? listingFloor),
      ]),
    ),
  );
  await close(launched);
  launched = [];
  const panelFloorBrowser = (await floor('panel floor', 'panel')) as Browser;
  const abstractHostsFloor = await floor('hosts floor', 'abstract');
  const abstractLibHostsFloor = await floor('hosts+lib', 'abstractLib');
  const abstractTextFloor = await floor('text floor', 'abstractText');
  await section(
    'Abstract page (the panel after the title)',
    ABSTRACT_URL,
    [
      without,
      panelFloorBrowser,
      ...present([abstractHostsFloor, abstractLibHostsFloor, abstractTextFloor]),
      ...paperlens,
    ],
    pairsOf([
      [panelFloorBrowser, panelFloorBrowser, panelFloorBrowser],
      [abstractHostsFloor, abstractLibHostsFloor, abstractHostsFloor],
      [abstractTextFloor, null, abstractTextFloor],
    ]),
  );
  await close([without, ...launched, ...paperlens]);
  for (const dir of written.values()) rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
