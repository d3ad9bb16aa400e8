import { beforeEach, describe, expect, it } from 'vitest';
import { getMeta, openPaperlensDb, type PaperlensDatabase } from '../../../lib/db';
import { recomputeCoauthors } from '../../../lib/library/derive';
import { recomputeTexts } from '../../../lib/library/derive-texts';
import type { IncomingPaper } from '../../../lib/library/incoming';
import { LibraryPaperSchema } from '../../../lib/library/schema';
import { seedCorpus } from '../../../lib/library/seed';
import { commitLibraryImport, type LibraryImport, previewLibraryImport } from '../../../lib/library/write';
import { saveEntry } from '../../../lib/reading-list/store';
import { corpus, freshFactory } from '../../helpers/db';
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
    const seeded = await db.getAll('papers');
    await recomputeCoauthors(db, ['jan-ludziejewski']);
    expect((await recomputeTexts(db)).done).toBe(true);
    // Out of the box nothing changes: the library's measure is the bundle's.
    expect(await db.getAll('papers')).toEqual(seeded);
    const coauthors = await db.getAllFromIndex('coauthors', 'by-followed', 'jan-ludziejewski');
    expect(
      coauthors
        .map(({ name, count, paperIds }) => ({ name, count, paperIds }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual([...corpus.coauthors].sort((a, b) => a.name.localeCompare(b.name)));

    await commitLibraryImport(db, fromFile([paper({ authors: ['Jan Ludziejewski', 'Ada Lovelace'] })]));
    expect((await db.get('papers', '2405.00001'))?.novelty).toBeNull();
    await recomputeCoauthors(db, ['jan-ludziejewski']);
    expect((await recomputeTexts(db)).done).toBe(true);
    expect((await db.get('papers', '2405.00001'))?.novelty?.closestEarlierId).toMatch(/^\d{4}\.\d{5}$/);
    expect(await db.get('coauthors', ['jan-ludziejewski', 'Ada Lovelace'])).toMatchObject({ count: 1 });
    // The paper carries what its badge shows, so a page's lookup reads nothing else.
    const added = await db.get('papers', '2405.00001');
    expect(added?.coauthors).toEqual([{ name: 'Ada Lovelace', sharedPapers: 1, authorId: 'jan-ludziejewski' }]);
    const closest = await db.get('papers', added?.novelty?.closestEarlierId ?? '');
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
});
