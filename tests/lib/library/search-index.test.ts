import { beforeEach, describe, expect, it } from 'vitest';
import { createLookupCache } from '../../../lib/corpus/lookup-cache';
import { openPaperlensDb, type PaperlensDatabase } from '../../../lib/db';
import type { DbConnection } from '../../../lib/db-connection';
import { recomputeTexts } from '../../../lib/library/derive-texts';
import { createLibrarySearch, type KeptRow, scanRows } from '../../../lib/library/search-index';
import { seedCorpus } from '../../../lib/library/seed';
import { commitLibraryImport } from '../../../lib/library/write';
import type { SearchRequest } from '../../../lib/message-schemas';
import { createPaperSearch } from '../../../lib/search';
import { BUNDLED_AUTHOR_ID, corpus, freshFactory, libraryPapers } from '../../helpers/db';
import { incomingPaper } from '../../helpers/library';
import { QUERIES } from '../../helpers/search-queries';

const ask = (query: string, more: Partial<SearchRequest> = {}): SearchRequest => ({
  query,
  authorId: null,
  categories: [],
  year: null,
  hasCode: false,
  sort: 'relevance',
  offset: 0,
  limit: 50,
  ...more,
});

const ids = (page: { hits: { paper: { id: string } }[] }) => page.hits.map((hit) => hit.paper.id);

/** A connection whose transactions count the `count()` requests made on the papers store. */
function counting(db: PaperlensDatabase) {
  const seen = { counts: 0 };
  const view = new Proxy(db, {
    get(target, prop) {
      if (prop !== 'transaction') {
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (...args: Parameters<PaperlensDatabase['transaction']>) => {
        const tx = target.transaction(...args);
        const store = tx.objectStore.bind(tx);
        return new Proxy(tx, {
          get(t, p) {
            if (p !== 'objectStore') {
              const value = Reflect.get(t, p);
              return typeof value === 'function' ? value.bind(t) : value;
            }
            return (name: 'papers') => {
              const real = store(name);
              if (name !== 'papers') return real;
              return new Proxy(real, {
                get(s, q) {
                  const value = Reflect.get(s, q);
                  if (q === 'count') seen.counts++;
                  return typeof value === 'function' ? value.bind(s) : value;
                },
              });
            };
          },
        });
      };
    },
  });
  return {
    get counts() {
      return seen.counts;
    },
    connection: { run: <T>(work: (open: PaperlensDatabase) => Promise<T>) => work(view) } as DbConnection,
  };
}

describe('the library search kept in the background', () => {
  let db: PaperlensDatabase;
  const connection: DbConnection = { run: (work) => work(db) };

  beforeEach(async () => {
    db = await openPaperlensDb(freshFactory());
    await seedCorpus(db, corpus);
    await recomputeTexts(db);
  });

  it('answers as the in-memory search does, query for query, with card-ready summaries', async () => {
    const search = createLibrarySearch(connection);
    const local = createPaperSearch(libraryPapers);
    for (const [query] of QUERIES) {
      const page = await search.search(ask(query));
      expect(ids(page), query).toEqual(local.search(query).map((r) => r.paper.id));
      expect(page.total).toBe(page.hits.length);
      expect(page.complete).toBe(true);
    }
    const [first] = (await search.search(ask('mu parametrization'))).hits;
    expect(first?.terms).toEqual(expect.arrayContaining(['mu', 'parametrization']));
    expect(first?.paper.displayTitle).toContain('Parametrization');
    expect(first?.paper.authors.length).toBeLessThanOrEqual(6);
  });

  it('takes its summaries from the lookup cache it is given: papers shown a keystroke ago are not read again', async () => {
    // The cache's own connection, counted: a lookup answered from memory reaches nothing.
    let cacheRuns = 0;
    const lookups = createLookupCache({
      run: (work) => {
        cacheRuns++;
        return work(db);
      },
    });
    const asked: string[][] = [];
    const search = createLibrarySearch(connection, undefined, (request) => {
      asked.push(request.ids);
      return lookups.lookup(request);
    });
    const direct = createLibrarySearch(connection);
    expect((await search.search(ask('mi'))).complete).toBe(true);
    // The second search loads the index the first stored: until then it answers from its rows.
    await expect.poll(async () => (await direct.search(ask('mi'))).complete).toBe(true);
    for (const query of ['mix', 'mixt', 'mixture']) {
      const page = await search.search(ask(query));
      // The same papers and summaries as reading them straight (the scores of two indexes kept apart may differ in
      // their last bit).
      const straight = await direct.search(ask(query));
      expect(page.hits.map((hit) => hit.paper)).toEqual(straight.hits.map((hit) => hit.paper));
      expect(page.total).toBe(straight.total);
      expect(asked.at(-1)).toEqual(page.hits.map((hit) => hit.paper.id));
    }
    const before = cacheRuns;
    const again = await search.search(ask('mixture'));
    expect(again.hits.length).toBeGreaterThan(0);
    expect(cacheRuns - before).toBeLessThanOrEqual(1);
  });

  it('lists every paper newest first for an empty query, a page at a time, with the facets', async () => {
    const search = createLibrarySearch(connection);
    // A first search with nothing stored: the opening page comes by index, without facets, marked incomplete.
    const opening = await search.search(ask('', { limit: 5 }));
    expect(opening.complete).toBe(false);
    expect(opening.facets).toEqual({ categories: [], years: [] });
    await expect.poll(async () => (await search.search(ask(''))).complete).toBe(true);
    const newest = createPaperSearch(libraryPapers)
      .search('')
      .map((r) => r.paper.id);
    const first = await search.search(ask('', { limit: 5 }));
    const second = await search.search(ask('', { offset: 5, limit: 5 }));
    expect(first.total).toBe(13);
    expect([...ids(first), ...ids(second)]).toEqual(newest.slice(0, 10));
    expect(first.facets).toEqual(createPaperSearch(libraryPapers).facets());
  });

  it('filters by followed author, category, year and code, and sorts', async () => {
    const search = createLibrarySearch(connection);
    expect((await search.search(ask('', { authorId: BUNDLED_AUTHOR_ID }))).total).toBe(13);
    expect((await search.search(ask('', { authorId: 'someone-else' }))).total).toBe(0);
    expect(ids(await search.search(ask('', { categories: ['CL'] })))).toEqual([
      '2601.08584',
      '2506.10910',
      '2310.15961',
    ]);
    expect(ids(await search.search(ask('mixture', { categories: ['LG'], year: 2025, hasCode: true })))).toEqual([
      '2508.09752',
    ]);
    expect(ids(await search.search(ask('', { sort: 'novel' })))[0]).toBe('2310.15961');
  });

  it('takes in a change behind the scenes: a new paper is found, a removed one is gone', async () => {
    const search = createLibrarySearch(connection);
    expect((await search.search(ask('quokka'))).total).toBe(0);
    const quokka = incomingPaper({ arxivId: '2605.00042', title: 'Quokka attention for long contexts' });
    await commitLibraryImport(db, { source: { kind: 'file', name: 'q.bib' }, papers: [quokka], follow: null });
    await expect.poll(async () => ids(await search.search(ask('quokka')))).toEqual(['2605.00042']);
    await db.delete('papers', '2605.00042');
    await db.put('meta', { key: 'libraryRevision', value: 999 });
    await expect.poll(async () => (await search.search(ask('quokka'))).total).toBe(0);
  });

  it('answers a restarted worker’s opening page by index, with the stored facets, then the full search', async () => {
    const first = createLibrarySearch(connection);
    await expect.poll(async () => (await first.search(ask(''))).complete).toBe(true);
    const expected = await first.search(ask('', { limit: 5 }));
    const restarted = createLibrarySearch(connection);
    const opening = await restarted.search(ask('', { limit: 5 }));
    expect(opening.complete).toBe(false);
    expect(ids(opening)).toEqual(ids(expected));
    expect(opening.total).toBe(13);
    expect(opening.facets).toEqual(expected.facets);
    expect(opening.hits[0]?.paper).toEqual(expected.hits[0]?.paper);
    const mine = await restarted.search(ask('', { authorId: BUNDLED_AUTHOR_ID, limit: 3 }));
    expect(ids(mine)).toEqual(ids(expected).slice(0, 3));
    await expect.poll(async () => (await restarted.search(ask(''))).complete).toBe(true);
  });

  it('gives a restarted worker’s opening page the library’s size from the stored facets while they are current', async () => {
    const first = createLibrarySearch(connection);
    await expect.poll(async () => (await first.search(ask(''))).complete).toBe(true);
    const stored = await db.get('meta', 'searchFacets');
    if (stored?.key !== 'searchFacets') throw new Error('no facets stored');
    // A store count in Chromium visits every record: the facets' category counts say the same for free.
    const counted = counting(db);
    expect((await createLibrarySearch(counted.connection).search(ask('', { limit: 5 }))).total).toBe(13);
    expect(counted.counts).toBe(0);
    await db.put('meta', { key: 'searchFacets', value: { ...stored.value, revision: 'another' } });
    const stale = counting(db);
    expect((await createLibrarySearch(stale.connection).search(ask('', { limit: 5 }))).total).toBe(13);
    expect(stale.counts).toBe(1);
  });

  it('is stored: a restarted worker answers from the stored index, not by reading every paper again', async () => {
    await createLibrarySearch(connection).search(ask('voxtral'));
    // Changed behind the search's back, with no new revision: only a rebuild would see it.
    const paper = (await db.get('papers', '2507.13264'))!;
    await db.put('papers', { ...paper, normalizedTitle: 'wombat', title: 'Wombat', abstract: '' });
    const restarted = createLibrarySearch(connection);
    await expect.poll(async () => (await restarted.search(ask('voxtral'))).complete).toBe(true);
    expect(ids(await restarted.search(ask('voxtral')))).toContain('2507.13264');
    expect((await restarted.search(ask('wombat'))).total).toBe(0);
  });

  describe('stored in parts', () => {
    const small = { rows: 4, indexChars: 2_000 };
    const metaKeys = async (prefix: string) =>
      (await db.getAllKeys('meta')).map(String).filter((key) => key.startsWith(`${prefix}/`));
    const stored = async () => {
      const first = createLibrarySearch(connection, small);
      await expect.poll(async () => (await first.search(ask('voxtral'))).complete).toBe(true);
      return first;
    };

    it('of bounded size, each read on its own, answering as the whole did', async () => {
      const first = await stored();
      expect(await metaKeys('searchRows')).toHaveLength(4);
      expect((await metaKeys('searchIndex')).length).toBeGreaterThan(3);
      for (const key of await metaKeys('searchIndex')) {
        const part = await db.get('meta', key as `searchIndex/${number}`);
        // A part ends at the first term past the bound: one term's postings at most over it.
        expect((part?.value as { part: string } | undefined)?.part.length).toBeLessThan(small.indexChars * 2);
      }
      const restarted = createLibrarySearch(connection, small);
      await expect.poll(async () => (await restarted.search(ask('voxtral'))).complete).toBe(true);
      for (const [query] of QUERIES) {
        expect(ids(await restarted.search(ask(query)))).toEqual(ids(await first.search(ask(query))));
      }
    });

    it('leave no part of an earlier store behind', async () => {
      await db.put('meta', { key: 'searchRows/99', value: { revision: 'old', part: [] } });
      await db.put('meta', { key: 'searchIndex/99', value: { revision: 'old', part: '[]' } });
      await stored();
      expect(await metaKeys('searchRows')).not.toContain('searchRows/99');
      expect(await metaKeys('searchIndex')).not.toContain('searchIndex/99');
    });

    it('of another revision are never mixed in: the search is built from the papers again', async () => {
      await stored();
      const paper = (await db.get('papers', '2507.13264'))!;
      // Changed behind the search's back: only a rebuild sees it.
      await db.put('papers', { ...paper, normalizedTitle: 'wombat', title: 'Wombat', abstract: '' });
      await db.put('meta', { key: 'searchIndex/1', value: { revision: 'another', part: '[]' } });
      const restarted = createLibrarySearch(connection, small);
      await expect.poll(async () => (await restarted.search(ask('wombat'))).complete).toBe(true);
      expect(ids(await restarted.search(ask('wombat')))).toEqual(['2507.13264']);
      await db.put('meta', { key: 'searchRows/2', value: { revision: 'another', part: [] } });
      const again = createLibrarySearch(connection, small);
      const page = await again.search(ask('wombat'));
      expect(page.complete).toBe(true);
      expect(ids(page)).toEqual(['2507.13264']);
    });

    it('replace a whole stored in the earlier form (one record), which is built again', async () => {
      await stored();
      const head = await db.get('meta', 'searchRows');
      const rows = (await db.get('meta', 'searchRows/0'))?.value as { part: KeptRow[] };
      await db.put('meta', {
        key: 'searchRows',
        value: { ...(head?.value as object), rows: rows.part, parts: undefined } as never,
      });
      const restarted = createLibrarySearch(connection, small);
      expect((await restarted.search(ask('voxtral'))).complete).toBe(true);
      await expect.poll(async () => (await db.get('meta', 'searchRows'))?.value).toMatchObject({ parts: 4 });
    });
  });
});

describe('scanRows, which answers while the stored index loads', () => {
  const row = (id: string, text: string): KeptRow => ({
    id,
    date: '2025-01-01',
    year: 2025,
    category: 'LG',
    categoryName: 'Machine Learning',
    hasCode: false,
    novelty: null,
    followed: [],
    text: ` ${text} `,
    sig: 0,
  });
  const rows = [row('a', 'scaling laws jan ludziejewski'), row('b', 'mixture of tokens maciej pioro')];

  it('finds rows whose title and author words start with every query word, folded', () => {
    expect(scanRows(rows, 'Pióro mix')?.map((m) => m.id)).toEqual(['b']);
    expect(scanRows(rows, 'scal')?.map((m) => m.id)).toEqual(['a']);
    expect(scanRows(rows, 'aling')).toEqual([]);
    expect(scanRows(rows, 'the of')).toBeNull();
  });
});
