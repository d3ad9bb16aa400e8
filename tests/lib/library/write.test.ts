import { beforeEach, describe, expect, it } from 'vitest';
import { getMeta, openPaperlensDb, type PaperlensDatabase } from '../../../lib/db';
import { recomputeCoauthors } from '../../../lib/library/derive';
import { recomputeTexts } from '../../../lib/library/derive-texts';
import { papersStaged } from '../../../lib/library/import-chunks';
import type { IncomingPaper } from '../../../lib/library/incoming';
import { LibraryPaperSchema } from '../../../lib/library/schema';
import { seedCorpus } from '../../../lib/library/seed';
import { createStaging, STAGING_GONE } from '../../../lib/library/staging';
import {
  commitLibraryImport,
  type LibraryImport,
  previewLibraryImport,
  type StagedLibraryImport,
} from '../../../lib/library/write';
import { saveEntry } from '../../../lib/reading-list/store';
import { allCoauthors, coauthorOf, corpus, freshFactory, libraryPaper, libraryPaperList } from '../../helpers/db';
import { incomingPaper } from '../../helpers/library';

const paper = incomingPaper;

const fromFile = (papers: IncomingPaper[], follow: LibraryImport['follow'] = null): LibraryImport => ({
  source: { kind: 'file', name: 'papers.bib' },
  papers,
  follow,
});

describe('importing papers into the library', () => {
  let db: PaperlensDatabase;
  beforeEach(async () => {
    db = await openPaperlensDb(freshFactory());
    await seedCorpus(db, corpus);
  });

  it('previews without writing: new, updated and unchanged papers, whose they are, who to follow', async () => {
    const scaling = corpus.papers.find((p) => p.id === '2402.07871')!;
    const plan = fromFile([
      paper({}),
      paper({ arxivId: '2405.00002', authors: ['Ada Lovelace', 'Grace Hopper'] }),
      paper({ arxivId: '2405.00003', authors: ['Ada Lovelace', 'J. Ludziejewski'] }),
      paper({ arxivId: '2402.07871', version: 3, title: scaling.title, authors: scaling.authors }),
    ]);
    const before = await db.count('papers');
    const preview = await previewLibraryImport(db, plan);
    expect(preview).toMatchObject({ papers: 4, added: 3, updated: 1, unchanged: 0, noFollowed: 2 });
    expect(preview.byAuthor).toEqual([{ id: 'jan-ludziejewski', name: 'Jan Ludziejewski', papers: 2 }]);
    expect(preview.suggestions[0]).toEqual({ name: 'Ada Lovelace', papers: 3 });
    expect(await db.count('papers')).toBe(before);
  });

  it('commits all of it in one go: a shared paper stored once, under every followed author it names', async () => {
    await saveEntry(db, { id: '2402.07871' });
    const summary = await commitLibraryImport(
      db,
      fromFile([paper({}), paper({ arxivId: '2402.07871', authors: ['Jan Ludziejewski', 'Maciej Pióro'] })], {
        name: 'Maciej Pióro',
      }),
    );
    // Following him also makes the 6 other bundled papers that name him his.
    expect(summary).toMatchObject({ added: 1, updated: 7, followed: ['Maciej Pióro'] });
    expect((await db.get('papers', '2401.04081'))?.followedAuthorIds).toEqual(['jan-ludziejewski', 'maciej-pioro']);
    expect(await db.countFromIndex('papers', 'by-followed', 'maciej-pioro')).toBe(8);
    expect((await db.get('papers', '2402.07871'))?.followedAuthorIds).toEqual(['jan-ludziejewski', 'maciej-pioro']);
    expect((await db.get('papers', '2405.00001'))?.followedAuthorIds).toEqual(['maciej-pioro']);
    // The bundled paper keeps its checked texts; the source adds what it knows.
    expect(await db.get('papers', '2402.07871')).toMatchObject({ sources: ['bundled', 'file'], version: 1 });
    expect(await db.getAllKeys('readingList')).toEqual(['2402.07871']);
    for (const stored of await db.getAll('papers')) expect(LibraryPaperSchema.safeParse(stored).error).toBeUndefined();
    const meta = db.transaction('meta').store;
    expect(await getMeta(meta, 'derivedRevision')).toBeLessThan((await getMeta(meta, 'libraryRevision')) ?? 0);
  });

  it('keeps a paper with only a DOI under its DOI, and joins a DOI to the arXiv paper that has it', async () => {
    await commitLibraryImport(db, fromFile([paper({ arxivId: '2405.00009', doi: '10.1000/ABC' })]));
    await commitLibraryImport(
      db,
      fromFile([
        paper({ arxivId: null, doi: '10.1000/abc', title: 'Another title' }),
        paper({ arxivId: null, doi: '10.5555/xyz', primaryCategory: null, categories: [], abstract: '' }),
      ]),
    );
    expect(await db.get('papers', 'doi:10.1000/abc')).toBeUndefined();
    expect(await db.get('papers', 'doi:10.5555/xyz')).toMatchObject({ category: 'other', doi: '10.5555/xyz' });
  });

  it('asks about a name that could be two followed authors, and remembers the answer', async () => {
    await commitLibraryImport(db, fromFile([], { name: 'Jan Smith' }));
    await commitLibraryImport(db, fromFile([], { name: 'Jane Smith' }));
    const plan = fromFile([paper({ arxivId: '2405.00011', authors: ['J. Smith', 'Ada Lovelace'] })]);
    const preview = await previewLibraryImport(db, plan);
    expect(preview.ambiguous).toEqual([
      {
        written: 'J. Smith',
        candidates: [
          { id: 'jan-smith', name: 'Jan Smith' },
          { id: 'jane-smith', name: 'Jane Smith' },
        ],
        papers: 1,
      },
    ]);
    expect(await db.get('papers', '2405.00011')).toBeUndefined();
    await commitLibraryImport(db, plan, { follow: [], resolved: [{ written: 'J. Smith', authorId: 'jane-smith' }] });
    expect((await db.get('papers', '2405.00011'))?.followedAuthorIds).toEqual(['jane-smith']);
    expect((await db.get('authors', 'jane-smith'))?.variants).toEqual(['J. Smith']);
    expect((await db.get('authors', 'jan-smith'))?.notVariants).toEqual(['J. Smith']);
    // Only the two the name could be are told; nobody else's spellings change.
    expect((await db.get('authors', 'jan-ludziejewski'))?.notVariants).toEqual([]);
    expect((await previewLibraryImport(db, plan)).ambiguous).toEqual([]);
  });

  it('writes nothing when the transaction fails half-way', async () => {
    const before = await db.getAll('papers');
    // A record IndexedDB cannot store (a function in it) fails its own write; the others must go with it.
    const broken = { ...paper({ arxivId: '2405.00012' }), abstract: (() => '') as unknown as string };
    await expect(commitLibraryImport(db, fromFile([paper({ arxivId: '2405.00013' }), broken]))).rejects.toThrow();
    expect(await db.getAll('papers')).toEqual(before);
    expect(await db.count('authors')).toBe(1);
  });

  it('works out coauthors and novelty again after a change, as the bundle did for its own papers', async () => {
    const seeded = await libraryPaperList(db);
    await recomputeCoauthors(db, ['jan-ludziejewski']);
    expect((await recomputeTexts(db)).done).toBe(true);
    // Out of the box nothing changes: the library's measure is the bundle's.
    expect(await libraryPaperList(db)).toEqual(seeded);
    const coauthors = (await allCoauthors(db)).filter((coauthor) => coauthor.authorId === 'jan-ludziejewski');
    expect(
      coauthors
        .map(({ name, count, paperIds }) => ({ name, count, paperIds }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual([...corpus.coauthors].sort((a, b) => a.name.localeCompare(b.name)));

    await commitLibraryImport(db, fromFile([paper({ authors: ['Jan Ludziejewski', 'Ada Lovelace'] })]));
    expect((await libraryPaper(db, '2405.00001'))?.novelty).toBeNull();
    await recomputeCoauthors(db, ['jan-ludziejewski']);
    expect((await recomputeTexts(db)).done).toBe(true);
    expect((await libraryPaper(db, '2405.00001'))?.novelty?.closestEarlierId).toMatch(/^\d{4}\.\d{5}$/);
    expect(await coauthorOf(db, 'jan-ludziejewski', 'Ada Lovelace')).toMatchObject({ count: 1 });
    // Its derived record carries what its badge shows, so a page's lookup reads nothing else.
    const added = await libraryPaper(db, '2405.00001');
    expect(added?.coauthors).toEqual([{ name: 'Ada Lovelace', sharedPapers: 1, authorId: 'jan-ludziejewski' }]);
    const closest = await libraryPaper(db, added?.novelty?.closestEarlierId ?? '');
    expect(added?.novelty?.closestEarlierTitle).toBe(closest?.displayTitle);
    expect(added?.related.every((r) => r.title && r.title.length > 0)).toBe(true);
    const meta = db.transaction('meta').store;
    expect(await getMeta(meta, 'derivedRevision')).toBe(await getMeta(meta, 'libraryRevision'));
  });

  it('keeps of an arXiv author query only the papers that name the author, and lets the matcher say whose they are', async () => {
    await commitLibraryImport(db, fromFile([], { name: 'Wei Zhang' }));
    const summary = await commitLibraryImport(db, {
      source: { kind: 'arxiv', name: 'au:Zhang_W' },
      papers: [
        paper({ arxivId: '2405.00021', authors: ['Wei Zhang', 'Ada Lovelace'] }),
        paper({ arxivId: '2405.00022', authors: ['W. Zhang'] }),
        // arXiv's au:Zhang_W finds Wen Zhang too: not the person followed.
        paper({ arxivId: '2405.00023', authors: ['Wen Zhang'] }),
      ],
      follow: null,
      queryAuthorId: 'wei-zhang',
    });
    expect(summary.addedIds).toEqual(['2405.00021', '2405.00022']);
    expect((await db.get('papers', '2405.00022'))?.followedAuthorIds).toEqual(['wei-zhang']);
    expect(await db.get('papers', '2405.00023')).toBeUndefined();
  });

  it('moves a paper kept by its DOI to its arXiv id when a source gives one, and keeps a paper listed twice once', async () => {
    await commitLibraryImport(db, fromFile([paper({ arxivId: null, doi: '10.1000/moved', title: 'Moved paper' })]));
    expect(await db.get('papers', 'doi:10.1000/moved')).toBeDefined();
    const summary = await commitLibraryImport(
      db,
      fromFile([paper({ arxivId: '2405.00031', doi: '10.1000/MOVED', title: 'Moved paper' })]),
    );
    expect(summary).toMatchObject({ added: 0, updated: 1 });
    expect(await db.get('papers', 'doi:10.1000/moved')).toBeUndefined();
    expect(await db.get('papers', '2405.00031')).toMatchObject({ doi: '10.1000/moved' });
    const twice = await commitLibraryImport(
      db,
      fromFile([
        paper({ arxivId: '2405.00032', doi: '10.1000/twice' }),
        paper({ arxivId: null, doi: '10.1000/twice' }),
      ]),
    );
    expect(twice.added).toBe(1);
    expect(await db.get('papers', 'doi:10.1000/twice')).toBeUndefined();
  });

  it('never lets a less trusted source overwrite what a more trusted one gave, nor blank a category', async () => {
    await commitLibraryImport(db, {
      source: { kind: 'arxiv', name: 'au:Pioro_M' },
      papers: [
        paper({ arxivId: '2405.00041', authors: ['Maciej Pióro', 'Ada Lovelace', 'Grace Hopper'], date: '2024-05-07' }),
      ],
      follow: null,
    });
    // A BibTeX entry of it: "and others" dropped, a year only, no category.
    await commitLibraryImport(
      db,
      fromFile([
        paper({
          arxivId: '2405.00041',
          authors: ['Maciej Pióro'],
          date: '2024-01-01',
          title: 'Sparse upcycling',
          primaryCategory: null,
          categories: [],
        }),
      ]),
    );
    expect(await db.get('papers', '2405.00041')).toMatchObject({
      authors: ['Maciej Pióro', 'Ada Lovelace', 'Grace Hopper'],
      date: '2024-05-07',
      title: 'Sparse Upcycling at Scale',
      category: 'LG',
      sources: ['arxiv', 'file'],
    });
    // A file over a file: the newer texts, but the category it lacks is kept.
    await commitLibraryImport(db, fromFile([paper({ arxivId: '2405.00042' })]));
    await commitLibraryImport(
      db,
      fromFile([paper({ arxivId: '2405.00042', title: 'Renamed', primaryCategory: null, categories: [] })]),
    );
    expect(await db.get('papers', '2405.00042')).toMatchObject({ title: 'Renamed', category: 'LG' });
  });

  describe('a staged import (a page’s file, batch by batch from the staging store)', () => {
    const IMPORT = '3f1c3a52-6a3e-4b3f-9a52-0d6f6c1f9e01';
    const papers = Array.from({ length: 4_500 }, (_, i) =>
      paper({
        arxivId: `2406.${String(i).padStart(5, '0')}`,
        title: `Staged paper ${i}`,
        authors: i % 3 ? ['Ada Lovelace', 'Jan Ludziejewski'] : ['Ada Lovelace', 'J. Smith'],
      }),
    );
    const stage = async (staging = createStaging()) => {
      for (let start = 0, batch = 0; start < papers.length; start += 1_000, batch++)
        await staging.add(db, IMPORT, batch, papers.slice(start, start + 1_000));
      return staging;
    };
    const staged = (staging: ReturnType<typeof createStaging>, count = papers.length): StagedLibraryImport => ({
      source: { kind: 'file', name: 'snapshot.jsonl' },
      follow: null,
      staged: { importId: IMPORT, count, chunks: papersStaged(staging, IMPORT, count) },
    });

    it('previews and commits it chunk by chunk, as one import held in memory would, and drops it with the commit', async () => {
      const staging = await stage();
      await commitLibraryImport(db, fromFile([], { name: 'Jan Smith' }));
      await commitLibraryImport(db, fromFile([], { name: 'Jane Smith' }));
      const progress: number[] = [];
      const preview = await previewLibraryImport(db, staged(staging), undefined, (done) => progress.push(done));
      expect(progress).toEqual([1_000, 2_000, 3_000, 4_000, 4_500]);
      expect(preview).toMatchObject({ papers: 4_500, added: 4_500, updated: 0, noFollowed: 1_500 });
      expect(preview.byAuthor).toEqual([{ id: 'jan-ludziejewski', name: 'Jan Ludziejewski', papers: 3_000 }]);
      expect(preview.ambiguous).toEqual([{ written: 'J. Smith', candidates: expect.any(Array), papers: 1_500 }]);
      expect(preview.suggestions[0]).toEqual({ name: 'Ada Lovelace', papers: 4_500 });
      const decisions = { follow: [], resolved: [{ written: 'J. Smith', authorId: 'jane-smith' }] };
      const summary = await commitLibraryImport(db, staged(staging), decisions);
      expect(summary).toMatchObject({ added: 4_500, updated: 0 });
      expect(await db.countFromIndex('papers', 'by-followed', 'jane-smith')).toBe(1_500);
      expect(await db.count('staging')).toBe(0);
      // Committed, it is gone: the same import cannot be written twice.
      await expect(commitLibraryImport(db, staged(staging))).rejects.toThrow(STAGING_GONE);
    });

    it('leaves the library as it was when the commit stops half-way, and can be committed again', async () => {
      const staging = await stage();
      const before = await db.getAll('papers');
      const revision = await getMeta(db.transaction('meta').store, 'libraryRevision');
      // The worker stops after the first chunk's writes were issued: the transaction must not commit them.
      const stopping: StagedLibraryImport = {
        ...staged(staging),
        staged: {
          importId: IMPORT,
          count: papers.length,
          chunks: async function* (store) {
            let chunks = 0;
            for await (const chunk of papersStaged(staging, IMPORT, papers.length)(store)) {
              if (chunks++ === 2) throw new Error('The worker stopped.');
              yield chunk;
            }
          },
        },
      };
      await expect(commitLibraryImport(db, stopping)).rejects.toThrow('The worker stopped.');
      expect(await db.getAll('papers')).toEqual(before);
      expect(await getMeta(db.transaction('meta').store, 'libraryRevision')).toBe(revision);
      expect(await db.count('staging')).toBe(5);
      expect(await commitLibraryImport(db, staged(staging))).toMatchObject({ added: 4_500 });
      expect(await db.count('papers')).toBe(before.length + 4_500);
    });

    it('checks batches the page staged itself, and writes nothing when one is not what a file gives', async () => {
      const before = await db.count('papers');
      await stage();
      const bad = await db.get('staging', [IMPORT, 3]);
      await db.put('staging', { ...bad!, papers: [{ ...papers[0]!, title: '' }, ...bad!.papers.slice(1)] });
      // A background that did not stage them (it restarted, or the page's reader did) checks them as it reads.
      const fresh = createStaging();
      await expect(commitLibraryImport(db, staged(fresh))).rejects.toThrow(
        /not what Paperlens reads.*choose the file again/,
      );
      expect(await db.count('papers')).toBe(before);
    });
  });
});
