/**
 * `npx tsx tests/bench/search.bench.ts`: what popup search costs on the bundled corpus.
 *
 * Prints the mean index build time, the mean time per query over the query table of
 * `tests/lib/search.test.ts` (each query repeated REPS times), and the same for a naive
 * baseline, a `normalizedTitle.includes(normalizedQuery)` filter, as a ratio. Both run in
 * this one process after a warm-up; compare the ratio, not absolute figures between runs.
 */

import { createPaperSearch } from '../../lib/search';
import { normalizeText } from '../../lib/text/normalize';
import { libraryPapers } from '../helpers/db';
import { QUERIES } from '../helpers/search-queries';

const REPS = Number(process.env.BENCH_REPS ?? 200);
const BUILDS = 50;

const papers = libraryPapers;
const queries = QUERIES.map(([query]) => query);

function meanMs(runs: number, run: () => unknown): number {
  run();
  const start = performance.now();
  for (let i = 0; i < runs; i++) run();
  return (performance.now() - start) / runs;
}

const buildMs = meanMs(BUILDS, () => createPaperSearch(papers));

const search = createPaperSearch(papers);
const miniSearchMs = meanMs(REPS, () => queries.map((query) => search.search(query))) / queries.length;

const naiveMs =
  meanMs(REPS, () =>
    queries.map((query) => {
      const folded = normalizeText(query);
      return papers.filter((paper) => paper.normalizedTitle.includes(folded));
    }),
  ) / queries.length;

const format = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
console.log(`papers: ${papers.length}, queries: ${queries.length} × ${REPS}`);
console.log(`index build (mean of ${BUILDS}): ${buildMs.toFixed(3)} ms`);
console.log(`MiniSearch per query: ${format(miniSearchMs)}`);
console.log(`naive includes per query: ${format(naiveMs)}`);
console.log(`ratio MiniSearch / naive: ${(miniSearchMs / naiveMs).toFixed(1)}×`);
