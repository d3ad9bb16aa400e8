import { beforeEach, describe, expect, it } from 'vitest';
import { type LibraryCoauthor, openPaperlensDb, type PaperlensDatabase } from '../../../lib/db';
import { recomputeCoauthors } from '../../../lib/library/derive';
import { recomputeDerived, recomputeTexts, type TextMemory } from '../../../lib/library/derive-texts';
import { coauthorEntries, seedCorpus } from '../../../lib/library/seed';
import { commitLibraryImport } from '../../../lib/library/write';
import { allCoauthors, coauthorOf, corpus, freshFactory, libraryPaper, libraryPaperList } from '../../helpers/db';
import { incomingPaper } from '../../helpers/library';

const scaling = corpus.papers.find((p) => p.id === '2402.07871')!;

/** A paper close to "Scaling Laws for Fine-Grained MoE" (its abstract, reworded a little). */
const sibling = incomingPaper({
  arxivId: '2605.00001',
  title: 'Scaling laws for fine-grained mixtures of experts, revisited',
  abstract: scaling.abstract.replace(/\bwe\b/gi, 'this work'),
  authors: ['Jan Ludziejewski', 'Ada Lovelace'],
  date: '2026-05-01',
});

describe('novelty and related papers, kept up to date', () => {
  let db: PaperlensDatabase;
  let memory: TextMemory;

  beforeEach(async () => {
    db = await openPaperlensDb(freshFactory());
    await seedCorpus(db, corpus);
    ({ memory } = await recomputeTexts(db));
  });

  it('adds new papers to the index it kept: theirs are worked out, and those of the papers they come close to', async () => {
    await commitLibraryImport(db, { source: { kind: 'file', name: 'x.bib' }, papers: [sibling], follow: null });
    const before = await libraryPaper(db, '2402.07871');
    const run = await recomputeTexts(db, memory);
    expect(run.done).toBe(true);
    expect(run.memory).toBe(memory);
    const added = await libraryPaper(db, '2605.00001');
    expect(added?.novelty?.closestEarlierId).toBe('2402.07871');
    expect(added?.novelty?.closestEarlierTitle).toBe(scaling.displayTitle);
    expect(added?.novelty?.similarity).toBeGreaterThan(0.5);
    // The older paper's closest relative is now the new one.
    const after = await libraryPaper(db, '2402.07871');
    expect(after?.related[0]).toMatchObject({ id: '2605.00001', title: added?.displayTitle });
    expect(after?.novelty).toEqual(before?.novelty);

    // The same figures as a build from scratch, within the drift of term weights kept from the last build.
    const fresh = await recomputeTexts(db, null);
    const again = await libraryPaper(db, '2605.00001');
    expect(fresh.memory).not.toBe(memory);
    expect(again?.novelty?.closestEarlierId).toBe('2402.07871');
    expect(Math.abs((again?.novelty?.similarity ?? 0) - (added?.novelty?.similarity ?? 0))).toBeLessThan(0.05);
  });

  it('builds afresh, not by adding, when the papers to add would grow the library by more than a tenth', async () => {
    const many = Array.from({ length: 3 }, (_, i) =>
      incomingPaper({ arxivId: `2605.0001${i}`, title: `Quokka routing ${i}`, authors: ['Ada Lovelace'] }),
    );
    await commitLibraryImport(db, { source: { kind: 'file', name: 'x.bib' }, papers: many, follow: null });
    const run = await recomputeTexts(db, memory);
    expect(run.done).toBe(true);
    // A new index, built over all 16 papers (the kept one had the 13 bundled ones).
    expect(run.memory).not.toBe(memory);
    expect(run.memory.index.builtCount).toBe(corpus.papers.length + many.length);
    expect((await libraryPaper(db, '2605.00011'))?.novelty).not.toBeNull();
  });

  it('builds again when papers left the library, so no figure names a paper that is gone', async () => {
    await commitLibraryImport(db, { source: { kind: 'file', name: 'x.bib' }, papers: [sibling], follow: null });
    ({ memory } = await recomputeTexts(db, memory));
    await db.delete('papers', '2605.00001');
    const run = await recomputeTexts(db, memory);
    expect(run.memory).not.toBe(memory);
    for (const paper of await libraryPaperList(db)) {
      expect(paper.related.map((r) => r.id)).not.toContain('2605.00001');
      expect(paper.novelty?.closestEarlierId).not.toBe('2605.00001');
    }
  });

  it('says when the library changed meanwhile, so the caller runs again', async () => {
    // The library's revision moves on just after the run has read it.
    const moving = new Proxy(db, {
      get(target, key, receiver) {
        if (key !== 'transaction') return Reflect.get(target, key, receiver);
        return (...args: Parameters<PaperlensDatabase['transaction']>) => {
          const tx = target.transaction(...args);
          if (Array.isArray(args[0]) && args[1] === undefined)
            void target.put('meta', { key: 'libraryRevision', value: 99 });
          return tx;
        };
      },
    });
    expect((await recomputeTexts(moving, memory)).done).toBe(false);
    expect((await recomputeTexts(db, memory)).done).toBe(true);
  });

  it('works out coauthors and figures in one pass, as the two passes did, writing each changed derived record once', async () => {
    const papers = [
      sibling,
      incomingPaper({ arxivId: '2605.00002', title: 'Quokka routing', authors: ['Jan Ludziejewski', 'Ada Lovelace'] }),
    ];
    await commitLibraryImport(db, { source: { kind: 'file', name: 'x.bib' }, papers, follow: null });
    const twoPass = await openPaperlensDb(freshFactory());
    await seedCorpus(twoPass, corpus);
    await commitLibraryImport(twoPass, { source: { kind: 'file', name: 'x.bib' }, papers, follow: null });
    await recomputeCoauthors(twoPass, ['jan-ludziejewski']);
    await recomputeTexts(twoPass, null, true);

    let puts = 0;
    const counting = new Proxy(db, {
      get(target, key, receiver) {
        if (key !== 'transaction') return Reflect.get(target, key, receiver);
        return (...args: Parameters<PaperlensDatabase['transaction']>) => {
          const tx = target.transaction(...args);
          if (args[0] !== 'derived' || args[1] !== 'readwrite') return tx;
          const store = tx.objectStore('derived') as unknown as { put(value: unknown): Promise<unknown> };
          const put = store.put.bind(store);
          store.put = (value) => {
            puts += 1;
            return put(value);
          };
          return tx;
        };
      },
    });
    expect((await recomputeDerived(counting, null, 'all')).done).toBe(true);
    // Seeded a few milliseconds apart: all else must match.
    const byId = (list: { id: string; addedAt: string }[]) =>
      [...list].map(({ addedAt: _, ...paper }) => paper).sort((a, b) => a.id.localeCompare(b.id));
    const onePass = byId(await libraryPaperList(db));
    expect(onePass).toEqual(byId(await libraryPaperList(twoPass)));
    expect(await db.getAll('coauthors')).toEqual(await twoPass.getAll('coauthors'));
    expect((await libraryPaper(db, '2605.00002'))?.coauthors).toEqual([
      { name: 'Ada Lovelace', sharedPapers: 2, authorId: 'jan-ludziejewski' },
    ]);
    // At most every paper once; papers whose figures did not change are not written at all.
    expect(puts).toBeGreaterThan(0);
    expect(puts).toBeLessThanOrEqual(onePass.length);
  });

  it("writes a followed author's coauthor record only when it changed: none on a pass over an unchanged library", async () => {
    const papers = [
      incomingPaper({ arxivId: '2605.00002', title: 'Quokka routing', authors: ['Jan Ludziejewski', 'Ada Lovelace'] }),
    ];
    await commitLibraryImport(db, { source: { kind: 'file', name: 'x.bib' }, papers, follow: null });
    await recomputeDerived(db, null, 'all');
    const written: string[] = [];
    const counting = new Proxy(db, {
      get(target, key, receiver) {
        if (key !== 'transaction') return Reflect.get(target, key, receiver);
        return (...args: Parameters<PaperlensDatabase['transaction']>) => {
          const tx = target.transaction(...args);
          if (!([args[0]].flat() as string[]).includes('coauthors') || args[1] !== 'readwrite') return tx;
          const store = tx.objectStore('coauthors') as unknown as {
            put(value: { authorId: string }): Promise<unknown>;
            delete(key: unknown): Promise<unknown>;
          };
          const [put, remove] = [store.put.bind(store), store.delete.bind(store)];
          store.put = (value) => {
            written.push(`put ${value.authorId}`);
            return put(value);
          };
          store.delete = (key) => {
            // A followed author's chunks go as one key range: named by its author.
            written.push(`delete ${key instanceof IDBKeyRange ? `${key.lower[0]}'s chunks` : JSON.stringify(key)}`);
            return remove(key);
          };
          return tx;
        };
      },
    });
    const before = await db.getAll('coauthors');
    expect((await recomputeDerived(counting, null, 'all', true)).done).toBe(true);
    expect(written).toEqual([]);
    expect(await db.getAll('coauthors')).toEqual(before);

    // One more paper with Ada Lovelace: her record alone is written again.
    await commitLibraryImport(db, {
      source: { kind: 'file', name: 'y.bib' },
      papers: [
        incomingPaper({
          arxivId: '2605.00003',
          title: 'Quokka scaling',
          authors: ['Jan Ludziejewski', 'Ada Lovelace'],
        }),
      ],
      follow: null,
    });
    await recomputeDerived(counting, null, 'all', true);
    expect(written).toEqual(['put jan-ludziejewski']);
    expect((await coauthorOf(db, 'jan-ludziejewski', 'Ada Lovelace'))?.count).toBe(2);

    // Her papers gone: she leaves the record, the other coauthors stay as they were.
    written.length = 0;
    await db.delete('papers', '2605.00002');
    await db.delete('papers', '2605.00003');
    await recomputeDerived(counting, null, 'all', true);
    expect(written).toEqual(['put jan-ludziejewski']);
    const without = (list: LibraryCoauthor[]) => list.filter((coauthor) => coauthor.name !== 'Ada Lovelace');
    expect(await allCoauthors(db)).toEqual(without(coauthorEntries(before[0]!)));
    expect(await coauthorOf(db, 'jan-ludziejewski', 'Ada Lovelace')).toBeUndefined();

    // An author no longer followed: their record goes.
    written.length = 0;
    await db.delete('authors', 'jan-ludziejewski');
    await recomputeDerived(counting, null, ['jan-ludziejewski'], true);
    expect(written).toEqual(["delete jan-ludziejewski's chunks"]);
    expect(await db.count('coauthors')).toBe(0);
  });
});
