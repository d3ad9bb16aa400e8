import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { type IndexedText, indexOptions } from '../../lib/search';
import { internals } from '../../lib/search-execute';
import { freezeTerms, Postings } from '../../lib/search-postings';

/** Everything a Map says about itself, entries in key order (postings list them ascending, a Map as written). */
const seen = (map: Map<number, number>) => ({
  size: map.size,
  entries: [...map].sort((a, b) => a[0] - b[0]),
  keys: [...map.keys()].sort((a, b) => a - b),
  values: [...map.entries()].sort((a, b) => a[0] - b[0]).map(([, freq]) => freq),
  forEach: (() => {
    const list: [number, number][] = [];
    map.forEach((freq, doc) => {
      list.push([doc, freq]);
    });
    return list.sort((a, b) => a[0] - b[0]);
  })(),
});

const doc = fc.nat({ max: 5_000 });
const freq = fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 100_000 }));
const entries = fc.uniqueArray(fc.tuple(doc, freq), { selector: ([d]) => d, maxLength: 60 });
const write = fc.oneof(
  fc.tuple(fc.constant('set' as const), doc, freq),
  fc.tuple(fc.constant('delete' as const), doc, fc.constant(0)),
  fc.tuple(fc.constant('freeze' as const), fc.constant(0), fc.constant(0)),
);

describe('Postings', () => {
  it('reads as the Map it was made from, and stays so through writes and freezing (property)', () => {
    fc.assert(
      fc.property(
        entries,
        fc.array(write, { maxLength: 30 }),
        fc.array(doc, { maxLength: 10 }),
        (start, writes, probes) => {
          const model = new Map(start);
          const postings = Postings.of(model);
          expect(seen(postings)).toEqual(seen(model));
          expect(postings.frozen).toBe(true);
          for (const [what, d, f] of writes) {
            if (what === 'set') {
              expect(postings.set(d, f)).toBe(postings);
              model.set(d, f);
            }
            if (what === 'delete') expect(postings.delete(d)).toBe(model.delete(d));
            if (what === 'freeze') postings.freeze();
            // Any write turns it into a Map until frozen again.
            expect(postings.frozen).toBe(what === 'freeze');
            for (const probe of [...probes, d]) {
              expect(postings.get(probe)).toBe(model.get(probe));
              expect(postings.has(probe)).toBe(model.has(probe));
            }
            expect(seen(postings)).toEqual(seen(model));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads MiniSearch's plain form as its entries", () => {
    fc.assert(
      fc.property(entries, (start) => {
        const record = Object.fromEntries(start.map(([d, f]) => [String(d), f]));
        expect(seen(Postings.ofRecord(record))).toEqual(seen(new Map(start)));
      }),
    );
    // Keys that are not written as integers are listed in insertion order, after the integer ones: sorted anyway.
    expect([...Postings.ofRecord({ '7': 1, '03': 2, '1': 3 })]).toEqual([
      [1, 3],
      [3, 2],
      [7, 1],
    ]);
  });

  it('keeps frequencies past 255 and 65,535 exactly', () => {
    const postings = Postings.of([
      [1, 300],
      [2, 70_000],
      [3, 1],
    ]);
    expect([...postings.values()]).toEqual([300, 70_000, 1]);
  });

  it('is read to the end while deleted from as it is read, as MiniSearch cleans up', () => {
    const postings = Postings.of([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
    ]);
    const visited: number[] = [];
    for (const [d] of postings) {
      visited.push(d);
      if (d % 2 === 0) postings.delete(d);
    }
    expect(visited).toEqual([1, 2, 3, 4]);
    expect([...postings.keys()]).toEqual([1, 3]);
  });
});

describe('freezeTerms', () => {
  const termMap = () =>
    new Map<string, Map<number, Map<number, number>>>([
      [
        'model',
        new Map([
          [
            0,
            new Map([
              [4, 1],
              [2, 2],
            ]),
          ],
          [1, new Map([[9, 1]])],
        ]),
      ],
      ['graph', new Map([[0, new Map([[3, 1]])]])],
    ]);

  it('puts every Map of postings in typed arrays, and freezes those a write turned back into Maps', async () => {
    const terms = termMap();
    await freezeTerms(terms, async () => {});
    const model = terms.get('model');
    const postings = model?.get(0);
    expect(postings).toBeInstanceOf(Postings);
    expect([...(postings ?? [])]).toEqual([
      [2, 2],
      [4, 1],
    ]);
    postings?.set(5, 1);
    expect((postings as Postings).frozen).toBe(false);
    await freezeTerms(terms, async () => {});
    expect(model?.get(0)).toBe(postings);
    expect((postings as Postings).frozen).toBe(true);
    expect([...(terms.get('graph')?.get(0) ?? [])]).toEqual([[3, 1]]);
  });

  it('pauses each time a slice of postings is done', async () => {
    let pauses = 0;
    await freezeTerms(termMap(), async () => void pauses++, 2);
    // 4 postings: 2 (a slice), then 1 and 1 (another).
    expect(pauses).toBe(2);
    await freezeTerms(termMap(), async () => void pauses++, 5);
    expect(pauses).toBe(2);
  });
});

describe('freezeTerms beside MiniSearch', () => {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  // Words that are leaves of one tree node each (`worda` → `a`, `b`, …): removing one changes a node being walked.
  const words = [...letters].flatMap((first) => [...letters].map((second) => `word${first}${second}`));
  const docs = words.map(
    (word, i): IndexedText => ({ id: `p${i}`, title: `${word} shared`, authors: [], abstract: '', category: '' }),
  );
  const options = { ...indexOptions('full'), autoVacuum: false as const };

  it('runs while MiniSearch cleans out discarded papers, removing terms as it goes, and both finish whole', async () => {
    const [mini, kept] = [new MiniSearch<IndexedText>(options), new MiniSearch<IndexedText>(options)];
    const gone = docs.filter((_, i) => i % 3 === 1).map((d) => d.id);
    for (const index of [mini, kept]) {
      index.addAll(docs);
      index.discardAll(gone);
    }
    await kept.vacuum();
    const wait = () => new Promise<void>((resolve) => setTimeout(resolve, 1));
    // Freezing begins first and pauses every 2 postings; the clean-up then overtakes it, 100 terms at a time.
    const freezing = freezeTerms(internals(mini as MiniSearch<unknown>)._index, wait, 2);
    await Promise.all([freezing, mini.vacuum({ batchSize: 100, batchWait: 1 })]);
    await freezeTerms(internals(mini as MiniSearch<unknown>)._index, async () => {});
    for (const [, fields] of internals(mini as MiniSearch<unknown>)._index) {
      for (const [, postings] of fields) expect(postings instanceof Postings && postings.frozen).toBe(true);
    }
    for (const query of ['shared', 'wordab', 'wordzz', 'wordzy'])
      expect(mini.search(query)).toEqual(kept.search(query));
  });
});
