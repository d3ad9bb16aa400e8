import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, getMeta, openPaperlensDb, seedCorpus } from '../../lib/db';
import { saveEntry } from '../../lib/reading-list/store';
import { corpus, createFromFixture, freshFactory, readDbFixture } from '../helpers/db';

describe('seedCorpus', () => {
  it('seeds all papers, coauthors and the profile into a new database', async () => {
    const db = await openPaperlensDb(freshFactory());
    expect(await seedCorpus(db, corpus)).toEqual({ seeded: true, papers: 13 });
    expect(await db.count('papers')).toBe(13);
    expect(await db.count('coauthors')).toBe(corpus.coauthors.length);
    expect(await getMeta(db.transaction('meta').store, 'corpusHash')).toBe(corpus.hash);
    expect((await getMeta(db.transaction('meta').store, 'author'))?.hIndex).toBe(27);
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
    expect(await db.countFromIndex('papers', 'by-category', 'LG')).toBe(6);
    expect(await db.countFromIndex('papers', 'by-year', 2026)).toBe(3);
    expect(await db.countFromIndex('papers', 'by-author', 'Maciej Pióro')).toBe(7);
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
    expect([...db.objectStoreNames].sort()).toEqual(['coauthors', 'meta', 'papers', 'readingList']);
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
    expect(await db.count('papers')).toBe(13);
    expect(await db.count('coauthors')).toBe(corpus.coauthors.length);
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
