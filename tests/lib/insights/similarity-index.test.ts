import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeNovelty, computeRelated } from '../../../lib/insights/novelty';
import {
  addDocs,
  buildIndex,
  createIndexBuilder,
  type DerivedText,
  deriveAll,
  fromStored,
  fromStoredInSlices,
  type IndexOptions,
  nearest,
  needsRebuild,
  type SimilarityIndex,
  type TextDoc,
  toStored,
} from '../../../lib/insights/similarity-index';
import { cosine, type SparseVector, tfidfVectors } from '../../../lib/insights/text-vectors';
import { libraryPapers } from '../../helpers/db';
import { generateLibrary } from '../../scale/generate';

/** Today's exact figures (novelty.ts over text-vectors.ts), keyed by id. */
function todays(docs: readonly TextDoc[], vectors = tfidfVectors(docs.map((doc) => doc.text))) {
  const dated = docs.map((doc, i) => ({ id: doc.id, date: doc.date, vector: vectors[i] ?? new Map() }));
  const novelty = computeNovelty(dated);
  const related = computeRelated(dated);
  return new Map(docs.map((doc) => [doc.id, { novelty: novelty.get(doc.id)!, related: related.get(doc.id)! }]));
}

/** The index's own vectors (its frozen IDF) as text-vectors.ts's Maps, to check addDocs against all-pairs. */
function frozenVectors(index: SimilarityIndex): SparseVector[] {
  return index.ids.map((_, d) => {
    const weights = new Map<string, number>();
    for (let e = index.start[d]!; e < index.start[d + 1]!; e++) {
      const t = index.entryTerm[e]!;
      weights.set(index.terms[t]!, index.entryCount[e]! * index.idf[t]!);
    }
    const norm = Math.hypot(...weights.values());
    for (const [term, weight] of weights) weights.set(term, weight / norm);
    return weights;
  });
}

const asDoc = (paper: { id: string; date: string; title: string; abstract: string }): TextDoc => ({
  id: paper.id,
  date: paper.date,
  text: `${paper.title}\n${paper.abstract}`,
});

const corpusDocs = libraryPapers.map(asDoc);

const WORDS = 'graph kernel spectral neural quantum lattice sparse tensor bayesian robust'.split(' ');

/** Small libraries: few words (many ties and zero similarities), few dates (ties broken by id), mixed-case ids. */
const smallLibrary = (max: number) =>
  fc
    .uniqueArray(
      fc.record({
        id: fc.stringMatching(/^[a-zA-Z]{1,3}$/),
        date: fc.constantFrom('2020-01-01', '2020-06-01', '2021-01-01', '2022-03-01'),
        text: fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((words) => words.join(' ')),
      }),
      { minLength: 1, maxLength: max, selector: (doc) => doc.id },
    )
    .map((docs) => docs as TextDoc[]);

/** Options that force the approximate path, with tight pruning. */
const APPROXIMATE: IndexOptions = { exactUpTo: 0, indexTerms: 2, queryTerms: 2, candidates: 2 };

describe('deriveAll on small libraries', () => {
  it('gives exactly today’s figures on the bundled corpus', () => {
    const { derived, index } = deriveAll(corpusDocs);
    expect(index.exact).toBe(true);
    expect(derived).toEqual(todays(corpusDocs));
  });

  it('gives exactly today’s figures on any small library (ties, empty texts, one paper)', () => {
    fc.assert(
      fc.property(smallLibrary(25), (docs) => {
        expect(deriveAll(docs).derived).toEqual(todays(docs));
      }),
    );
  });

  it('gives today’s figures through the approximate path when nothing is pruned', () => {
    const loose = { exactUpTo: 0, indexTerms: 1000, queryTerms: 1000, candidates: 1000 };
    expect(deriveAll(corpusDocs, loose).derived).toEqual(todays(corpusDocs));
    fc.assert(
      fc.property(smallLibrary(25), (docs) => {
        expect(deriveAll(docs, loose).derived).toEqual(todays(docs));
      }),
    );
  });

  it('keeps the figures well formed when pruning hard: earlier closest paper, true similarities, no self', () => {
    fc.assert(
      fc.property(smallLibrary(30), (docs) => {
        const vectors = new Map(tfidfVectors(docs.map((doc) => doc.text)).map((v, i) => [docs[i]!.id, v]));
        const cos = (a: string, b: string) => Math.round(cosine(vectors.get(a)!, vectors.get(b)!) * 10_000) / 10_000;
        const byId = new Map(docs.map((doc) => [doc.id, doc]));
        const precedes = (a: TextDoc, b: TextDoc) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);
        const exact = todays(docs);
        const { derived } = deriveAll(docs, APPROXIMATE);
        for (const doc of docs) {
          const { novelty, related } = derived.get(doc.id)!;
          const earliest = docs.every((other) => other === doc || precedes(doc, other) < 0);
          expect(novelty.closestEarlierId === null).toBe(earliest);
          if (novelty.closestEarlierId) {
            expect(precedes(byId.get(novelty.closestEarlierId)!, doc)).toBeLessThan(0);
            // Approximate in which paper it finds, never in the figure: the pair's own cosine, at most the best.
            expect(novelty.similarity).toBe(cos(doc.id, novelty.closestEarlierId));
            expect(novelty.similarity!).toBeLessThanOrEqual(exact.get(doc.id)!.novelty.similarity!);
          }
          expect(novelty.score).toBe(Math.round((1 - (novelty.similarity ?? 0)) * 10_000) / 10_000);
          expect(related.length).toBe(Math.min(3, docs.length - 1));
          expect(related.map((r) => r.id)).not.toContain(doc.id);
          for (const r of related) expect(r.similarity).toBe(cos(doc.id, r.id));
          for (const r of related) expect(r.similarity >= 0 && r.similarity <= 1).toBe(true);
          const sims = related.map((r) => r.similarity);
          expect(sims).toEqual([...sims].sort((a, b) => b - a));
        }
      }),
      { numRuns: 50 },
    );
  });
});

/** Applies addDocs' answer over the figures before it. */
function addAndMerge(index: SimilarityIndex, before: ReadonlyMap<string, DerivedText>, docs: TextDoc[]) {
  const changed = addDocs(index, docs, (id) => before.get(id));
  return { changed, after: new Map([...before, ...changed]) };
}

describe('addDocs', () => {
  it('equals all-pairs over the union with the frozen IDF (exact mode), reporting only what changed', () => {
    fc.assert(
      fc.property(smallLibrary(30), fc.integer({ min: 1, max: 29 }), (docs, cut) => {
        const split = Math.min(cut, docs.length - 1);
        const { derived, index } = deriveAll(docs.slice(0, split));
        const snapshot = structuredClone(derived);
        const { changed, after } = addAndMerge(index, derived, docs.slice(split));
        const union = index.ids.map((id) => docs.find((doc) => doc.id === id)!);
        expect(after).toEqual(todays(union, frozenVectors(index)));
        for (const [id, figures] of changed) if (snapshot.has(id)) expect(figures).not.toEqual(snapshot.get(id));
        expect(derived).toEqual(snapshot);
      }),
    );
  });

  it('stays within the documented tolerance of a fresh build after adding 10% (IDF drift)', () => {
    const docs = generateLibrary({ papers: 1100, authors: 50, seed: 3 }).papers.map(asDoc);
    const [base, added] = [docs.filter((_, i) => i % 11 !== 5), docs.filter((_, i) => i % 11 === 5)];
    const { derived, index } = deriveAll(base);
    let figures: Map<string, DerivedText> = derived;
    for (let i = 0; i < added.length; i += 50) figures = addAndMerge(index, figures, added.slice(i, i + 50)).after;
    expect(needsRebuild(index)).toBe(false);
    const fresh = deriveAll(docs).derived;
    const drift = [...fresh].map(([id, f]) =>
      Math.abs((figures.get(id)!.related[0]?.similarity ?? 0) - (f.related[0]?.similarity ?? 0)),
    );
    const sameTop = [...fresh].filter(([id, f]) => figures.get(id)!.related[0]?.id === f.related[0]?.id).length;
    expect(Math.max(...drift)).toBeLessThanOrEqual(0.03);
    expect(drift.reduce((a, b) => a + b) / drift.length).toBeLessThanOrEqual(0.005);
    expect(sameTop / fresh.size).toBeGreaterThanOrEqual(0.95);
  });

  it('derives afresh an existing paper it is given no figures for', () => {
    const { index } = deriveAll(corpusDocs.slice(0, 10));
    const changed = addDocs(index, corpusDocs.slice(10, 11), () => undefined);
    expect(changed).toEqual(todays(corpusDocs.slice(0, 11), frozenVectors(index)));
  });

  it('asks for a full build once more than 10% was added, and refuses ids it already holds', () => {
    const { index, derived } = deriveAll(corpusDocs.slice(0, 10));
    expect(() => addDocs(index, [corpusDocs[0]!], (id) => derived.get(id))).toThrow(/already|twice/);
    addDocs(index, [corpusDocs[10]!], (id) => derived.get(id));
    expect(needsRebuild(index)).toBe(false);
    addDocs(index, [corpusDocs[11]!], (id) => derived.get(id));
    expect(needsRebuild(index)).toBe(true);
  });

  it('asks for a full build before adding more than 10% at once (a large import onto a small exact index)', () => {
    const { index } = deriveAll(corpusDocs.slice(0, 10));
    expect(needsRebuild(index, 1)).toBe(false);
    expect(needsRebuild(index, 2)).toBe(true);
    expect(needsRebuild(index, 100_000)).toBe(true);
  });

  it('updates approximate indexes too: new papers get figures, neighbours of the new ones change', () => {
    const docs = generateLibrary({ papers: 600, authors: 30, seed: 5 }).papers.map(asDoc);
    const { derived, index } = deriveAll(docs.slice(0, 550), { exactUpTo: 0 });
    const { changed, after } = addAndMerge(index, derived, docs.slice(550));
    for (const doc of docs.slice(550)) expect(changed.has(doc.id)).toBe(true);
    const added = new Set(docs.slice(550).map((doc) => doc.id));
    const touched = [...changed.keys()].filter((id) => derived.has(id));
    expect(touched.length).toBeGreaterThan(0);
    // An existing paper changes only because a new one became its closest earlier or a related paper.
    for (const id of touched) {
      const { novelty, related } = after.get(id)!;
      expect([novelty.closestEarlierId, ...related.map((r) => r.id)].some((other) => added.has(other!))).toBe(true);
    }
  });
});

describe('nearest', () => {
  const { index } = deriveAll(corpusDocs);

  it('finds a paper from its own text first, most similar first, similarity above 0 only', () => {
    const paper = corpusDocs[4]!;
    const found = nearest(index, paper.text, 5);
    expect(found[0]).toEqual({ id: paper.id, similarity: 1 });
    expect(found.length).toBeLessThanOrEqual(5);
    const sims = found.map((r) => r.similarity);
    expect(sims).toEqual([...sims].sort((a, b) => b - a));
    expect(sims.every((x) => x > 0 && x <= 1)).toBe(true);
    expect(nearest(index, 'zzz qqq', 3)).toEqual([]);
  });
});

describe('createIndexBuilder', () => {
  it('builds from slices the same index as from all documents at once, in both modes', () => {
    const docs = generateLibrary({ papers: 150, authors: 20, seed: 11 }).papers.map(asDoc);
    const whole = [{}, { exactUpTo: 0 }].map((options) => ({ options, stored: toStored(buildIndex(docs, options)) }));
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 6 }),
        fc.nat(1),
        (cuts, mode) => {
          const { options, stored } = whole[mode]!;
          const builder = createIndexBuilder(options);
          let at = 0;
          for (const cut of [...cuts, docs.length]) {
            builder.add(docs.slice(at, at + cut));
            at = Math.min(docs.length, at + cut);
          }
          expect(toStored(builder.finish())).toEqual(stored);
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('toStored and fromStored', () => {
  it('keep term ids and counts as short varints, given back exactly', () => {
    const docs = generateLibrary({ papers: 400, authors: 30, seed: 7 }).papers.map(asDoc);
    const index = buildIndex(docs);
    const entries = index.start[index.docCount]!;
    const stored = toStored(index);
    // Raw, they took four and two bytes an entry.
    expect(stored.entryTerm.byteLength).toBeLessThan(entries * 1.6);
    expect(stored.entryCount.byteLength).toBe(entries);
    const restored = fromStored(structuredClone(stored));
    expect(restored.entryTerm.subarray(0, entries)).toEqual(index.entryTerm.subarray(0, entries));
    expect(restored.entryCount.subarray(0, entries)).toEqual(index.entryCount.subarray(0, entries));
    expect(() => fromStored({ ...stored, version: 1 } as never)).toThrow(/unknown stored version 1/);
  });

  it('survive a structured clone (IndexedDB) and go on as the original would', () => {
    const docs = generateLibrary({ papers: 400, authors: 30, seed: 7 }).papers.map(asDoc);
    for (const options of [{}, { exactUpTo: 0 }]) {
      const { derived, index } = deriveAll(docs.slice(0, 360), options);
      const restored = fromStored(structuredClone(toStored(index)));
      expect(restored.exact).toBe(index.exact);
      expect(nearest(restored, docs[3]!.text, 3)).toEqual(nearest(index, docs[3]!.text, 3));
      const next = docs.slice(360);
      expect(addDocs(restored, next, (id) => derived.get(id))).toEqual(addDocs(index, next, (id) => derived.get(id)));
    }
  });

  it('are restored in slices with pauses between them, to the same index as at once', async () => {
    const docs = generateLibrary({ papers: 400, authors: 30, seed: 7 }).papers.map(asDoc);
    for (const options of [{}, { exactUpTo: 0 }]) {
      const stored = toStored(deriveAll(docs, options).index);
      let pauses = 0;
      const pause = async () => {
        pauses++;
      };
      const sliced = await fromStoredInSlices(structuredClone(stored), pause, 50);
      // Norms and both passes over the inverted lists, 50 documents at a time.
      expect(pauses).toBeGreaterThanOrEqual(3 * Math.floor(docs.length / 50));
      expect(sliced).toEqual(fromStored(structuredClone(stored)));
      expect(nearest(sliced, docs[3]!.text, 3)).toEqual(nearest(fromStored(structuredClone(stored)), docs[3]!.text, 3));
    }
  });
});

describe('approximate mode at 5,000 papers', () => {
  it('finds the exact top-1 (novelty’s closest earlier paper and related[0]) for ≥ 95% of papers', () => {
    const docs = generateLibrary({ papers: 5000, seed: 11 }).papers.map(asDoc);
    const exact = deriveAll(docs, { exactUpTo: Number.POSITIVE_INFINITY }).derived;
    const approximate = deriveAll(docs, { exactUpTo: 0 }).derived;
    // A hit: the same similarity (ties at 4 decimals are equally right); misses only ever find a less similar paper.
    const recall = (pick: (f: DerivedText) => number | null | undefined) =>
      docs.filter((doc) => pick(approximate.get(doc.id)!) === pick(exact.get(doc.id)!)).length / docs.length;
    expect(recall((f) => f.novelty.similarity)).toBeGreaterThanOrEqual(0.95);
    expect(recall((f) => f.related[0]?.similarity)).toBeGreaterThanOrEqual(0.95);
  }, 30_000);
});
