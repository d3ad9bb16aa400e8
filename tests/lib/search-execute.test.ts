import fc from 'fast-check';
import MiniSearch, { type SearchOptions } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { type IndexedText, indexOptions, type SearchProfile } from '../../lib/search';
import { createExecutor, internals } from '../../lib/search-execute';
import { freezeTerms } from '../../lib/search-postings';

/** A small vocabulary, so that words share prefixes and lie within an edit or two of each other. */
const WORDS = [
  'model',
  'models',
  'modal',
  'mode',
  'sensitivity',
  'sensitive',
  'sensing',
  'scaling',
  'scale',
  'scaled',
  'mixture',
  'experts',
  'expert',
  'revisiting',
  'revision',
  'graph',
  'graphs',
  'gpt-4',
  'moe',
  'pioro',
  'piorо',
  'learning',
  'lean',
  'attention',
  '2024',
  'x',
];
const word = fc.constantFrom(...WORDS);
const text = (max: number) => fc.array(word, { minLength: 0, maxLength: max }).map((words) => words.join(' '));
const doc = fc.record({
  title: text(8),
  authors: fc.array(fc.constantFrom('Maciej Pióro', 'Jan Ludziejewski', 'Ada Model', 'Grace Sensing'), {
    maxLength: 3,
  }),
  abstract: text(30),
  category: fc.constantFrom('LG cs.LG Machine Learning', 'CL cs.CL Computation and Language'),
});
const docs = fc
  .array(doc, { minLength: 1, maxLength: 40 })
  .map((list) => list.map((d, i): IndexedText => ({ ...d, id: `p${i}` })));
/** What a user types: whole words, a word cut short, a word with a letter dropped or doubled. */
const typed = fc.tuple(word, fc.integer({ min: 0, max: 3 }), fc.nat()).map(([w, how, at]) => {
  const i = at % w.length;
  if (how === 1) return w.slice(0, Math.max(1, i));
  if (how === 2) return w.slice(0, i) + w.slice(i + 1);
  if (how === 3) return w.slice(0, i) + w[i] + w.slice(i);
  return w;
});
const query = fc.array(typed, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
const fuzziness = (term: string) => (term.length <= 3 ? false : term.length < 7 ? 1 : 2);
const PASSES: SearchOptions[] = [{}, { fuzzy: fuzziness }, { combineWith: 'OR' }, { combineWith: 'AND', prefix: true }];

/** MiniSearch's own answer, in the executor's terms: id → score and the matched terms as a set. */
function reference(mini: MiniSearch<IndexedText>, q: string, options: SearchOptions) {
  return new Map(
    mini.search(q, options).map((hit) => [String(hit.id), { score: hit.score, terms: [...hit.terms].sort() }]),
  );
}

function executed(run: ReturnType<typeof createExecutor>, q: string, options: SearchOptions) {
  const matches = run(q, options);
  if (!matches) throw new Error('the executor declined');
  return new Map(
    Array.from({ length: matches.length }, (_, i) => [
      matches.id(i),
      { score: matches.score(i), terms: [...matches.terms(i)].sort() },
    ]),
  );
}

describe('the search executor', () => {
  it.each<SearchProfile>(['full', 'compact'])(
    'finds what MiniSearch finds, with the very same scores and terms (%s profile, property)',
    (profile) => {
      fc.assert(
        fc.property(docs, fc.array(query, { minLength: 1, maxLength: 5 }), (list, queries) => {
          const mini = new MiniSearch<IndexedText>(indexOptions(profile));
          mini.addAll(list);
          const run = createExecutor(mini as MiniSearch<unknown>);
          for (const q of queries) {
            for (const options of PASSES) expect(executed(run, q, options)).toEqual(reference(mini, q, options));
          }
        }),
        { numRuns: 150 },
      );
    },
  );

  it.each<SearchProfile>(['full', 'compact'])(
    'answers alike over postings in typed arrays, added to, cleaned and frozen again (%s profile, property)',
    async (profile) => {
      await fc.assert(
        fc.asyncProperty(docs, docs, fc.array(query, { minLength: 1, maxLength: 4 }), async (first, later, queries) => {
          const added = later.map((d) => ({ ...d, id: `later-${d.id}` }));
          const plain = new MiniSearch<IndexedText>(indexOptions(profile));
          plain.addAll([...first, ...added]);
          const mini = new MiniSearch<IndexedText>(indexOptions(profile));
          mini.addAll(first);
          const freeze = () => freezeTerms(internals(mini as MiniSearch<unknown>)._index, async () => {});
          await freeze();
          // Adding writes into frozen postings (they become Maps again) and makes new ones.
          mini.addAll(added);
          const run = createExecutor(mini as MiniSearch<unknown>);
          const check = () => {
            for (const q of queries) {
              for (const options of PASSES) {
                // MiniSearch reads frozen postings as its own Maps, and the executor reads both as MiniSearch does.
                expect(reference(mini, q, options)).toEqual(reference(plain, q, options));
                expect(executed(run, q, options)).toEqual(reference(plain, q, options));
              }
            }
          };
          check();
          await freeze();
          check();
          const gone = first[0]?.id ?? '';
          mini.discard(gone);
          plain.discard(gone);
          await Promise.all([mini.vacuum(), plain.vacuum()]);
          await freeze();
          check();
        }),
        { numRuns: 60 },
      );
    },
  );

  it('declines while discarded documents are not cleaned out, and answers again once they are', async () => {
    const mini = new MiniSearch<IndexedText>(indexOptions('full'));
    const paper = (id: string, title: string): IndexedText => ({ id, title, authors: [], abstract: '', category: '' });
    mini.addAll([paper('a', 'sensitivity of models'), paper('b', 'scaling models'), paper('c', 'models')]);
    const run = createExecutor(mini as MiniSearch<unknown>);
    mini.discard('b');
    expect(run('models', {})).toBeNull();
    await mini.vacuum();
    expect(executed(run, 'models', {})).toEqual(reference(mini, 'models', {}));
    expect([...executed(run, 'models', {}).keys()].sort()).toEqual(['a', 'c']);
  });

  it('grows with the index: documents added after it was made are found', () => {
    const mini = new MiniSearch<IndexedText>(indexOptions('full'));
    const run = createExecutor(mini as MiniSearch<unknown>);
    expect(run('model', {})?.length).toBe(0);
    mini.add({ id: 'late', title: 'a late model', authors: [], abstract: '', category: '' });
    expect(executed(run, 'model', {})).toEqual(reference(mini, 'model', {}));
  });
});
