/**
 * `npx tsx tests/bench/similarity.bench.ts`: novelty and related papers at library scale
 * (lib/insights/similarity-index.ts) on libraries from tests/scale/generate.ts.
 *
 * Each size runs in a process of its own (`… similarity.bench.ts 20000` runs one), so peak
 * RSS is that size's. Per size: build and derive with the default options, memory (the
 * index's own, the peak while deriving, both over the baseline after generating the texts;
 * RSS includes the texts), recall of the exact top-1 on a sample of SAMPLE papers (exact =
 * every pair, same frozen IDF), adding ADDED papers (time; and how many of the changes an
 * exact index finds from the same figures it also found), nearest() over QUERIES texts not
 * in the library, the stored (structured-clone) size and the time to load it back, and
 * relatePaper's core (closestTo: an abstract page's title and abstract against the library)
 * over RELATE_QUERIES generated papers not in it, p50 / p95.
 *
 * `BENCH_PART=relate` measures only that last part (build the index, then relate): at 100k
 * it takes a minute or two rather than the whole run's many.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import {
  addDocs,
  buildIndex,
  type DerivedText,
  deriveFor,
  fromStored,
  nearest,
  type TextDoc,
  toStored,
} from '../../lib/insights/similarity-index';
import { closestTo } from '../../lib/library/relate';
import type { LibraryPaper } from '../../lib/library/schema';
import { generateLibrary } from '../scale/generate';

const SIZES = (process.env.BENCH_SIZES ?? '1000,20000,100000').split(',').map(Number);
const SAMPLE = 5_000;
const ADDED = 100;
const QUERIES = 200;
const RELATE_QUERIES = 50;
const SLICE = 5_000;

interface Row {
  n: number;
  mode: string;
  buildMs: number;
  deriveMs: number;
  indexMb: number;
  peakMb: number;
  rssMb: number;
  maxRssMb: number;
  recallNovelty: number | null;
  recallRelated: number | null;
  addMs: number;
  addChanged: number;
  addFound: string;
  nearestP95: number;
  storedMb: number;
  restoreMs: number;
  relate: RelateTimes;
}

/** relatePaper's core over papers not in the library, in ms. */
interface RelateTimes {
  p50: number;
  p95: number;
  max: number;
}

const mb = (bytes: number) => Math.round(bytes / 1e6);
const gc = () => (globalThis as { gc?: () => void }).gc?.();
/** Heap and typed arrays: what the index costs, unlike RSS, which keeps pages the process once used. */
const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

/** The share of sampled papers whose approximate top-1 has the exact one's similarity (ties are equally right). */
function recall(sample: string[], approximate: Map<string, DerivedText>, exact: Map<string, DerivedText>) {
  const hits = (pick: (f: DerivedText) => number | null | undefined) =>
    sample.filter((id) => pick(approximate.get(id)!) === pick(exact.get(id)!)).length / sample.length;
  return { novelty: hits((f) => f.novelty.similarity), related: hits((f) => f.related[0]?.similarity) };
}

/** How many of the changes an exact index makes from the same figures the approximate one made too. */
function changesFound(found: Map<string, DerivedText>, truth: Map<string, DerivedText>): string {
  const same = (a?: DerivedText, b?: DerivedText) =>
    a?.novelty.similarity === b?.novelty.similarity &&
    a?.related.map((r) => r.similarity).join() === b?.related.map((r) => r.similarity).join();
  const agreeing = [...truth].filter(([id, figures]) => same(found.get(id), figures)).length;
  return `${agreeing}/${truth.size}`;
}

function deriveInSlices(ids: string[], derive: (slice: string[]) => Map<string, DerivedText>, base: number) {
  const derived = new Map<string, DerivedText>();
  let peak = 0;
  for (let i = 0; i < ids.length; i += SLICE) {
    for (const [id, figures] of derive(ids.slice(i, i + SLICE))) derived.set(id, figures);
    peak = Math.max(peak, used() - base);
  }
  return { derived, peak };
}

function nearestP95(index: ReturnType<typeof buildIndex>, texts: string[]): number {
  const times = texts.map((text) => timed(() => nearest(index, text, 10))[1]).sort((a, b) => a - b);
  return times[Math.floor(times.length * 0.95)] ?? Number.NaN;
}

/** closestTo (relatePaper's core) for each page's title and abstract: p50, p95 and max in ms. */
function relateTimes(index: ReturnType<typeof buildIndex>, pages: readonly LibraryPaper[]): RelateTimes {
  const times = pages.map((page) => timed(() => closestTo(index, page.title, page.abstract, page.id))[1]);
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), max: at(1) };
}

/** BENCH_PART=relate: only the index build and relatePaper's core over RELATE_QUERIES papers not in the library. */
function measureRelate(n: number): { n: number; mode: string; buildS: number; relate: RelateTimes } {
  const papers = generateLibrary({ papers: n + RELATE_QUERIES, seed: 1 }).papers;
  const docs = papers.slice(0, n).map((p): TextDoc => ({ id: p.id, date: p.date, text: `${p.title}\n${p.abstract}` }));
  const [index, buildMs] = timed(() => buildIndex(docs));
  docs.length = 0;
  // A few library papers first: the scratch arrays are allocated and the code compiled outside the timings.
  relateTimes(index, papers.slice(0, 10));
  const relate = relateTimes(index, papers.slice(n));
  return { n, mode: index.exact ? 'exact' : 'approximate', buildS: buildMs / 1000, relate };
}

/** The approximate index against an exact one on the same papers: recall on the sample, then the same addition. */
function againstExact(docs: TextDoc[], n: number, sample: string[], before: Map<string, DerivedText>) {
  const exact = buildIndex(docs.slice(0, n), { exactUpTo: Number.POSITIVE_INFINITY });
  const found = recall(sample, before, deriveFor(exact, sample));
  const truth = addDocs(exact, docs.slice(n, n + ADDED), (id) => before.get(id));
  return { found, truth };
}

function measure(n: number): Row {
  const papers = generateLibrary({ papers: n + ADDED + QUERIES, seed: 1 }).papers;
  const docs = papers.map(
    (paper): TextDoc => ({ id: paper.id, date: paper.date, text: `${paper.title}\n${paper.abstract}` }),
  );
  // Flat strings now, so the build's reading them (which flattens a concatenation) does not shrink the baseline.
  for (const doc of docs) doc.text.charCodeAt(0);
  gc();
  const base = used();
  const [index, buildMs] = timed(() => buildIndex(docs.slice(0, n)));
  gc();
  const indexBytes = used() - base;
  const [{ derived, peak }, deriveMs] = timed(() => deriveInSlices(index.ids, (ids) => deriveFor(index, ids), base));
  const rssMb = mb(process.memoryUsage().rss);
  const stored = toStored(index);
  const storedBytes = serialize(stored).length;
  const clone = structuredClone(stored);
  gc();
  const [, restoreMs] = timed(() => fromStored(clone));
  gc();
  const step = Math.max(1, Math.floor(n / SAMPLE));
  const sample = index.ids.filter((_, i) => i % step === 0).slice(0, SAMPLE);
  const [added, addMs] = timed(() => addDocs(index, docs.slice(n, n + ADDED), (id) => derived.get(id)));
  const texts = docs.slice(n + ADDED).map((doc) => doc.text);
  const exact = index.exact ? null : againstExact(docs, n, sample, derived);
  return {
    n,
    mode: index.exact ? 'exact' : 'approximate',
    buildMs,
    deriveMs,
    indexMb: mb(indexBytes),
    peakMb: mb(Math.max(peak, indexBytes)),
    rssMb,
    maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
    recallNovelty: exact?.found.novelty ?? null,
    recallRelated: exact?.found.related ?? null,
    addMs,
    addChanged: added.size,
    addFound: exact ? changesFound(added, exact.truth) : 'exact',
    nearestP95: nearestP95(index, texts),
    storedMb: mb(storedBytes),
    restoreMs,
    relate: relateTimes(index, papers.slice(n + ADDED, n + ADDED + RELATE_QUERIES)),
  };
}

function print(rows: Row[]): void {
  const pct = (x: number | null) => (x === null ? 'exact' : `${(100 * x).toFixed(1)}%`);
  const table = rows.map((r) => ({
    n: r.n,
    mode: r.mode,
    'build+derive s': ((r.buildMs + r.deriveMs) / 1000).toFixed(1),
    'build / derive s': `${(r.buildMs / 1000).toFixed(1)} / ${(r.deriveMs / 1000).toFixed(1)}`,
    'ms/doc': ((r.buildMs + r.deriveMs) / r.n).toFixed(3),
    'index / peak MB': `${r.indexMb} / ${r.peakMb}`,
    'RSS / max MB': `${r.rssMb} / ${r.maxRssMb}`,
    'recall@1 novelty': pct(r.recallNovelty),
    'recall@1 related': pct(r.recallRelated),
    [`add ${ADDED} ms`]: r.addMs.toFixed(0),
    'add: changed (found/exact)': `${r.addChanged} (${r.addFound})`,
    'nearest p95 ms': r.nearestP95.toFixed(1),
    'stored MB': r.storedMb,
    'load ms': r.restoreMs.toFixed(0),
    'relate p50 / p95 ms': `${r.relate.p50.toFixed(1)} / ${r.relate.p95.toFixed(1)}`,
  }));
  console.table(table);
}

/** Runs one size in a child process of its own (`arg`: the size, or `relate:<size>`), its last line parsed. */
function inChild<T>(arg: string): T {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), arg], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

const child = process.argv[2];
if (child?.startsWith('relate:')) console.log(JSON.stringify(measureRelate(Number(child.slice('relate:'.length)))));
else if (child) console.log(JSON.stringify(measure(Number(child))));
else if (process.env.BENCH_PART === 'relate') {
  const rows = SIZES.map((n) => inChild<ReturnType<typeof measureRelate>>(`relate:${n}`));
  console.table(
    rows.map(({ n, mode, buildS, relate }) => ({
      n,
      mode,
      'build s': buildS.toFixed(1),
      [`relate p50 / p95 / max ms (${RELATE_QUERIES} pages)`]: `${relate.p50.toFixed(1)} / ${relate.p95.toFixed(1)} / ${relate.max.toFixed(1)}`,
    })),
  );
} else print(SIZES.map((n) => inChild<Row>(`${n}`)));
