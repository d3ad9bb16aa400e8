import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, getMeta, openPaperlensDb, putParts, readParts, StaleParts } from '../../lib/db';
import { recomputeDerived } from '../../lib/library/derive-texts';
import { FollowedAuthorSchema, LibraryPaperSchema } from '../../lib/library/schema';
import { seedCorpus } from '../../lib/library/seed';
import { saveEntry } from '../../lib/reading-list/store';
import {
  allCoauthors,
  coauthorOf,
  corpus,
  createFromFixture,
  freshFactory,
  libraryPaper,
  openAt,
  readDbFixture,
} from '../helpers/db';

describe('seedCorpus', () => {
  it('seeds all papers, coauthors and the profile into a new database', async () => {
    const db = await openPaperlensDb(freshFactory());
    expect(await seedCorpus(db, corpus)).toEqual({ seeded: true, papers: 13 });
    expect(await db.count('papers')).toBe(13);
    expect(await allCoauthors(db)).toHaveLength(corpus.coauthors.length);
    expect(await getMeta(db.transaction('meta').store, 'corpusHash')).toBe(corpus.hash);
    const [author] = await db.getAll('authors');
    expect(author).toMatchObject({ id: 'jan-ludziejewski', name: 'Jan Ludziejewski', refreshedAt: null });
    expect(author?.profile).toMatchObject({ hIndex: 27, citations: 422, novelty: 0.5, aiScore: 58, papers: 13 });
    expect(await db.countFromIndex('papers', 'by-followed', 'jan-ludziejewski')).toBe(13);
  });

  it('is idempotent: the same corpus twice writes nothing the second time', async () => {
    const db = await openPaperlensDb(freshFactory());
    await seedCorpus(db, corpus);
    expect(await seedCorpus(db, corpus)).toEqual({ seeded: false, papers: 13 });
    expect(await db.count('papers')).toBe(13);
  });

  it('refreshes a changed corpus, drops removed papers and keeps the reading list', async () => {
    const db = await openPaperlensDb(freshFactory());
    await seedCorpus(db, corpus);
    await saveEntry(db, { id: '2402.07871' });
    await saveEntry(db, { id: '1706.03762', title: 'Attention Is All You Need' });
    const smaller = { ...corpus, hash: 'f'.repeat(64), papers: corpus.papers.slice(1) };
    expect(await seedCorpus(db, smaller)).toEqual({ seeded: true, papers: 12 });
    expect(await db.count('papers')).toBe(12);
    expect(await db.get('papers', corpus.papers[0]!.id)).toBeUndefined();
    expect((await db.getAllKeys('readingList')).sort()).toEqual(['1706.03762', '2402.07871']);
  });

  it('serves the indexes the lookups use', async () => {
    const db = await openPaperlensDb(freshFactory());
    await seedCorpus(db, corpus);
    expect((await db.getFromIndex('papers', 'by-title', 'mu parametrization for mixture of experts'))?.id).toBe(
      '2508.09752',
    );
    expect(await db.countFromIndex('papers', 'by-followed', 'jan-ludziejewski')).toBe(13);
    expect(await db.countFromIndex('papers', 'by-family', 'pioro')).toBe(7);
    const newest = await db.transaction('papers').store.index('by-date').openCursor(null, 'prev');
    expect(newest?.value.date).toBe(
      [...corpus.papers]
        .map((p) => p.date)
        .sort()
        .at(-1),
    );
    // Indexes nothing reads are gone: every paper write updated them.
    expect([...db.transaction('papers').store.indexNames].sort()).toEqual([
      'by-date',
      'by-doi',
      'by-family',
      'by-followed',
      'by-title',
    ]);
  });
});

describe('a whole kept in parts', () => {
  const part = (n: number) => ({ ids: [`id-${n}`], dois: [], titles: [] });
  const store = async (db: Awaited<ReturnType<typeof openPaperlensDb>>, revision: number, count: number) => {
    const tx = db.transaction('meta', 'readwrite');
    const parts = Array.from({ length: count }, (_, i) => part(i));
    await Promise.all([...putParts(tx.store, 'libraryKeys', { revision }, parts), tx.done]);
  };
  const readAll = async (db: Awaited<ReturnType<typeof openPaperlensDb>>) => {
    const head = await getMeta(db.transaction('meta').store, 'libraryKeys');
    if (!head) throw new Error('no head');
    const read: unknown[] = [];
    for await (const got of readParts('libraryKeys', head, (key) => getMeta(db.transaction('meta').store, key))) {
      read.push(got);
    }
    return read;
  };

  it('stores the head with its count and reads the parts back in order', async () => {
    const db = await openPaperlensDb(freshFactory());
    await store(db, 4, 3);
    expect(await getMeta(db.transaction('meta').store, 'libraryKeys')).toEqual({ revision: 4, parts: 3 });
    expect(await readAll(db)).toEqual([part(0), part(1), part(2)]);
  });

  it('leaves no part of an earlier, longer store behind', async () => {
    const db = await openPaperlensDb(freshFactory());
    await store(db, 1, 5);
    await store(db, 2, 2);
    const keys = (await db.getAllKeys('meta')).map(String).filter((key) => key.startsWith('libraryKeys/'));
    expect(keys.sort()).toEqual(['libraryKeys/0', 'libraryKeys/1']);
  });

  it('fails with StaleParts on a part of another revision or a missing part, after the good ones', async () => {
    const db = await openPaperlensDb(freshFactory());
    await store(db, 3, 3);
    await db.put('meta', { key: 'libraryKeys/1', value: { revision: 2, part: part(9) } });
    const head = { revision: 3, parts: 3 };
    const read: unknown[] = [];
    const parts = readParts('libraryKeys', head, (key) => getMeta(db.transaction('meta').store, key));
    await expect(
      (async () => {
        for await (const got of parts) read.push(got);
      })(),
    ).rejects.toBeInstanceOf(StaleParts);
    expect(read).toEqual([part(0)]);
    await db.delete('meta', 'libraryKeys/1');
    await expect(readAll(db)).rejects.toThrow(/libraryKeys\/1 is not of revision 3/);
  });
});

describe('the upgrade ladder', () => {
  const versions = readdirSync(new URL('../fixtures/db/', import.meta.url))
    .map((file) => /^v(\d+)\.json$/.exec(file)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number)
    .sort((a, b) => a - b);

  it('has a fixture for every schema version', () => {
    expect(versions).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it.each(versions)('migrates a v%i database to the latest with no reading-list entry lost', async (version) => {
    const fixture = readDbFixture(version);
    const factory = freshFactory();
    await createFromFixture(factory, fixture);

    const db = await openPaperlensDb(factory);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'authors',
      'coauthors',
      'derived',
      'meta',
      'papers',
      'readingList',
      'staging',
    ]);
    await seedCorpus(db, corpus);

    const before = fixture.stores.readingList as { id: string; title: string; savedAt: string }[];
    const after = await db.getAll('readingList');
    expect(after.map((entry) => entry.id).sort()).toEqual(before.map((entry) => entry.id).sort());
    for (const old of before) {
      expect(after.find((entry) => entry.id === old.id)).toMatchObject({
        title: old.title,
        savedAt: old.savedAt,
      });
    }
    for (const entry of after) expect(['to-read', 'reading', 'read']).toContain(entry.status);
    // Every corpus paper is in the library, with whatever papers the fixture's library had besides.
    const kept = ((fixture.stores.papers ?? []) as { id: string }[]).map((paper) => paper.id);
    const ids = await db.getAllKeys('papers');
    expect(new Set(ids)).toEqual(new Set([...corpus.papers.map((paper) => paper.id), ...(version >= 3 ? kept : [])]));
    for (const paper of await db.getAll('papers')) expect(LibraryPaperSchema.safeParse(paper).error).toBeUndefined();
    for (const author of await db.getAll('authors'))
      expect(FollowedAuthorSchema.safeParse(author).error).toBeUndefined();
    const jan = (await allCoauthors(db)).filter((coauthor) => coauthor.authorId === 'jan-ludziejewski');
    expect(jan).toHaveLength(corpus.coauthors.length);
  });

  it('keeps a v3 library as the user left it when a new corpus is seeded', async () => {
    const factory = freshFactory();
    await createFromFixture(factory, readDbFixture(3));
    const db = await openPaperlensDb(factory);
    await seedCorpus(db, corpus);
    const jan = await db.get('authors', 'jan-ludziejewski');
    expect(jan).toMatchObject({ color: '#b3261e', variants: ['J. Ludziejewski'], arxivQuery: 'au:Ludziejewski_J' });
    expect(await db.getAllKeys('authors')).toEqual(['jan-ludziejewski', 'maciej-pioro']);
    expect(await db.get('papers', '2402.07871')).toMatchObject({
      followedAuthorIds: ['jan-ludziejewski', 'maciej-pioro'],
      sources: ['bundled', 'arxiv'],
      version: 1,
      addedAt: '2026-11-01T09:00:00.000Z',
    });
    expect(await db.get('papers', '2405.00002')).toMatchObject({ sources: ['arxiv'], novelty: null });
    // Papers other sources brought were not computed with the bundle: derived data must be worked out again.
    const meta = db.transaction('meta').store;
    expect((await getMeta(meta, 'derivedRevision')) ?? -1).toBeLessThan((await getMeta(meta, 'libraryRevision')) ?? 0);
    // Coauthors are derived data (kept per followed author since v5): the next pass works them out from the papers.
    expect(await coauthorOf(db, 'maciej-pioro', 'Ada Lovelace')).toBeUndefined();
    expect((await recomputeDerived(db, null, 'all')).done).toBe(true);
    expect(await coauthorOf(db, 'maciej-pioro', 'Ada Lovelace')).toMatchObject({ count: 1, paperIds: ['2405.00002'] });
  });

  it('takes back papers a newer bundle dropped, unless another source brought them too', async () => {
    const factory = freshFactory();
    await createFromFixture(factory, readDbFixture(3));
    const db = await openPaperlensDb(factory);
    await seedCorpus(db, corpus);
    const without = {
      ...corpus,
      hash: 'e'.repeat(64),
      papers: corpus.papers.filter((p) => p.id !== '2402.07871' && p.id !== '2401.04081'),
    };
    await seedCorpus(db, without);
    expect(await db.get('papers', '2401.04081')).toBeUndefined();
    expect(await db.get('papers', '2402.07871')).toMatchObject({ sources: ['arxiv'] });
    expect(await db.count('readingList')).toBe(2);
  });

  it('leaves the library alone once the user unfollowed the bundled author', async () => {
    const db = await openPaperlensDb(freshFactory());
    await db.put('meta', { key: 'bundleUnfollowed', value: true });
    expect(await seedCorpus(db, corpus)).toEqual({ seeded: true, papers: 13 });
    expect(await db.count('papers')).toBe(0);
    expect(await db.count('authors')).toBe(0);
  });

  it('v3 → v4 adds the staging store and keeps every record of every store as it was', async () => {
    const factory = freshFactory();
    const fixture = readDbFixture(3);
    await createFromFixture(factory, fixture);
    const db = await openAt(factory, 4);
    expect(db.version).toBe(4);
    for (const [store, records] of Object.entries(fixture.stores)) {
      const key = (record: unknown) => JSON.stringify(record);
      expect((await db.getAll(store as 'meta')).map(key).sort()).toEqual(records.map(key).sort());
    }
    expect(await db.count('staging')).toBe(0);
    expect([...db.transaction('staging').store.indexNames]).toEqual(['by-import']);
  });

  it('v4 → v5 keeps coauthors in a few chunks per followed author, marks derived data behind, keeps all else', async () => {
    const factory = freshFactory();
    const fixture = readDbFixture(4);
    await createFromFixture(factory, fixture);
    const db = await openPaperlensDb(factory);
    expect(db.version).toBe(5);
    const key = (record: unknown) => JSON.stringify(record);
    for (const [store, records] of Object.entries(fixture.stores)) {
      if (store === 'coauthors') continue;
      const kept =
        store === 'meta' ? records.filter((record) => key(record).includes('"derivedRevision"') === false) : records;
      expect((await db.getAll(store as 'meta')).map(key).sort()).toEqual(kept.map(key).sort());
    }
    expect(await getMeta(db.transaction('meta').store, 'derivedRevision')).toBeUndefined();
    expect(await db.count('coauthors')).toBe(0);
    expect(await db.count('derived')).toBe(0);
    // Nothing reads coauthors by index: listings ask the worker's index of them (listing-authors.ts).
    expect([...db.transaction('coauthors').store.indexNames]).toEqual([]);
    expect((await recomputeDerived(db, null, 'all')).done).toBe(true);
    // Every paper's derived data in a record of its own; the paper records are as the import left them.
    expect(await db.getAllKeys('derived')).toEqual(await db.getAllKeys('papers'));
    expect(await db.getAll('papers')).toEqual(fixture.stores.papers);
    // Each followed author's coauthors in one chunk (they are few).
    expect(await db.getAllKeys('coauthors')).toEqual([
      ['jan-ludziejewski', 0],
      ['maciej-pioro', 0],
    ]);
    expect(await coauthorOf(db, 'maciej-pioro', 'Ada Lovelace')).toMatchObject({ count: 1 });
  });

  it('opens a v5 database as it was', async () => {
    const factory = freshFactory();
    const fixture = readDbFixture(5);
    await createFromFixture(factory, fixture);
    const db = await openPaperlensDb(factory);
    const key = (record: unknown) => JSON.stringify(record);
    for (const [store, records] of Object.entries(fixture.stores)) {
      expect((await db.getAll(store as 'meta')).map(key).sort()).toEqual(records.map(key).sort());
    }
    expect(await coauthorOf(db, 'maciej-pioro', 'Ada Lovelace')).toEqual({
      name: 'Ada Lovelace',
      paperIds: ['2405.00002'],
      count: 1,
    });
    expect((await libraryPaper(db, '2405.00002'))?.novelty).toMatchObject({
      score: 0.42,
      closestEarlierId: '2402.07871',
    });
  });

  it('opens a v4 database with an import staged, its batches found by their index', async () => {
    const factory = freshFactory();
    const fixture = readDbFixture(4);
    await createFromFixture(factory, fixture);
    const db = await openPaperlensDb(factory);
    expect(await db.getAll('staging')).toEqual(fixture.stores.staging);
    const keys = await db.getAllKeysFromIndex('staging', 'by-import');
    expect(keys).toEqual([['3f1c3a52-6a3e-4b3f-9a52-0d6f6c1f9e01', 0]]);
  });

  it('keeps the v2 fields of entries that already had them', async () => {
    const factory = freshFactory();
    await createFromFixture(factory, readDbFixture(2));
    const db = await openPaperlensDb(factory);
    expect(await db.get('readingList', '2402.07871')).toMatchObject({
      status: 'reading',
      note: 'granularity section',
      tags: ['moe', 'scaling'],
    });
  });
});
