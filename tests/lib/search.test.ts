import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightSegments } from '../../lib/highlight';
import type { LibraryPaper as Paper } from '../../lib/library/schema';
import {
  byNewest,
  createPaperSearch,
  createTextIndex,
  filterAndSort,
  type IndexedText,
  indexedText,
  listedMatches,
  loadTextIndex,
  queryWords,
  rowFinder,
  type SearchRow,
  searchPasses,
  type TextMatches,
  thinAbstract,
  topResults,
} from '../../lib/search';
import { normalizeText } from '../../lib/text/normalize';
import { libraryPapers } from '../helpers/db';
import { QUERIES } from '../helpers/search-queries';

const papers = libraryPapers;
const search = createPaperSearch(papers);

const ids = (results: { paper: Paper }[]) => results.map((result) => result.paper.id);
const newestFirst = (list: Paper[]) =>
  [...list].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)).map((paper) => paper.id);
const withAuthor = (surname: string) =>
  papers.filter((paper) => paper.authors.some((name) => normalizeText(name).endsWith(surname)));

describe('createPaperSearch', () => {
  it('has a realistic query table that covers every kind of query', () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(24);
  });

  it.each(QUERIES)('ranks %s first as %s (%s)', (query, firstId) => {
    expect(ids(search.search(query))[0]).toBe(firstId);
  });

  it('returns nothing for a query that matches no paper', () => {
    expect(search.search('xyzzy')).toEqual([]);
    expect(search.search('xyzzy plugh')).toEqual([]);
  });

  it.each(['', '   ', '\t\n', 'of the', '—'])('lists all papers newest first for the query %j', (query) => {
    const results = search.search(query);
    expect(ids(results)).toEqual(newestFirst(papers));
    expect(results.every((result) => result.score === 0 && result.terms.length === 0)).toBe(true);
  });

  it('does not fuzz short terms: "moe" only finds papers that say MoE', () => {
    const results = search.search('moe');
    expect(results.length).toBeGreaterThan(0);
    for (const { paper, terms } of results) {
      expect(terms).toEqual(['moe']);
      expect(normalizeText(`${paper.title} ${paper.abstract}`).split(' ')).toContain('moe');
    }
  });

  it('ignores diacritics and case in author names', () => {
    const expected = ids(withAuthor('pioro').map((paper) => ({ paper })));
    for (const query of ['pioro', 'Pióro', 'PIÓRO', 'Maciej Pioro']) {
      expect(ids(search.search(query)).sort()).toEqual([...expected].sort());
    }
    expect(ids(search.search('ludziejewski'))).toEqual(ids(search.search('Ludziejewski')));
    expect(search.search('ludziejewski')).toHaveLength(withAuthor('ludziejewski').length);
  });

  it('combines query words with AND when that finds something', () => {
    expect(ids(search.search('moe mamba'))).toEqual(['2401.04081']);
    expect(ids(search.search('voxtral realtime'))).toEqual(['2602.11298']);
  });

  it('falls back to OR when AND finds nothing, ranking papers that match more words first', () => {
    const results = search.search('voxtral scaling');
    expect(results.length).toBeGreaterThan(3);
    expect(ids(results)).toEqual(expect.arrayContaining(['2603.25551', '2602.11298', '2507.13264', '2402.07871']));
  });

  it('ranks all three cs.CL papers first for the category name', () => {
    const cl = papers.filter((paper) => paper.primaryCategory === 'cs.CL').map((paper) => paper.id);
    expect(ids(search.search('computation and language')).slice(0, 3).sort()).toEqual(cl.sort());
  });

  it('returns the matched document terms, which highlight the display title', () => {
    const [first] = search.search('mu parametrization');
    expect(first!.terms).toEqual(expect.arrayContaining(['mu', 'parametrization']));
    const marked = highlightSegments(first!.paper.displayTitle, first!.terms)
      .filter((segment) => segment.match)
      .map((segment) => segment.text);
    expect(marked).toEqual(['μ', 'Parametrization']);
    expect(search.search('Pióro')[0]!.terms).toEqual(['pioro']);
  });

  it('gives the same results whatever order the papers are indexed in', () => {
    const reversed = createPaperSearch([...papers].reverse());
    for (const [query] of QUERIES) {
      expect(reversed.search(query)).toEqual(search.search(query));
    }
  });
});

describe('search filters', () => {
  it('keeps papers in any of the given categories', () => {
    expect(ids(search.search('', { categories: ['CL'] }))).toEqual(['2601.08584', '2506.10910', '2310.15961']);
    expect(ids(search.search('', { categories: ['CL', 'SD'] }))).toEqual([
      '2601.08584',
      '2507.13264',
      '2506.10910',
      '2310.15961',
    ]);
    expect(search.search('', { categories: [] })).toHaveLength(papers.length);
  });

  it('keeps papers from the given year, and all years for null', () => {
    expect(ids(search.search('', { year: 2024 }))).toEqual(['2402.07871', '2401.04081']);
    expect(search.search('', { year: null })).toHaveLength(papers.length);
    expect(search.search('', { year: 1999 })).toEqual([]);
  });

  it('keeps only papers with code when asked', () => {
    expect(ids(search.search('', { hasCode: true }))).toEqual(['2508.09752', '2509.25193', '2506.10910']);
    expect(search.search('', { hasCode: false })).toHaveLength(papers.length);
  });

  it('combines filters with each other and with the query', () => {
    expect(ids(search.search('', { categories: ['LG'], year: 2025 }))).toEqual([
      '2508.09752',
      '2507.03526',
      '2506.22255',
      '2502.05172',
    ]);
    expect(ids(search.search('mixture', { categories: ['LG'], year: 2025, hasCode: true }))).toEqual(['2508.09752']);
    expect(ids(search.search('pioro', { year: 2023 }))).toEqual(['2310.15961']);
    expect(search.search('voxtral', { hasCode: true })).toEqual([]);
  });
});

describe('byNewest', () => {
  const date = fc
    .tuple(fc.integer({ min: 1991, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const id = fc.oneof(
    fc
      .tuple(fc.integer({ min: 704, max: 3012 }), fc.integer({ min: 1, max: 99_999 }))
      .map(([yymm, n]) => `${String(yymm).padStart(4, '0')}.${String(n).padStart(5, '0')}`),
    fc
      .tuple(fc.constantFrom('hep-th', 'math.AG', 'cond-mat', 'astro-ph', 'cs'), fc.integer({ min: 1, max: 9_999_999 }))
      .map(([archive, n]) => `${archive}/${String(n).padStart(7, '0')}`),
  );
  const paper = fc.record({ date, id });

  it('orders dates and arXiv ids as a collator would, newest first, without one', () => {
    const collated = (a: { date: string; id: string }, b: { date: string; id: string }) =>
      b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
    fc.assert(
      fc.property(paper, paper, (a, b) => {
        expect(Math.sign(byNewest(a, b))).toBe(Math.sign(collated(a, b)));
      }),
      { numRuns: 2_000 },
    );
  });
});

/** A row with nothing to filter on but its id. */
const plainRow = (id: string): SearchRow => ({
  id,
  date: '2024-01-01',
  year: 2024,
  category: 'LG',
  categoryName: '',
  hasCode: false,
  novelty: null,
  followed: [],
});

describe('topResults', () => {
  // Few distinct dates, scores and novelties, so ties are common and their order is what gets tested.
  const row = fc.record({
    id: fc.integer({ min: 1, max: 400 }).map((n) => `2401.${String(n).padStart(5, '0')}`),
    date: fc.constantFrom('2023-05-01', '2024-01-09', '2024-01-10'),
    year: fc.constantFrom(2023, 2024),
    category: fc.constantFrom('LG', 'CL', 'CV'),
    categoryName: fc.constant(''),
    hasCode: fc.boolean(),
    novelty: fc.option(fc.constantFrom(0.2, 0.5, 0.9), { nil: null }),
    followed: fc.subarray(['a', 'b']),
  });
  const library = fc
    .uniqueArray(row, { selector: (r) => r.id, maxLength: 120, size: 'large' })
    .map((rows) => rows.sort(byNewest));
  const options = fc.record({
    sort: fc.constantFrom('relevance' as const, 'newest' as const, 'novel' as const),
    categories: fc.subarray(['LG', 'CL']),
    year: fc.constantFrom(null, 2024),
    hasCode: fc.boolean(),
    authorId: fc.constantFrom(null, 'a'),
  });

  it('gives the first results of the full sort, and how many pass in all', () => {
    fc.assert(
      fc.property(
        library,
        options,
        // Often pages smaller than what passes, so which ties make the page is tested.
        fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 300 })),
        fc.boolean(),
        fc.array(fc.nat(), { minLength: 121, maxLength: 121 }),
        (rows, filters, count, empty, shuffle) => {
          const byId = new Map<string, SearchRow>(rows.map((r) => [r.id, r]));
          // Matches in no particular order (as the index gives them), one of them not in the rows (a paper just removed).
          const matches = empty
            ? null
            : [...rows.filter((_, i) => i % 3 !== 1), { id: 'gone', date: '', followed: [] }]
                .map((r, i) => ({
                  id: r.id,
                  score: [3, 1.5, 1.5, 0.5][i % 4] as number,
                  terms: ['zeta', `t${i % 2}`],
                  key: shuffle[i] as number,
                }))
                .sort((a, b) => a.key - b.key);
          const listed = matches && listedMatches(matches);
          const all = filterAndSort(listed, rows, rowFinder(byId), filters);
          const { total, top } = topResults(listed, rows, rowFinder(byId), filters, count);
          expect(total).toBe(all.length);
          expect(top).toEqual(all.slice(0, count));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('takes a match tied with the worst of a full page in when it is newer', () => {
    const rows = [
      { ...plainRow('2401.00003'), date: '2024-01-10' },
      { ...plainRow('2401.00002'), date: '2024-01-09' },
      { ...plainRow('2401.00001'), date: '2023-05-01' },
    ];
    const matches = listedMatches(
      ['2401.00002', '2401.00001', '2401.00003'].map((id) => ({ id, score: 1, terms: [] })),
    );
    const rowOf = rowFinder(new Map(rows.map((r) => [r.id, r])));
    const { total, top } = topResults(matches, rows, rowOf, { sort: 'relevance' }, 2);
    expect(total).toBe(3);
    expect(top.map((result) => result.paper.id)).toEqual(['2401.00003', '2401.00002']);
  });

  it("sorts only the shown results' terms", () => {
    const rows = [plainRow('1')];
    const matches = [{ id: '1', score: 1, terms: ['zeta', 'alpha'] }];
    const { top } = topResults(listedMatches(matches), rows, rowFinder(new Map(rows.map((r) => [r.id, r]))), {}, 20);
    expect(top[0]?.terms).toEqual(['alpha', 'zeta']);
    expect(matches[0]?.terms).toEqual(['zeta', 'alpha']);
  });
});

describe('rowFinder', () => {
  const row = plainRow;
  /** Matches that name their documents' slots in `index`, as the index's executor gives them. */
  const slotted = (index: object, list: [id: string, slot: number][]): TextMatches => ({
    ...listedMatches(list.map(([id]) => ({ id, score: 1, terms: [] }))),
    slot: (i) => list[i]?.[1] ?? -1,
    index,
  });

  it("finds rows by slot, and starts again for another index, where the same slot is another paper's", () => {
    const byId = new Map(['a', 'b', 'c'].map((id) => [id, row(id)]));
    const rowOf = rowFinder(byId);
    const [one, two] = [{}, {}];
    expect(rowOf(slotted(one, [['a', 7]]), 0)).toBe(byId.get('a'));
    expect(rowOf(slotted(two, [['b', 7]]), 0)).toBe(byId.get('b'));
    expect(rowOf(slotted(two, [['c', 3]]), 0)).toBe(byId.get('c'));
    expect(rowOf(slotted(one, [['gone', 2]]), 0)).toBeUndefined();
    expect(rowOf(listedMatches([{ id: 'a', score: 1, terms: [] }]), 0)).toBe(byId.get('a'));
  });

  it('gives every match its own row, whatever index and slot name it (property)', () => {
    const ids = ['a', 'b', 'c', 'd', 'gone'];
    const byId = new Map(ids.slice(0, 4).map((id) => [id, row(id)]));
    // Each index numbers the papers its own way: a slot there is one paper (or none, -1).
    const numbering = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: ids.length, maxLength: ids.length });
    fc.assert(
      fc.property(
        fc.array(numbering, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.array(fc.constantFrom(...ids), { maxLength: 8 })), { maxLength: 8 }),
        (numberings, queries) => {
          const indexes = numberings.map((slots) => ({ slots }));
          const rowOf = rowFinder(byId);
          for (const [which, named] of queries) {
            const index = indexes[which % indexes.length] as { slots: number[] };
            const matches = slotted(
              index,
              named.map((id) => [id, index.slots[ids.indexOf(id)] as number]),
            );
            expect(named.map((_, i) => rowOf(matches, i))).toEqual(named.map((id) => byId.get(id)));
          }
        },
      ),
    );
  });
});

describe('search sorts', () => {
  it('sorts by relevance by default: score descending, ties newest first', () => {
    const results = search.search('cs.CL');
    expect(ids(results)).toEqual(['2601.08584', '2506.10910', '2310.15961']);
    for (let i = 1; i < results.length; i++) expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score);
  });

  it('sorts by date, newest first', () => {
    const results = search.search('moe', { sort: 'newest' });
    expect(ids(results)).toEqual(newestFirst(results.map((result) => result.paper)));
    expect(ids(results)[0]).toBe('2508.09752');
  });

  it('sorts by novelty, most novel first', () => {
    const results = search.search('', { sort: 'novel' });
    const scores = results.map((result) => result.paper.novelty?.score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(ids(results)[0]).toBe('2310.15961');
    expect(ids(search.search('voxtral', { sort: 'novel' }))).toEqual(['2507.13264', '2602.11298', '2603.25551']);
  });
});

describe('facets', () => {
  it('lists the corpus categories by paper count and the years newest first', () => {
    expect(search.facets()).toEqual({
      categories: [
        { code: 'LG', name: 'Machine Learning', count: 6 },
        { code: 'CL', name: 'Computation and Language', count: 3 },
        { code: 'AI', name: 'Artificial Intelligence', count: 2 },
        { code: 'SD', name: 'Sound', count: 1 },
        { code: 'SE', name: 'Software Engineering', count: 1 },
      ],
      years: [2026, 2025, 2024, 2023],
    });
  });
});

describe('the compact profile (large libraries)', () => {
  const compact = createPaperSearch(papers, 'compact');

  // Abstracts are thinned, so a query that abstracts decide may order the top few differently.
  it.each(QUERIES)('still finds %s: %s among the first three (%s)', (query, firstId) => {
    expect(ids(compact.search(query)).slice(0, 3)).toContain(firstId);
  });

  it('ranks the expected paper first for all but the queries that abstracts decide', () => {
    const first = QUERIES.filter(([query, firstId]) => ids(compact.search(query))[0] === firstId);
    expect(first.length).toBeGreaterThanOrEqual(QUERIES.length - 2);
  });

  it('matches the word being typed by prefix, and takes it as misspelt only when nothing starts so', () => {
    expect(ids(compact.search('mixtu')).length).toBeGreaterThan(0);
    expect(compact.search('mixtu').every((r) => r.terms.every((t) => t.startsWith('mixtu')))).toBe(true);
    expect(ids(compact.search('ministrl'))[0]).toBe('2601.08584');
  });

  it('does not search again for typos when the word being typed is too short to be misspelt', () => {
    // `zq` matches nothing: AND finds nothing, OR finds the mixture papers; a typo pass would search for the same.
    expect(ids(compact.search('mixture zq')).length).toBeGreaterThan(0);
    expect(searchPasses(queryWords('mixture zq'), 'compact')).toEqual([{}, { combineWith: 'OR' }]);
    expect(searchPasses(queryWords('mixture zqzq'), 'compact')).toHaveLength(3);
    expect(searchPasses(queryWords('mixture zqzq'), 'full')).toEqual([{}, { combineWith: 'OR' }]);
    expect(searchPasses(queryWords('zqzq'), 'compact')).toHaveLength(2);
  });

  it('keeps each abstract’s longest distinct words, folded, without stop words', () => {
    const thin = thinAbstract('The Über-scaling of the $\\mu$-parametrization and of the rest of the model');
    expect(thin.split(' ')).toEqual(['parametrization', 'scaling', 'model', 'rest', 'uber', 'mu']);
    // Names and acronyms first, however short.
    expect(thinAbstract('Our RLRs beat GPT-4 on extraordinarily demanding benchmarks').split(' ').slice(0, 3)).toEqual([
      'rlrs',
      'gpt',
      '4',
    ]);
    expect(thinAbstract('word '.repeat(100)).split(' ')).toEqual(['word']);
  });
});

describe('loadTextIndex', () => {
  async function* inOrder(parts: string[]) {
    for (const part of parts) yield part;
  }
  const papers = libraryPapers;
  const termsOf = (parts: string[]) =>
    Object.fromEntries(parts.flatMap((part) => JSON.parse(part) as [string, unknown][]));
  const ids = (matches: ReturnType<ReturnType<typeof createTextIndex>['match']>) =>
    matches && Array.from({ length: matches.length }, (_, i) => [matches.id(i), matches.score(i), matches.terms(i)]);

  it.each(['full', 'compact'] as const)(
    'loads the index it saved, part by part, exactly (%s profile)',
    async (profile) => {
      const saved = createTextIndex(profile, papers.map(indexedText));
      saved.discard(papers[0]?.id ?? '');
      // Small parts, so a term's parts and the pauses between slices are exercised.
      const parts = saved.toParts(2_000);
      expect(parts.terms.length).toBeGreaterThan(3);
      const loaded = await loadTextIndex(parts.head, inOrder(parts.terms), profile);
      // The same terms with the same postings (the radix tree lists them in the order they went in), the same head.
      const again = loaded.toParts(2_000);
      expect(again.head).toBe(parts.head);
      expect(termsOf(again.terms)).toEqual(termsOf(parts.terms));
      for (const query of ['mixture of experts', 'pioro', 'scaling laws', 'mixtrue']) {
        expect(ids(loaded.match(query))).toEqual(ids(saved.match(query)));
      }
    },
  );

  it('refuses an index saved in another serialization version', async () => {
    const { head, terms } = createTextIndex('full', papers.map(indexedText)).toParts(2_000);
    const older = JSON.stringify({ ...JSON.parse(head), serializationVersion: 1 });
    await expect(loadTextIndex(older, inOrder(terms), 'full')).rejects.toThrow(/serialization version 1/);
  });
});

describe('TextIndex#compact', () => {
  const doc = (id: string, title: string): IndexedText => ({ id, title, authors: [], abstract: '', category: '' });
  // Over 5,000 terms: MiniSearch cleans up 5,000 terms at a time here, so compacting meets a clean-up half done.
  const many = Array.from({ length: 6_000 }, (_, i) => doc(`w${i}`, `word${i} shared`));
  const ids = (matches: TextMatches | null) =>
    matches && Array.from({ length: matches.length }, (_, i) => matches.id(i)).sort();

  it('keeps every answer, and waits for discarded papers to be cleaned out first', async () => {
    const index = createTextIndex('full', [...many, doc('gone', 'word5999 shared'), doc('kept', 'word1 kept')]);
    const before = index.match('kept');
    await index.compact();
    expect(ids(index.match('kept'))).toEqual(ids(before));
    index.discard('gone');
    await index.compact();
    expect(ids(index.match('word5999'))).toContain('w5999');
    expect(ids(index.match('word5999'))).not.toContain('gone');
    expect(index.match('shared')?.length).toBe(many.length);
    index.add(doc('late', 'word1 late'));
    await index.compact();
    expect(ids(index.match('late'))).toEqual(['late']);
    expect(ids(index.match('kept'))).toEqual(ids(before));
  });
});
