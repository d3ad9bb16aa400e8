/**
 * Writes a synthetic library for scale benchmarks, as the files a user would import:
 *
 *   npx tsx tests/scale/write-library.ts --papers 100000 --out /tmp/lib100k [--authors 500] [--seed 1]
 *
 * gives /tmp/lib100k.json (a Paperlens library file) and /tmp/lib100k.jsonl (an arXiv
 * metadata snapshot), written a record at a time, and prints their sizes and the time taken.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateLibrary, libraryFileChunks, snapshotLines } from './generate';

/** Text is handed to the stream about a MiB at a time: fewer writes, bounded memory. */
const BATCH_CHARS = 1 << 20;

async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let batch: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    batch.push(chunk);
    size += chunk.length;
    if (size < BATCH_CHARS) continue;
    // Waiting for drain keeps the stream's buffer from holding the whole file.
    if (!out.write(batch.join(''))) await once(out, 'drain');
    batch = [];
    size = 0;
  }
  out.end(batch.join(''));
  await once(out, 'finish');
}

function* lines(records: Iterable<string>): Generator<string> {
  for (const record of records) yield `${record}\n`;
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function options() {
  const { values } = parseArgs({
    options: {
      papers: { type: 'string', default: '1000' },
      authors: { type: 'string', default: '500' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  });
  if (!values.out)
    throw new Error('--out is required: the path the .json and .jsonl files are written to, without them');
  return {
    papers: Number(values.papers),
    authors: Number(values.authors),
    seed: Number(values.seed),
    out: resolve(values.out),
  };
}

async function main(): Promise<void> {
  const { out, ...scale } = options();
  mkdirSync(dirname(out), { recursive: true });
  const cpu = process.cpuUsage();
  let start = performance.now();
  const library = generateLibrary(scale);
  const generated = performance.now() - start;
  const cpuMs = process.cpuUsage(cpu).user / 1000;
  const heap = process.memoryUsage().heapUsed;
  console.log(`generated ${library.papers.length} papers, ${library.authors.length} authors in ${seconds(generated)}`);
  console.log(`  (cpu ${seconds(cpuMs)}, heap after ${mib(heap)})`);
  for (const [path, chunks] of [
    [`${out}.json`, libraryFileChunks(library)],
    [`${out}.jsonl`, lines(snapshotLines(library))],
  ] as const) {
    start = performance.now();
    await writeChunks(path, chunks);
    console.log(`wrote ${path}: ${mib(statSync(path).size)} in ${seconds(performance.now() - start)}`);
  }
  console.log(`peak RSS ${mib(process.resourceUsage().maxRSS * 1024)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
