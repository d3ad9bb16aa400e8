/**
 * `npx tsx tests/bench/library-search.bench.ts`: the popup's search index (lib/search.ts)
 * at library scale, on libraries from tests/scale/generate.ts, in node.
 *
 * Per size (each in a process of its own, `… library-search.bench.ts 100000` runs one, so
 * memory is that size's): the profile the background picks, build time, the index's heap,
 * its stored JSON size and the time to load it back (loadJSONAsync, as a restarted worker
 * does), then per keystroke (every prefix of QUERY_COUNT queries: titles' words, authors,
 * abstract words, typos) the median and p95 of a search with its filter and sort
 * (filterAndSort, 50 shown), and the same for the quick scan of titles and authors that
 * answers while the stored index loads.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type KeptRow, scanRows } from '../../lib/library/search-index';
import {
  createTextIndex,
  indexedText,
  loadTextIndex,
  newestFirst,
  rowFinder,
  searchProfileFor,
  searchRow,
  topResults,
} from '../../lib/search';
import { normalizeText } from '../../lib/text/normalize';
import { generateLibrary } from '../scale/generate';
import { percentile } from './stats';

const SIZES = (process.env.BENCH_SIZES ?? '1000,20000,100000').split(',').map(Number);
const QUERY_COUNT = 40;

const mb = (bytes: number) => Math.round(bytes / 1e6);
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

/** Queries as users type them: title words, an author, abstract words, a misspelling; each prefix is a keystroke. */
function queriesFor(papers: { title: string; authors: string[]; abstract: string }[]): string[] {
  const queries: string[] = [];
  for (let i = 0; queries.length < QUERY_COUNT; i++) {
    const paper = papers[(i * 7919) % papers.length]!;
    const words = paper.title.split(/\s+/).filter((w) => w.length > 3);
    const abstract = paper.abstract.split(/\s+/).filter((w) => w.length > 6);
    const kind = i % 4;
    if (kind === 0) queries.push(words.slice(0, 3).join(' '));
    else if (kind === 1) queries.push(paper.authors[0]?.split(' ').at(-1) ?? 'smith');
    else if (kind === 2) queries.push(abstract.slice(0, 2).join(' '));
    else queries.push((words[0] ?? 'model').replace(/(.)(.)$/, '$2$1'));
  }
  return queries.flatMap((query) => Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)));
}

async function measure(n: number) {
  const papers = generateLibrary({ papers: n, seed: 1 }).papers;
  const profile = searchProfileFor(papers.length);
  const rows = newestFirst(papers.map(searchRow));
  const rowOf = rowFinder(new Map(rows.map((row) => [row.id, row])));
  const kept: KeptRow[] = papers.map((paper) => ({
    ...searchRow(paper),
    text: ` ${paper.normalizedTitle} ${normalizeText(paper.authors.join(' '))} `,
    sig: 0,
  }));
  gc();
  const base = used();
  const [index, buildMs] = timed(() => createTextIndex(profile, papers.map(indexedText)));
  gc();
  const heapMb = mb(used() - base);
  const [parts, saveMs] = timed(() => index.toParts(1_000_000));
  const loadStart = performance.now();
  await loadTextIndex(parts.head, inOrder(parts.terms), profile);
  const loadMs = performance.now() - loadStart;
  const keystrokes = queriesFor(papers);
  const search = keystrokes.map((query) => timed(() => topResults(index.match(query), rows, rowOf, {}, 50))[1]);
  const scan = keystrokes.map((query) => timed(() => scanRows(kept, query))[1]);
  return {
    n,
    profile,
    buildS: (buildMs / 1000).toFixed(1),
    heapMb,
    jsonMb: mb(parts.terms.reduce((chars, part) => chars + part.length, parts.head.length)),
    saveMs: Math.round(saveMs),
    loadMs: Math.round(loadMs),
    keystrokes: keystrokes.length,
    searchP50: percentile(search, 50).toFixed(1),
    searchP95: percentile(search, 95).toFixed(1),
    scanP95: percentile(scan, 95).toFixed(1),
  };
}

/** Stored parts as the worker reads them back: one after another. */
async function* inOrder(parts: string[]): AsyncGenerator<string> {
  yield* parts;
}

const self = fileURLToPath(import.meta.url);
const only = process.argv[2];
if (only) {
  console.log(JSON.stringify(await measure(Number(only))));
} else {
  console.log(
    '| papers | profile | build | index heap | stored JSON | save | load | keystrokes | search p50 / p95 | scan p95 |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const n of SIZES) {
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, String(n)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const r = JSON.parse(out.trim().split('\n').at(-1)!);
    console.log(
      `| ${r.n.toLocaleString('en')} | ${r.profile} | ${r.buildS} s | ${r.heapMb} MB | ${r.jsonMb} MB | ${r.saveMs} ms | ${r.loadMs} ms | ${r.keystrokes} | ${r.searchP50} / ${r.searchP95} ms | ${r.scanP95} ms |`,
    );
  }
}
