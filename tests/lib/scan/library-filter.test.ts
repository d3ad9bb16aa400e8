import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterOf } from '../../../lib/corpus/library-keys';
import {
  buildLibraryFilter,
  FILTER_FORMAT,
  filterKey,
  hrefMayHoldId,
  type LibraryFilter,
  MAX_FILTER_BITS,
  mayHold,
  readLibraryFilter,
} from '../../../lib/scan/library-filter';
import { fnv1a } from '../../../lib/text/fnv';
import { corpusFilter, corpusIds } from '../../helpers/papers';

/** `n` distinct new-style arXiv ids from a seed (mulberry32), in years starting with `decade` (`2`: 2020s). */
function arxivIds(n: number, seed: number, decade = '2'): string[] {
  const ids = new Set<string>();
  let state = seed;
  const random = (below: number) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * below);
  };
  while (ids.size < n) {
    const id = `${decade}${random(10)}${String(1 + random(12)).padStart(2, '0')}.${String(random(100_000)).padStart(5, '0')}`;
    if (!corpusIds.includes(id)) ids.add(id);
  }
  return [...ids];
}

const filterOver = (ids: string[], titles: string[] = []): LibraryFilter =>
  readLibraryFilter(buildLibraryFilter({ ids, dois: [], titles, papers: ids.length }))!;

const falseAlarmRate = (filter: LibraryFilter, outsiders: string[]) =>
  outsiders.filter((id) => mayHold(filter, filterKey.id(id))).length / outsiders.length;

describe('the library filter', () => {
  it('never misses a key it was built over (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { maxLength: 300 }), (titles) => {
        const filter = readLibraryFilter(buildLibraryFilter({ ids: [], dois: [], titles, papers: 1 }))!;
        for (const title of titles) expect(mayHold(filter, filterKey.title(title))).toBe(true);
      }),
    );
  });

  it('is as good as exact for the bundled corpus: no false alarm among 100,000 other ids', () => {
    expect(falseAlarmRate(corpusFilter, arxivIds(100_000, 7, '1'))).toBe(0);
  });

  it('keeps false alarms rare at 20k papers and stays within 64 KB at 100k, where they are as the theory says', () => {
    // Other papers than the library's, by construction: 2010s ids against a library of the 2020s.
    const outsiders = arxivIds(80_000, 99, '1');
    const twenty = filterOver(arxivIds(20_000, 1));
    expect(twenty.bits.length * 8).toBeLessThanOrEqual(MAX_FILTER_BITS);
    expect(falseAlarmRate(twenty, outsiders)).toBeLessThan(0.02);

    const hundredK = buildLibraryFilter({ ids: arxivIds(100_000, 1), dois: [], titles: [], papers: 100_000 });
    const filter = readLibraryFilter(hundredK)!;
    expect(filter.bits.length * 8).toBe(MAX_FILTER_BITS);
    // A Bloom filter of m bits, n keys and k hashes: (1 − e^(−kn/m))^k.
    const expected = (1 - Math.exp((-hundredK.hashes * 100_000) / MAX_FILTER_BITS)) ** hundredK.hashes;
    expect(Math.abs(falseAlarmRate(filter, outsiders) - expected)).toBeLessThan(0.02);
  });

  it('is built as format FILTER_FORMAT says: a change to its keys or hashing must bump it (stored filters)', () => {
    // Through filterOf, which picks the keys a library gives the filter.
    const built = filterOf({
      ids: new Set(['2402.07871', 'hep-th/9901001', 'doi:10.1000/only']),
      dois: new Map([['10.1145/3571730', '2402.07871']]),
      titles: new Map([
        ['mixture of tokens', 'hep-th/9901001'],
        ['scaling laws for fine grained mixture of experts', '2402.07871'],
      ]),
      revision: 1,
    });
    expect([FILTER_FORMAT, fnv1a(JSON.stringify(built))]).toEqual([1, 903942300]);
  });

  it('finds an id in a raw href by its digits, old-style ids by their seven', () => {
    const filter = filterOver(['2402.07871', 'hep-th/9901001']);
    expect(hrefMayHoldId(filter, 'https://arxiv.org/pdf/2402.07871v2.pdf')).toBe(true);
    expect(hrefMayHoldId(filter, 'https://x.example/?ids=1234.5678,2402.07871')).toBe(true);
    expect(hrefMayHoldId(filter, 'https://arxiv.org/abs/HEP-TH%2F9901001')).toBe(true);
    expect(hrefMayHoldId(filter, 'https://arxiv.org/abs/2402.07872')).toBe(false);
    expect(hrefMayHoldId(filter, 'https://example.com/')).toBe(false);
  });

  it('reads the window of title lengths a link text must fit, and nothing from an empty library', () => {
    const message = buildLibraryFilter({
      ids: ['2402.07871'],
      dois: [],
      titles: ['voxtral', 'a'.repeat(120)],
      papers: 2,
    });
    expect(message.titleLengths).toEqual([7, 120]);
    const filter = readLibraryFilter(message)!;
    expect([filter.minLength, filter.maxLength]).toEqual([1, 280]);
    expect(readLibraryFilter(buildLibraryFilter({ ids: [], dois: [], titles: [], papers: 0 }))).toBeNull();
  });
});
