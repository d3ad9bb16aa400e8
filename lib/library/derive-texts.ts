import { getMeta, type PaperlensDatabase } from '../db';
import {
  addDocs,
  buildIndex,
  type DerivedText,
  deriveFor,
  needsRebuild,
  type SimilarityIndex,
  type TextDoc,
} from '../insights/similarity-index';
import { withTitles } from './derive';
import type { LibraryPaper } from './schema';

/**
 * Novelty and related papers of the library (the measure docs/corpus.md
 * defines), kept up to date in the background: the similarity index
 * (lib/insights/similarity-index.ts) is built once and kept in memory, so a
 * change that adds papers costs their share (addDocs), not the library's.
 * Papers are read and written in batches, and the work yields between
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
const WRITE_BATCH = 500;
const DERIVE_SLICE = 500;
// Lets queued messages (a page's lookup) run between slices of work.
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const docOf = (paper: LibraryPaper): TextDoc => ({
  id: paper.id,
  date: paper.date,
  text: `${paper.title}\n${paper.abstract}`,
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

/** A full build: every paper's text read, the index built, every paper derived (in slices). */
async function rebuild(db: PaperlensDatabase, keys: readonly string[]): Promise<TextMemory> {
  const docs: TextDoc[] = [];
  const titles = new Map<string, string>();
  await readPapers(db, keys, (paper) => {
    docs.push(docOf(paper));
    titles.set(paper.id, paper.displayTitle);
  });
  const index = buildIndex(docs);
  docs.length = 0;
  const derived = new Map<string, DerivedText>();
  for (let i = 0; i < index.ids.length; i += DERIVE_SLICE) {
    for (const [id, figures] of deriveFor(index, index.ids.slice(i, i + DERIVE_SLICE))) derived.set(id, figures);
    await yieldToMessages();
  }
  return { index, derived, titles };
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

/** Writes the derived figures (with the titles they name) of these papers, a batch per transaction. */
async function writeFigures(db: PaperlensDatabase, memory: TextMemory, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += WRITE_BATCH) {
    const tx = db.transaction('papers', 'readwrite');
    await Promise.all(
      ids.slice(i, i + WRITE_BATCH).map(async (id) => {
        const paper = await tx.store.get(id);
        const figures = memory.derived.get(id);
        if (!paper || !figures) return;
        const next = { ...paper, ...withTitles(figures, memory.titles) };
        if (JSON.stringify(next) !== JSON.stringify(paper)) await tx.store.put(next);
      }),
    );
    await tx.done;
    await yieldToMessages();
  }
}

/**
 * Brings novelty and related papers up to the library's revision: papers
 * added since the last run are added to the index; a full build happens the
 * first time, when `full` is asked for, when papers were removed, or when
 * the library grew by more than a tenth since the last build (its term
 * weights would drift). Returns the memory to keep, and whether the revision
 * stayed the same meanwhile (if not, the caller runs again).
 */
export async function recomputeTexts(
  db: PaperlensDatabase,
  memory: TextMemory | null = null,
  full = false,
): Promise<{ done: boolean; memory: TextMemory }> {
  const read = db.transaction(['papers', 'meta']);
  const [keys, revision] = await Promise.all([
    read.objectStore('papers').getAllKeys(),
    getMeta(read.objectStore('meta'), 'libraryRevision'),
  ]);
  await read.done;
  const present = new Set(keys);
  const removed = memory && [...memory.derived.keys()].some((id) => !present.has(id));
  let changed: readonly string[];
  if (!memory || full || removed || needsRebuild(memory.index)) {
    memory = await rebuild(db, keys);
    changed = keys;
  } else {
    changed = await addNew(
      db,
      memory,
      keys.filter((key) => !memory?.derived.has(key)),
    );
  }
  await writeFigures(db, memory, changed);
  const tx = db.transaction('meta', 'readwrite');
  const done = (await getMeta(tx.store, 'libraryRevision')) === revision;
  if (done) await tx.store.put({ key: 'derivedRevision', value: revision ?? 0 });
  await tx.done;
  return { done, memory };
}
