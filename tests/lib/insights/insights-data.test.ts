import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openPaperlensDb, type PaperlensDatabase } from '../../../lib/db';
import { type InsightsCache, noInsightsCache, storedInsights } from '../../../lib/insights/insights-cache';
import { INSIGHTS_LIMITS, type InsightsData, readInsights } from '../../../lib/insights/insights-data';
import { papersPerYearByCategory } from '../../../lib/insights/papers-per-year';
import { coauthorsOfPapers } from '../../../lib/insights/top-coauthors';
import type { LibraryPaper } from '../../../lib/library/schema';
import { authorCoauthors, seedCorpus } from '../../../lib/library/seed';
import { BUNDLED_AUTHOR_ID, corpus, freshFactory, libraryPapers } from '../../helpers/db';
import { followedAuthor } from '../../helpers/library';

const base = libraryPapers[0]!;

/** A paper of `authorId` with derived data worked out; `i` spreads dates, scores, categories and coauthors. */
const synthetic = (i: number, authorId: string): LibraryPaper => ({
  ...base,
  id: `2101.${String(i).padStart(5, '0')}`,
  title: `Synthetic paper ${i}`,
  displayTitle: `Synthetic paper ${i}`,
  normalizedTitle: `synthetic paper ${i}`,
  date: `${2000 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`,
  year: 2000 + (i % 25),
  category: `c${i % 20}`,
  categoryName: `Category ${i % 20}`,
  authors: ['Ada Lovelace', `Coauthor ${i % 400}`, `Coauthor ${(i + 1) % 400}`],
  followedAuthorIds: [authorId],
  novelty: { score: ((i * 37) % 101) / 100, closestEarlierId: null, similarity: null },
  related: [{ id: base.id, similarity: 0.5, title: base.displayTitle }],
  coauthors: [
    { name: `Coauthor ${i % 400}`, sharedPapers: 1, authorId },
    { name: `Coauthor ${(i + 1) % 400}`, sharedPapers: 1, authorId },
  ],
});

/** Writes papers (and Ada, their coauthors) and moves both revisions on, as a finished derive would. */
async function addPapers(db: PaperlensDatabase, papers: readonly LibraryPaper[], derived = true): Promise<void> {
  const tx = db.transaction(['papers', 'authors', 'coauthors', 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  const revision = ((await meta.get('libraryRevision'))?.value as number) + 1;
  const ada = papers.filter((paper) => paper.followedAuthorIds.includes('ada'));
  await Promise.all([
    tx.objectStore('authors').put(followedAuthor('ada', 'Ada Lovelace')),
    ...papers.map((paper) => tx.objectStore('papers').put(paper)),
    ...authorCoauthors('ada', coauthorsOfPapers(ada)).map((chunk) => tx.objectStore('coauthors').put(chunk)),
    meta.put({ key: 'libraryRevision', value: revision }),
    ...(derived ? [meta.put({ key: 'derivedRevision', value: revision })] : []),
  ]);
  await tx.done;
}

/** A cache in memory that counts what it is asked. */
function memoryCache() {
  const entries = new Map<string, InsightsData>();
  const cache: InsightsCache & { hits: number } = {
    hits: 0,
    async get(revision) {
      const hit = entries.get(revision) ?? null;
      if (hit) cache.hits += 1;
      return hit;
    },
    async set(revision, data) {
      entries.set(revision, data);
    },
  };
  return cache;
}

describe('readInsights', () => {
  let db: PaperlensDatabase;
  beforeEach(async () => {
    fakeBrowser.reset();
    db = await openPaperlensDb(freshFactory());
    await seedCorpus(db, corpus);
  });

  it('gives one author’s charts: every paper a dot, their network, all coauthors and related papers', async () => {
    const data = await readInsights(db, BUNDLED_AUTHOR_ID);
    expect(data).toMatchObject({ authorId: BUNDLED_AUTHOR_ID, papers: 13, date: '2026-03-26', pending: 0 });
    expect(data.derivedReady).toBe(true);
    expect(data.perYear).toEqual(papersPerYearByCategory(libraryPapers));
    expect(data.novelty.points).toHaveLength(13);
    expect(data.novelty.density).toBeNull();
    expect(data.novelty.range).toEqual({ first: '2023-10-24', last: '2026-03-26' });
    expect(data.network?.nodes).toHaveLength(29);
    expect(data.network?.nodes[0]?.name).toBe('Jan Ludziejewski');
    expect(data.coauthors.total).toBe(28);
    expect(data.coauthors.rows[0]).toEqual({ name: 'Jakub Krajewski', shared: 7, firstYear: 2023, lastYear: 2025 });
    expect(data.related.total).toBe(13);
    expect(data.related.rows.map((row) => row.related.length)).toEqual(Array(13).fill(3));
    expect(data.related.rows[0]?.id).toBe('2603.25551');
  });

  it('gives everyone’s charts with no network, coauthors counted from the papers as the index counts them', async () => {
    const [one, everyone] = await Promise.all([
      readInsights(db, BUNDLED_AUTHOR_ID),
      readInsights(db, null, noInsightsCache),
    ]);
    expect(everyone.authorId).toBeNull();
    expect(everyone.network).toBeNull();
    expect({ ...everyone, network: null, authorId: null }).toEqual({ ...one, network: null, authorId: null });
  });

  it('counts a coauthor of two followed authors once per paper for everyone', async () => {
    const shared = synthetic(1, 'ada');
    await addPapers(db, [
      { ...shared, coauthors: [{ name: 'Maciej Pióro', sharedPapers: 1, authorId: 'ada' }] },
      {
        ...libraryPapers.find((p) => p.authors.includes('Maciej Pióro'))!,
        followedAuthorIds: [BUNDLED_AUTHOR_ID, 'ada'],
        coauthors: [
          { name: 'Maciej Pióro', sharedPapers: 7, authorId: BUNDLED_AUTHOR_ID },
          { name: 'Maciej Pióro', sharedPapers: 1, authorId: 'ada' },
        ],
      },
    ]);
    const everyone = await readInsights(db, null, noInsightsCache);
    expect(everyone.coauthors.rows.find((row) => row.name === 'Maciej Pióro')?.shared).toBe(8);
  });

  it('sends a large library bounded: a density grid, the most novel as dots, the first rows and their totals', async () => {
    await addPapers(
      db,
      Array.from({ length: 1_500 }, (_, i) => synthetic(i, 'ada')),
    );
    const data = await readInsights(db, null, noInsightsCache);
    expect(data.papers).toBe(1_513);
    expect(data.novelty.scored).toBe(1_513);
    expect(data.novelty.points).toHaveLength(INSIGHTS_LIMITS.mostNovel);
    expect(data.novelty.points.map((p) => p.score)).toEqual(
      [...data.novelty.points.map((p) => p.score)].sort((a, b) => b - a),
    );
    expect(data.novelty.density?.counts.reduce((a, b) => a + b, 0)).toBe(1_513);
    expect(data.perYear.categories.length).toBeLessThanOrEqual(8);
    expect(data.perYear.years.reduce((sum, row) => sum + row.total, 0)).toBe(1_513);
    expect(data.coauthors).toMatchObject({ total: 400 + 28 });
    expect(data.coauthors.rows).toHaveLength(INSIGHTS_LIMITS.coauthors);
    expect(data.related).toMatchObject({ total: 1_513 });
    expect(data.related.rows).toHaveLength(INSIGHTS_LIMITS.related);
    expect(JSON.stringify(data).length).toBeLessThan(150_000);
    const author = await readInsights(db, 'ada');
    expect(author.network?.nodes.length).toBe(INSIGHTS_LIMITS.network + 1);
    expect(author.coauthors).toMatchObject({ total: 400 });
    expect(author.network?.nodes.slice(1).map((node) => node.name)).toEqual(
      author.coauthors.rows.slice(0, INSIGHTS_LIMITS.network).map((row) => row.name),
    );
  });

  it('does not grow with the library', async () => {
    await addPapers(
      db,
      Array.from({ length: 600 }, (_, i) => synthetic(i, 'ada')),
    );
    const smaller = JSON.stringify(await readInsights(db, null, noInsightsCache)).length;
    await addPapers(
      db,
      Array.from({ length: 1_800 }, (_, i) => synthetic(600 + i, 'ada')),
    );
    const larger = JSON.stringify(await readInsights(db, null, noInsightsCache)).length;
    expect(larger).toBeLessThan(smaller * 1.1);
  });

  it('counts papers whose derived data is pending, and says derived data is behind', async () => {
    await addPapers(db, [{ ...synthetic(1, 'ada'), novelty: null, followedAuthorIds: [BUNDLED_AUTHOR_ID] }], false);
    const data = await readInsights(db, BUNDLED_AUTHOR_ID);
    expect(data).toMatchObject({ papers: 14, pending: 1, derivedReady: false });
    expect(data.novelty.points).toHaveLength(13);
  });

  it('names papers another author’s paper points to, reading their titles when the paper carries none', async () => {
    const fineGrained = libraryPapers.find((p) => p.id === '2402.07871')!;
    await addPapers(db, [
      {
        ...synthetic(1, 'ada'),
        novelty: { score: 0.4, closestEarlierId: fineGrained.id, similarity: 0.6 },
        related: [{ id: fineGrained.id, similarity: 0.6 }],
      },
    ]);
    const data = await readInsights(db, 'ada');
    expect(data.novelty.points[0]?.explanation).toContain(`“${fineGrained.displayTitle}”`);
    expect(data.related.rows[0]?.related).toEqual([
      { rank: 1, id: fineGrained.id, title: fineGrained.displayTitle, similarity: 0.6 },
    ]);
  });

  it('refuses an author who is not followed', async () => {
    await expect(readInsights(db, 'nobody')).rejects.toThrow('no longer followed');
  });

  it('keeps everyone’s insights for the revision, and works them out again once the library changes', async () => {
    const cache = memoryCache();
    const first = await readInsights(db, null, cache);
    // Written behind the revision's back: a cached answer does not see it.
    await db.delete('papers', '2402.07871');
    expect(await readInsights(db, null, cache)).toEqual(first);
    expect(cache.hits).toBe(1);
    await addPapers(db, []);
    expect((await readInsights(db, null, cache)).papers).toBe(12);
    expect(cache.hits).toBe(1);
  });

  it('keeps nothing while derived data is behind, and never one author’s view', async () => {
    const cache = memoryCache();
    await addPapers(db, [synthetic(1, 'ada')], false);
    await readInsights(db, null, cache);
    await readInsights(db, null, cache);
    await readInsights(db, 'ada', cache);
    await readInsights(db, 'ada', cache);
    expect(cache.hits).toBe(0);
  });

  it('keeps them in the browser’s local storage, so a restarted worker answers from it', async () => {
    const data = await readInsights(db, null);
    await db.delete('papers', '2402.07871');
    expect(await readInsights(db, null)).toEqual(data);
    expect(await storedInsights.get('another revision')).toBeNull();
  });

  it('never serves an entry an earlier version of Paperlens kept in another shape', async () => {
    const data = await readInsights(db, null);
    const { insightsCache } = (await fakeBrowser.storage.local.get('insightsCache')) as {
      insightsCache: { revision: string };
    };
    await fakeBrowser.storage.local.set({ insightsCache: { revision: insightsCache.revision, data: { old: true } } });
    expect(await storedInsights.get(insightsCache.revision)).toBeNull();
    expect(await readInsights(db, null)).toEqual(data);
  });
});
