import { beforeEach, describe, expect, it, vi } from 'vitest';
import { lookupPapers } from '../../../lib/corpus/lookup';
import { createLookupCache, type LookupCache } from '../../../lib/corpus/lookup-cache';
import { openPaperlensDb, type PaperlensDatabase } from '../../../lib/db';
import type { DbConnection } from '../../../lib/db-connection';
import { derivedPart } from '../../../lib/library/derived-store';
import { seedCorpus } from '../../../lib/library/seed';
import { commitLibraryImport } from '../../../lib/library/write';
import type { LookupRequest } from '../../../lib/message-schemas';
import { importReadingList } from '../../../lib/reading-list/import';
import { removeEntry, saveEntry } from '../../../lib/reading-list/store';
import { FILTER_FORMAT, filterKey, mayHold, readLibraryFilter } from '../../../lib/scan/library-filter';
import { corpus, freshFactory, libraryPapers } from '../../helpers/db';

const paper = (id: string) => libraryPapers.find((p) => p.id === id)!;
const SCALING = '2402.07871';
const MOE = '2401.04081';
const request = (ids: string[], more: Partial<LookupRequest> = {}): LookupRequest => ({
  ids,
  dois: [],
  titles: [],
  ...more,
});

/** A connection that counts what reaches the database: a lookup answered from memory reaches nothing. */
function counting(db: PaperlensDatabase) {
  const connection = { runs: 0, run: <T>(work: (open: PaperlensDatabase) => Promise<T>) => work(db) };
  connection.run = (work) => {
    connection.runs++;
    return work(db);
  };
  return connection satisfies DbConnection;
}

async function bumpRevision(db: PaperlensDatabase, key: 'libraryRevision' | 'derivedRevision', value: number) {
  await db.put('meta', { key, value });
}

const revisionOf = async (db: PaperlensDatabase) => (await db.get('meta', 'libraryRevision'))?.value as number;

describe('the lookup cache', () => {
  let db: PaperlensDatabase;
  let connection: ReturnType<typeof counting>;
  let cache: LookupCache;
  beforeEach(async () => {
    db = await openPaperlensDb(freshFactory());
    await seedCorpus(db, corpus);
    connection = counting(db);
    cache = createLookupCache(connection);
  });

  it.each([
    ['ids, one twice, one not in the library', request([SCALING, SCALING, '1706.03762', MOE])],
    ['titles', request([], { titles: ['mixture of tokens', 'attention is all you need'] })],
    ['a small library whole', request([MOE], { wholeIfSmall: true })],
    ['nothing', request([])],
  ])('answers %s exactly as reading by index does, before and after the keys are in memory', async (_, asked) => {
    await saveEntry(db, { id: MOE });
    cache.readingListChanged([MOE]);
    const expected = await lookupPapers(db, asked);
    expect(await cache.lookup(asked)).toEqual(expected);
    await cache.filter();
    expect(await cache.lookup(asked)).toEqual(expected);
    expect(await cache.lookup(asked)).toEqual(expected);
  });

  it('finds papers by DOI through the same keys', async () => {
    await db.put('papers', { ...paper(SCALING), id: 'doi:10.1000/xyz', doi: '10.1000/xyz', normalizedTitle: 'a' });
    await db.put('papers', { ...paper(MOE), doi: '10.1145/3571730' });
    await cache.filter();
    const { papers } = await cache.lookup(request([], { dois: ['10.1000/xyz', '10.1145/3571730', '10.9/no'] }));
    expect(papers.map((p) => p.id)).toEqual(['doi:10.1000/xyz', MOE]);
  });

  it('reads the keys once for the filter and the lookups, and answers misses and repeated papers from memory', async () => {
    const filter = readLibraryFilter(await cache.filter())!;
    expect(mayHold(filter, filterKey.id(SCALING))).toBe(true);
    // No filter stored yet: one read for it, one for the keys, one to store the filter built from them.
    expect(connection.runs).toBe(3);
    expect(await cache.lookup(request(['1706.03762'], { titles: ['attention is all you need'] }))).toEqual({
      papers: [],
    });
    expect(connection.runs).toBe(3);
    await cache.lookup(request([SCALING, MOE]));
    expect(connection.runs).toBe(4);
    const again = await cache.lookup(request([MOE, SCALING, '1706.03762']));
    expect(again.papers.map((p) => p.id)).toEqual([MOE, SCALING]);
    expect(connection.runs).toBe(4);
  });

  it('stores the filter for its revision: a restarted worker answers it with one read, not the keys', async () => {
    const built = await cache.filter();
    await vi.waitFor(async () => expect((await db.get('meta', 'libraryFilter'))?.value).toBeDefined());
    // The keys' parts gone: only the stored filter can answer without walking the indexes.
    await db.delete('meta', IDBKeyRange.bound('libraryKeys/', 'libraryKeys/\uffff'));
    const restarted = counting(db);
    expect(await createLookupCache(restarted).filter()).toEqual(built);
    expect(restarted.runs).toBe(1);

    // The library changed: built again from the keys, with the new paper in it.
    await db.put('papers', { ...paper(SCALING), id: '2501.00001', normalizedTitle: 'a new paper' });
    await bumpRevision(db, 'libraryRevision', (await revisionOf(db)) + 1);
    const after = readLibraryFilter(await createLookupCache(counting(db)).filter())!;
    expect(mayHold(after, filterKey.id('2501.00001'))).toBe(true);

    // A filter stored by another format is never served.
    await vi.waitFor(async () =>
      expect((await db.get('meta', 'libraryFilter'))?.value).toMatchObject({ revision: await revisionOf(db) }),
    );
    const stored = (await db.get('meta', 'libraryFilter'))!.value as { format: number };
    await db.put('meta', { key: 'libraryFilter', value: { ...stored, format: FILTER_FORMAT + 1 } } as never);
    const other = counting(db);
    expect(await createLookupCache(other).filter()).toEqual(await createLookupCache(counting(db)).filter());
    expect(other.runs).toBeGreaterThan(1);
  });

  it('keeps at most the summaries it is given room for, dropping the least recently asked', async () => {
    cache = createLookupCache(connection, 2);
    await cache.filter();
    const [a, b, c] = libraryPapers.map((p) => p.id);
    await cache.lookup(request([a!, b!]));
    await cache.lookup(request([a!]));
    await cache.lookup(request([c!]));
    const runs = connection.runs;
    await cache.lookup(request([a!, c!]));
    expect(connection.runs).toBe(runs);
    await cache.lookup(request([b!]));
    expect(connection.runs).toBe(runs + 1);
  });

  it('shows a save, a remove and an import of the reading list in the next lookup', async () => {
    await cache.filter();
    const saved = async () => (await cache.lookup(request([SCALING, MOE]))).papers.map((p) => [p.id, p.saved]);
    expect(await saved()).toEqual([
      [SCALING, false],
      [MOE, false],
    ]);
    await saveEntry(db, { id: SCALING });
    cache.readingListChanged([SCALING]);
    expect(await saved()).toEqual([
      [SCALING, true],
      [MOE, false],
    ]);
    await removeEntry(db, SCALING);
    cache.readingListChanged([SCALING]);
    expect(await saved()).toEqual([
      [SCALING, false],
      [MOE, false],
    ]);
    const entry = {
      id: MOE,
      title: 'MoE',
      savedAt: '2026-12-01T00:00:00.000Z',
      status: 'to-read' as const,
      note: '',
      tags: [],
      source: null,
      inCorpus: true,
    };
    await importReadingList(db, [entry]);
    cache.readingListChanged(null);
    expect(await saved()).toEqual([
      [SCALING, false],
      [MOE, true],
    ]);
  });

  it('finds a paper the library gained, and forgets one it lost, once the library says it changed', async () => {
    await cache.filter();
    expect((await cache.lookup(request(['2405.00001']))).papers).toEqual([]);
    await commitLibraryImport(db, {
      source: { kind: 'arxiv', name: 'au:X' },
      papers: [
        {
          arxivId: '2405.00001',
          version: 1,
          doi: null,
          title: 'A new paper',
          authors: ['Jan Ludziejewski'],
          abstract: 'An abstract.',
          primaryCategory: 'cs.LG',
          categories: ['cs.LG'],
          date: '2025-03-04',
          updated: null,
          journalRef: null,
          comments: null,
        },
      ],
      follow: null,
    });
    cache.libraryChanged();
    // Read by index while the keys are read again, then from them.
    expect((await cache.lookup(request(['2405.00001']))).papers.map((p) => p.id)).toEqual(['2405.00001']);
    await cache.filter();
    expect((await cache.lookup(request([], { titles: ['a new paper'] }))).papers.map((p) => p.id)).toEqual([
      '2405.00001',
    ]);
  });

  it('reads a changed paper afresh when the library revision moved, even before the hook says so', async () => {
    await cache.filter();
    await cache.lookup(request([SCALING]));
    await db.put('papers', { ...paper(MOE), displayTitle: 'Renamed' });
    await bumpRevision(db, 'libraryRevision', (await revisionOf(db)) + 1);
    await bumpRevision(db, 'derivedRevision', await revisionOf(db));
    const { papers } = await cache.lookup(request([SCALING, MOE]));
    expect(papers.map((p) => p.displayTitle)).toEqual([paper(SCALING).displayTitle, 'Renamed']);
  });

  it('shows derived data once it is worked out, without a library change', async () => {
    const revision = await revisionOf(db);
    await bumpRevision(db, 'derivedRevision', revision - 1);
    await cache.filter();
    expect((await cache.lookup(request([SCALING]))).papers[0]?.novelty).toEqual(paper(SCALING).novelty);
    const novelty = { score: 0.9, closestEarlierId: null, similarity: null };
    await db.put('derived', { ...derivedPart(paper(SCALING)), novelty });
    await bumpRevision(db, 'derivedRevision', revision);
    expect((await cache.lookup(request([SCALING]))).papers[0]?.novelty).toEqual(novelty);
    // Worked out: the next lookup is answered from memory.
    const runs = connection.runs;
    expect((await cache.lookup(request([SCALING]))).papers[0]?.novelty).toEqual(novelty);
    expect(connection.runs).toBe(runs);
  });

  it('keeps nothing a lookup read while the library said it changed', async () => {
    await cache.filter();
    const during = cache.lookup(request([SCALING]));
    cache.libraryChanged();
    expect((await during).papers[0]?.displayTitle).toBe(paper(SCALING).displayTitle);
    // A change that moved no revision (an author renamed by a refresh is one): only the hook tells.
    await db.put('papers', { ...paper(SCALING), displayTitle: 'Renamed' });
    await cache.filter();
    expect((await cache.lookup(request([SCALING]))).papers[0]?.displayTitle).toBe('Renamed');
  });

  it('shows a followed author’s new colour after the library says it changed', async () => {
    await cache.filter();
    await cache.lookup(request([SCALING]));
    const [author] = await db.getAll('authors');
    await db.put('authors', { ...author!, color: '#b3261e' });
    cache.libraryChanged();
    await cache.filter();
    const { papers } = await cache.lookup(request([SCALING]));
    expect(papers[0]?.followedAuthors[0]?.color).toBe('#b3261e');
  });
});
