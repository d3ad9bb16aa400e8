import { beforeEach, describe, expect, it } from 'vitest';
import { WHOLE_IF_AT_MOST } from '../../../lib/corpus/library-keys';
import { libraryFilter, lookupPapers, readLibrary, readLibraryOverview, summarize } from '../../../lib/corpus/lookup';
import { getMeta, openPaperlensDb, type PaperlensDatabase } from '../../../lib/db';
import type { FollowedAuthor } from '../../../lib/library/schema';
import { seedCorpus } from '../../../lib/library/seed';
import { SUMMARY_FIELDS } from '../../../lib/message-schemas';
import { saveEntry } from '../../../lib/reading-list/store';
import { filterKey, MAX_FILTER_BITS, mayHold, readLibraryFilter } from '../../../lib/scan/library-filter';
import { BUNDLED_AUTHOR_ID, corpus, freshFactory, libraryPapers } from '../../helpers/db';

const paper = (id: string) => libraryPapers.find((p) => p.id === id)!;

describe('the corpus lookup', () => {
  let db: PaperlensDatabase;
  beforeEach(async () => {
    db = await openPaperlensDb(freshFactory());
    await seedCorpus(db, corpus);
  });

  it('finds papers by id and by normalized title, each once, and nothing else', async () => {
    const { papers } = await lookupPapers(db, {
      ids: ['2402.07871', '2402.07871', '1706.03762'],
      dois: [],
      titles: ['scaling laws for fine grained mixture of experts', 'attention is all you need'],
    });
    expect(papers.map((p) => p.id)).toEqual(['2402.07871']);
  });

  it('finds papers by DOI, those known only by it and arXiv papers with one', async () => {
    await db.put('papers', { ...paper('2402.07871'), id: 'doi:10.1000/xyz', doi: '10.1000/xyz', normalizedTitle: 'a' });
    await db.put('papers', { ...paper('2401.04081'), doi: '10.1145/3571730' });
    const { papers } = await lookupPapers(db, {
      ids: [],
      dois: ['10.1000/xyz', '10.1145/3571730', '10.9/no'],
      titles: [],
    });
    expect(papers.map((p) => p.id).sort()).toEqual(['2401.04081', 'doi:10.1000/xyz']);
  });

  it('sends a small library whole with a page’s first lookup, and never a large one', async () => {
    const first = await lookupPapers(db, { ids: ['2402.07871'], dois: [], titles: [], wholeIfSmall: true });
    expect(first.papers).toHaveLength(corpus.papers.length);
    for (let i = 0; i < 200; i++)
      await db.put('papers', {
        ...paper('2402.07871'),
        id: `2301.${String(i).padStart(5, '0')}`,
        normalizedTitle: `t ${i}`,
      });
    const large = await lookupPapers(db, { ids: ['2402.07871'], dois: [], titles: [], wholeIfSmall: true });
    expect(large.papers.map((p) => p.id)).toEqual(['2402.07871']);
    // At the bound exactly it is still whole.
    const over = (await db.getAllKeys('papers')).slice(WHOLE_IF_AT_MOST);
    for (const id of over.slice(1)) await db.delete('papers', id);
    expect(await db.count('papers')).toBe(WHOLE_IF_AT_MOST + 1);
    const justOver = await lookupPapers(db, { ids: [], dois: [], titles: [], wholeIfSmall: true });
    expect(justOver.papers).toHaveLength(0);
    await db.delete('papers', over[0]!);
    const atBound = await lookupPapers(db, { ids: [], dois: [], titles: [], wholeIfSmall: true });
    expect(atBound.papers).toHaveLength(WHOLE_IF_AT_MOST);
  });

  it('summarizes: no long texts, the followed author, saved state and the titles it names', async () => {
    await saveEntry(db, { id: '2402.07871' });
    const { papers } = await lookupPapers(db, { ids: ['2402.07871', '2401.04081'], dois: [], titles: [] });
    const scaling = papers.find((p) => p.id === '2402.07871')!;
    expect(scaling).not.toHaveProperty('abstract');
    expect(scaling).not.toHaveProperty('notes');
    // Only what a badge and its card show crosses to a page: every byte costs the page time to read.
    expect(Object.keys(scaling).sort()).toEqual(
      [
        ...SUMMARY_FIELDS,
        'authors',
        'followedAuthors',
        'coauthors',
        'closestEarlierTitle',
        'relatedPapers',
        'saved',
      ].sort(),
    );
    expect(scaling.followedAuthors).toEqual([{ id: BUNDLED_AUTHOR_ID, name: corpus.author.name, color: '#1f5fbf' }]);
    expect(scaling.coauthors).toContainEqual({ name: 'Maciej Pióro', sharedPapers: 7, authorId: BUNDLED_AUTHOR_ID });
    expect(scaling.saved).toBe(true);
    expect(papers.find((p) => p.id === '2401.04081')?.saved).toBe(false);
    const closest = paper(paper('2402.07871').novelty!.closestEarlierId!);
    expect(scaling.closestEarlierTitle).toBe(closest.displayTitle);
    expect(scaling.relatedPapers.map((r) => r.title)).toEqual(
      paper('2402.07871').related.map((r) => paper(r.id).displayTitle),
    );
  });

  it('counts, for a paper not derived yet, the library papers each coauthor shares with each followed author', () => {
    const author = (id: string, name: string) => [id, { id, name, color: '#1f5fbf' } as FollowedAuthor] as const;
    const { coauthors: _derived, ...stored } = paper('2402.07871');
    const summary = summarize(
      {
        ...stored,
        related: stored.related.map(({ id, similarity }) => ({ id, similarity })),
        novelty: stored.novelty && { ...stored.novelty, closestEarlierTitle: undefined },
        followedAuthorIds: [BUNDLED_AUTHOR_ID, 'maciej-pioro', 'not-followed-any-more'],
      },
      {
        authors: new Map([author(BUNDLED_AUTHOR_ID, 'Jan Ludziejewski'), author('maciej-pioro', 'Maciej Pióro')]),
        sharedPapers: new Map([
          [BUNDLED_AUTHOR_ID, new Map([['Maciej Pióro', 7]])],
          [
            'maciej-pioro',
            new Map([
              ['Jan Ludziejewski', 7],
              ['Marek Cygan', 2],
            ]),
          ],
        ]),
        saved: new Set(),
        titles: new Map(),
      },
    );
    expect(summary.followedAuthors.map((a) => a.name)).toEqual(['Jan Ludziejewski', 'Maciej Pióro']);
    expect(summary.coauthors).toEqual([
      { name: 'Maciej Pióro', sharedPapers: 7, authorId: BUNDLED_AUTHOR_ID },
      { name: 'Jan Ludziejewski', sharedPapers: 7, authorId: 'maciej-pioro' },
      { name: 'Marek Cygan', sharedPapers: 2, authorId: 'maciej-pioro' },
    ]);
    // A related paper whose title is not known is named by its id.
    expect(summary.relatedPapers[0]?.title).toBe(`arXiv:${paper('2402.07871').related[0]?.id}`);
    expect(summary.closestEarlierTitle).toBeNull();
  });

  it('carries the first six names of a long author list, and says it was cut', () => {
    const many = Array.from({ length: 40 }, (_, i) => `Author Number${i}`);
    const context = { authors: new Map(), sharedPapers: new Map(), saved: new Set<string>(), titles: new Map() };
    const long = summarize({ ...paper('2402.07871'), authors: many, authorsTruncated: false }, context);
    expect(long.authors).toEqual(many.slice(0, 6));
    expect(long.authorsTruncated).toBe(true);
    const short = summarize({ ...paper('2402.07871'), authors: many.slice(0, 6), authorsTruncated: false }, context);
    expect(short.authorsTruncated).toBe(false);
  });

  it('reads a derived paper’s coauthors and titles from the paper itself, only for authors still followed', async () => {
    const derived = paper('2402.07871');
    expect(derived.coauthors).toContainEqual({ name: 'Maciej Pióro', sharedPapers: 7, authorId: BUNDLED_AUTHOR_ID });
    const summary = summarize(
      { ...derived, coauthors: [...(derived.coauthors ?? []), { name: 'X Y', sharedPapers: 1, authorId: 'gone' }] },
      {
        authors: new Map([
          [BUNDLED_AUTHOR_ID, { id: BUNDLED_AUTHOR_ID, name: 'Jan', color: '#1f5fbf' } as FollowedAuthor],
        ]),
        sharedPapers: new Map(),
        saved: new Set(),
        titles: new Map(),
      },
    );
    expect(summary.coauthors).toEqual(derived.coauthors);
    expect(summary.relatedPapers.map((r) => r.title)).toEqual(
      derived.related.map((r) => corpus.papers.find((p) => p.id === r.id)?.displayTitle),
    );
    expect(summary.closestEarlierTitle).toBe(
      corpus.papers.find((p) => p.id === derived.novelty?.closestEarlierId)?.displayTitle,
    );
    // So a lookup of a derived paper reads nothing but it, its authors and the reading list's keys.
    const { papers } = await lookupPapers(db, { ids: ['2402.07871'], dois: [], titles: [] });
    expect(papers[0]?.coauthors).toEqual(derived.coauthors);
  });

  it('gives content scripts a filter of every arXiv id, DOI, normalized title and its first word', async () => {
    await db.put('papers', {
      ...paper('2402.07871'),
      id: 'doi:10.1000/xyz',
      doi: '10.1000/xyz',
      normalizedTitle: 'a doi only paper',
    });
    const message = await libraryFilter(db);
    expect(message.papers).toBe(corpus.papers.length + 1);
    const filter = readLibraryFilter(message)!;
    for (const { id } of corpus.papers) expect(mayHold(filter, filterKey.id(id))).toBe(true);
    for (const key of [
      filterKey.doi('10.1000/XYZ'),
      filterKey.title('mu parametrization for mixture of experts'),
      filterKey.title('a doi only paper'),
      filterKey.firstWord('mu'),
    ]) {
      expect(mayHold(filter, key)).toBe(true);
    }
    for (const key of [
      filterKey.id('1706.03762'),
      filterKey.title('attention is all you need'),
      filterKey.id('doi:10.1000/xyz'),
    ]) {
      expect(mayHold(filter, key)).toBe(false);
    }
    expect(filter.bits.length * 8).toBeLessThanOrEqual(MAX_FILTER_BITS);
  });

  it('gives the library page its authors and their paper counts, read by index, never the papers', async () => {
    await db.put('papers', { ...paper('2402.07871'), id: '2605.00001', followedAuthorIds: ['someone-else'] });
    const overview = await readLibraryOverview(db);
    expect(overview).toEqual({
      authors: [expect.objectContaining({ id: BUNDLED_AUTHOR_ID })],
      paperCounts: { [BUNDLED_AUTHOR_ID]: 13 },
      papers: 14,
      derivedReady: true,
    });
    expect(JSON.stringify(overview)).not.toContain('abstract');
    await expect(readLibraryOverview(await openPaperlensDb(freshFactory()))).rejects.toThrow(/not loaded yet/);
  });

  it('takes the counts from the search facets stored for this revision, and counts when they are of another', async () => {
    const revision = `${await getMeta(db.transaction('meta').store, 'libraryRevision')}/${await getMeta(db.transaction('meta').store, 'derivedRevision')}`;
    const facets = (papers: number) => ({
      categories: [{ code: 'LG', name: 'Machine Learning', count: papers }],
      years: [],
    });
    // Numbers the store does not hold, so the test sees where they came from.
    const byAuthor = { '': facets(40), [BUNDLED_AUTHOR_ID]: facets(30) };
    await db.put('meta', { key: 'searchFacets', value: { revision, byAuthor } });
    expect(await readLibraryOverview(db)).toMatchObject({ papers: 40, paperCounts: { [BUNDLED_AUTHOR_ID]: 30 } });
    await db.put('meta', { key: 'searchFacets', value: { revision: `${revision}0`, byAuthor } });
    expect(await readLibraryOverview(db)).toMatchObject({ papers: 13, paperCounts: { [BUNDLED_AUTHOR_ID]: 13 } });
  });

  it('reads the library newest first, and says plainly when it is not loaded yet', async () => {
    const library = await readLibrary(db);
    expect(library.authors.map((a) => a.name)).toEqual([corpus.author.name]);
    expect(library.derivedReady).toBe(true);
    const dates = library.papers.map((p) => p.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const counts = library.coauthors.map((c) => c.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const empty = await openPaperlensDb(freshFactory());
    await expect(readLibrary(empty)).rejects.toThrow('The library is not loaded yet; reopen Paperlens in a moment.');
  });
});
