import { getMeta, type PaperlensDatabase } from '../db';
import {
  addDocs,
  createIndexBuilder,
  type DerivedText,
  deriveFor,
  needsRebuild,
  type SimilarityIndex,
  type TextDoc,
  toStored,
} from '../insights/similarity-index';
import { type AuthorPapers, type CoauthorChange, coauthorRecords, paperCoauthors, withTitles } from './derive';
import { type StoredDerived, sameDerived, storedCoauthors, storedDerived, withStoredCoauthors } from './derived-store';
import type { LibraryPaper } from './schema';

/**
 * Derived data, kept up to date in the background: novelty and related papers
 * (the measure docs/corpus.md defines) and the coauthor counts papers carry.
 * The similarity index (lib/insights/similarity-index.ts) is built once and
 * kept in memory, so a change that adds papers costs their share (addDocs),
 * not the library's; it is also stored (meta `similarityIndex`) whenever
 * derived data is current, for relatePaper after a worker restart. A full build
 * reads every paper once and writes each changed paper's derived record once
 * (coauthors and figures together, in the `derived` store: derived-store.ts);
 * reads and writes go a batch per transaction, and the work yields between
 * slices, so the worker keeps answering pages meanwhile.
 */

/** What the background keeps between runs. */
export interface TextMemory {
  index: SimilarityIndex;
  derived: Map<string, DerivedText>;
  /** Display titles, for the titles derived figures carry. */
  titles: Map<string, string>;
}

const READ_BATCH = 1_000;
// Derived records are small (no abstract, no index): a thousand a transaction.
const WRITE_BATCH = 1_000;
const DERIVE_SLICE = 500;
// ~200 papers tokenized take ~35 ms at 100k (node): short enough for a lookup waiting behind them.
const INDEX_SLICE = 200;
// Lets queued messages (a page's lookup) run between slices of work.
export const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The text similarity is measured on (title and abstract); relate.ts measures a page's paper with it too. */
export const paperText = (title: string, abstract: string): string => `${title}\n${abstract}`;

/** A library paper as the similarity index reads it. */
export const docOf = (paper: LibraryPaper): TextDoc => ({
  id: paper.id,
  date: paper.date,
  text: paperText(paper.title, paper.abstract),
});

/** The papers with these keys, read a batch per transaction (so memory holds texts, not one huge read). */
async function readPapers(db: PaperlensDatabase, keys: readonly string[], each: (paper: LibraryPaper) => void) {
  for (let i = 0; i < keys.length; i += READ_BATCH) {
    const tx = db.transaction('papers');
    const batch = await Promise.all(keys.slice(i, i + READ_BATCH).map((key) => tx.store.get(key)));
    await tx.done;
    for (const paper of batch) if (paper) each(paper);
  }
}

/**
 * Every paper, in key order, a batch per transaction: one request a batch rather than one a paper;
 * `afterBatch` runs between batches (a build then indexes what it read, in slices).
 */
export async function scanPapers(
  db: PaperlensDatabase,
  each: (paper: LibraryPaper) => void,
  afterBatch: () => Promise<void> = async () => {},
) {
  for (let after: string | undefined; ; ) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const batch = await db.getAll('papers', range, READ_BATCH);
    for (const paper of batch) each(paper);
    await afterBatch();
    if (batch.length < READ_BATCH) return;
    after = batch[batch.length - 1]?.id;
  }
}

/**
 * A full build: every paper read once (texts, titles, and each followed author's papers) and indexed as it is
 * read, a slice at a time between yields (at 100k papers indexing in one go held the worker ~20 s, and pages'
 * lookups with it), then every paper derived.
 */
async function rebuild(db: PaperlensDatabase): Promise<{ memory: TextMemory; papersOf: Map<string, AuthorPapers> }> {
  const builder = createIndexBuilder();
  const docs: TextDoc[] = [];
  const titles = new Map<string, string>();
  const papersOf = new Map<string, AuthorPapers>();
  const indexRead = async () => {
    for (let i = 0; i < docs.length; i += INDEX_SLICE) {
      builder.add(docs.slice(i, i + INDEX_SLICE));
      await yieldToMessages();
    }
    docs.length = 0;
  };
  await scanPapers(
    db,
    (paper) => {
      docs.push(docOf(paper));
      titles.set(paper.id, paper.displayTitle);
      const { id, date, authors, followedAuthorIds } = paper;
      const coauthored = { id, date, authors, followedAuthorIds };
      for (const authorId of followedAuthorIds) {
        const list = papersOf.get(authorId);
        if (list) list.push(coauthored);
        else papersOf.set(authorId, [coauthored]);
      }
    },
    indexRead,
  );
  const index = builder.finish();
  const derived = new Map<string, DerivedText>();
  for (let i = 0; i < index.ids.length; i += DERIVE_SLICE) {
    for (const [id, figures] of deriveFor(index, index.ids.slice(i, i + DERIVE_SLICE))) derived.set(id, figures);
    await yieldToMessages();
  }
  return { memory: { index, derived, titles }, papersOf };
}

/** Papers new since the last run join the index; the figures that changed (theirs and others') come back. */
async function addNew(db: PaperlensDatabase, memory: TextMemory, keys: readonly string[]) {
  const docs: TextDoc[] = [];
  await readPapers(db, keys, (paper) => {
    docs.push(docOf(paper));
    memory.titles.set(paper.id, paper.displayTitle);
  });
  const changed = addDocs(memory.index, docs, (id) => memory.derived.get(id));
  for (const [id, figures] of changed) memory.derived.set(id, figures);
  return [...changed.keys()];
}

/** A paper's derived record as now worked out: its figures (with the titles they name) and its coauthor counts. */
function nextDerived(
  id: string,
  before: StoredDerived | undefined,
  memory: TextMemory,
  change: CoauthorChange,
): StoredDerived {
  const figures = memory.derived.get(id);
  const { novelty, related } = figures
    ? withTitles(figures, memory.titles)
    : { novelty: before?.novelty ?? null, related: before?.related ?? [] };
  const paper = change.papers.get(id);
  if (!paper?.followedAuthorIds.some((authorId) => change.counts.has(authorId))) {
    return withStoredCoauthors({ id, novelty, related }, before);
  }
  const kept = before && storedCoauthors(before, paper.authors);
  const coauthors = paperCoauthors({ ...paper, coauthors: kept }, change.counts);
  return storedDerived({ id, novelty, related, coauthors }, paper.authors);
}

/**
 * Writes the derived records that changed, each once, a batch per transaction: the stored ones read by key
 * for a few papers, by key range when most of the library changed (`keys`: every paper's, in key order).
 */
async function writeDerived(
  db: PaperlensDatabase,
  memory: TextMemory,
  ids: ReadonlySet<string>,
  change: CoauthorChange,
  keys: readonly string[],
): Promise<void> {
  const sparse = ids.size * 4 < keys.length;
  const wanted = sparse ? [...ids] : keys.filter((key) => ids.has(key));
  for (let i = 0; i < wanted.length; i += WRITE_BATCH) {
    const batch = wanted.slice(i, i + WRITE_BATCH);
    const tx = db.transaction('derived', 'readwrite');
    const stored = sparse
      ? await Promise.all(batch.map((id) => tx.store.get(id)))
      : await tx.store.getAll(IDBKeyRange.bound(batch[0], batch.at(-1)));
    const before = new Map(stored.flatMap((record) => (record ? [[record.id, record] as const] : [])));
    for (const id of batch) {
      const next = nextDerived(id, before.get(id), memory, change);
      if (!sameDerived(before.get(id), next)) void tx.store.put(next);
    }
    await tx.done;
    await yieldToMessages();
  }
}

/** How many documents each index had when last stored: a run that added no paper does not store it again. */
const storedDocs = new WeakMap<SimilarityIndex, number>();

/**
 * Records that derived data matches `revision`, unless the library moved on
 * meanwhile (then returns false), and stores the index with it when it
 * changed since last stored: a restarted worker answers relatePaper from
 * that copy (lib/library/relate.ts) instead of rebuilding.
 */
async function markDone(db: PaperlensDatabase, memory: TextMemory, revision: number | undefined): Promise<boolean> {
  const tx = db.transaction('meta', 'readwrite');
  const done = (await getMeta(tx.store, 'libraryRevision')) === revision;
  const store = done && storedDocs.get(memory.index) !== memory.index.docCount;
  if (done) await tx.store.put({ key: 'derivedRevision', value: revision ?? 0 });
  if (store)
    await tx.store.put({ key: 'similarityIndex', value: { revision: revision ?? 0, index: toStored(memory.index) } });
  await tx.done;
  if (store) storedDocs.set(memory.index, memory.index.docCount);
  return done;
}

/**
 * Brings derived data up to the library's revision: the coauthors of the
 * followed authors a change touched (`'all'`: every one), and novelty and
 * related papers. Papers added since the last run are added to the index; a
 * full build happens the first time, when `full` is asked for (or `'all'`),
 * when papers were removed, or when the papers to add would grow the library
 * by more than a tenth since the last build (its term weights would drift). Returns the memory to
 * keep, and whether the revision stayed the same meanwhile (if not, the
 * caller runs again).
 */
export async function recomputeDerived(
  db: PaperlensDatabase,
  memory: TextMemory | null,
  touched: readonly string[] | 'all',
  full = false,
): Promise<{ done: boolean; memory: TextMemory }> {
  const read = db.transaction(['papers', 'authors', 'meta']);
  const [keys, authorIds, revision] = await Promise.all([
    read.objectStore('papers').getAllKeys(),
    touched === 'all' ? read.objectStore('authors').getAllKeys() : touched,
    getMeta(read.objectStore('meta'), 'libraryRevision'),
  ]);
  await read.done;
  const present = new Set(keys);
  const removed = memory && [...memory.derived.keys()].some((id) => !present.has(id));
  const known = memory?.derived;
  const fresh = known ? keys.filter((key) => !known.has(key)) : keys;
  let changed: readonly string[];
  let coauthors: CoauthorChange;
  if (!memory || full || touched === 'all' || removed || needsRebuild(memory.index, fresh.length)) {
    const built = await rebuild(db);
    memory = built.memory;
    changed = keys;
    coauthors = await coauthorRecords(db, authorIds, built.papersOf);
  } else {
    changed = await addNew(db, memory, fresh);
    coauthors = await coauthorRecords(db, authorIds);
  }
  await writeDerived(db, memory, new Set([...changed, ...coauthors.papers.keys()]), coauthors, keys);
  return { done: await markDone(db, memory, revision), memory };
}

/** Novelty and related papers alone (no followed author's coauthors changed). */
export const recomputeTexts = (db: PaperlensDatabase, memory: TextMemory | null = null, full = false) =>
  recomputeDerived(db, memory, [], full);
