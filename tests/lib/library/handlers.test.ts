import { describe, expect, it, vi } from 'vitest';
import { openPaperlensDb, type PaperlensDatabase } from '../../../lib/db';
import { createDbConnection } from '../../../lib/db-connection';
import { createHandlers, NO_ENVIRONMENT } from '../../../lib/handlers';
import { notifyingChanges } from '../../../lib/library/handlers';
import { importProgress } from '../../../lib/library/import-progress';
import { seedCorpus } from '../../../lib/library/seed';
import { createStaging, STAGING_GONE, STAGING_LOST } from '../../../lib/library/staging';
import { commitLibraryImport } from '../../../lib/library/write';
import { filterKey, type LibraryFilterMessage, mayHold, readLibraryFilter } from '../../../lib/scan/library-filter';
import { corpus, freshFactory } from '../../helpers/db';

const PAGE = { url: 'chrome-extension://paperlens/library.html', tab: { id: 3 } };
const WEB = { url: 'https://evil.example/', tab: { id: 4 } };
const IMPORT_ID = '3f1c3a52-6a3e-4b3f-9a52-0d6f6c1f9e01';
const NO = { follow: [], resolved: [] };

const paper = (id: string, authors: string[]) => ({
  arxivId: id,
  version: 1,
  doi: null,
  title: `Paper ${id}`,
  authors,
  abstract: 'An abstract.',
  primaryCategory: 'cs.LG',
  categories: ['cs.LG'],
  date: '2025-03-04',
  updated: null,
  journalRef: null,
  comments: null,
});

async function setup(existing?: PaperlensDatabase) {
  const db = existing ?? (await openPaperlensDb(freshFactory()));
  if (!existing) await seedCorpus(db, corpus);
  const changes: unknown[] = [];
  const queue = vi.fn(async (authors: readonly unknown[]) => authors.length);
  const handlers = createHandlers(
    createDbConnection(async () => db),
    undefined,
    {
      ...NO_ENVIRONMENT,
      fromExtensionPage: (sender) => Boolean(sender.url?.startsWith('chrome-extension://paperlens/')),
      library: {
        staging: createStaging(),
        refresh: { queue, forget: async () => {} },
        ...notifyingChanges((change) => changes.push(change)),
        markSeen: async () => {},
      },
    },
  );
  return { db, handlers, changes, queue };
}

const filterHolds = (message: LibraryFilterMessage, id: string) =>
  mayHold(readLibraryFilter(message)!, filterKey.id(id));

describe('the library messages', () => {
  it('stage, preview, then commit a file’s papers; only the commit writes, and pages hear of it', async () => {
    const { db, handlers, changes } = await setup();
    const request = {
      importId: IMPORT_ID,
      staged: 2,
      source: 'pioro.bib',
      follow: { name: 'Maciej Pióro' },
      decisions: { follow: [], resolved: [] },
    };
    expect(
      await handlers.stageLibraryImport(
        { importId: IMPORT_ID, batch: 0, papers: [paper('2405.00001', ['Maciej Pióro'])] },
        PAGE,
      ),
    ).toEqual({ staged: 1 });
    expect(
      await handlers.stageLibraryImport(
        { importId: IMPORT_ID, batch: 1, papers: [paper('2405.00002', ['M. Pioro', 'Jan Ludziejewski'])] },
        PAGE,
      ),
    ).toEqual({ staged: 2 });
    const preview = await handlers.previewLibraryImport(request, PAGE);
    expect(preview).toMatchObject({ papers: 2, added: 2 });
    expect(await db.count('papers')).toBe(13);
    expect(changes).toEqual([]);
    const summary = await handlers.commitLibraryImport(request, PAGE);
    expect(summary).toMatchObject({ added: 2, followed: ['Maciej Pióro'] });
    expect((await db.get('papers', '2405.00002'))?.followedAuthorIds.sort()).toEqual([
      'jan-ludziejewski',
      'maciej-pioro',
    ]);
    // A file's papers are not marked new (that is for what a refresh brings).
    expect(changes).toEqual([{ touchedAuthors: expect.arrayContaining(['maciej-pioro', 'jan-ludziejewski']) }]);
    // The staged papers are gone once committed: committing twice cannot import twice.
    await expect(handlers.commitLibraryImport(request, PAGE)).rejects.toThrow(/no longer waiting/);
    // The content scripts' filter holds the new papers at once.
    expect(filterHolds(await handlers.getLibraryFilter(undefined, WEB), '2405.00001')).toBe(true);
  });

  it('keeps staged batches across a worker restart, tells the page how far it is, and sends it no paper ids', async () => {
    const first = await setup();
    const stage = (handlers: typeof first.handlers, batch: number, id: string) =>
      handlers.stageLibraryImport({ importId: IMPORT_ID, batch, papers: [paper(id, ['Jan Ludziejewski'])] }, PAGE);
    await stage(first.handlers, 0, '2405.00001');
    // The worker restarts: a new set of handlers over the same database goes on where the page is.
    const { handlers } = await setup(first.db);
    expect(await stage(handlers, 1, '2405.00002')).toEqual({ staged: 2 });
    const seen: unknown[] = [];
    importProgress.watch((progress) => seen.push(progress));
    const request = { importId: IMPORT_ID, staged: 2, source: 'two.jsonl', follow: null, decisions: NO };
    const summary = await handlers.commitLibraryImport(request, PAGE);
    expect(summary).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      followed: [],
      touchedAuthors: ['jan-ludziejewski'],
      addedIds: [],
    });
    await vi.waitFor(() => expect(seen.at(-1)).toBeNull());
    expect(seen).toContainEqual({ importId: IMPORT_ID, step: 'importing', done: 2, total: 2 });
    expect(await first.db.count('staging')).toBe(0);
  });

  it('says a batch went missing when the page stages past a gap, and that an import is gone once committed', async () => {
    const { handlers } = await setup();
    await expect(
      handlers.stageLibraryImport({ importId: IMPORT_ID, batch: 1, papers: [paper('2405.00001', ['A B'])] }, PAGE),
    ).rejects.toThrow(STAGING_LOST);
    const request = { importId: IMPORT_ID, staged: 1, source: 'x.jsonl', follow: null, decisions: NO };
    await expect(handlers.previewLibraryImport(request, PAGE)).rejects.toThrow(STAGING_GONE);
  });

  it('refuses bad papers by field, and web pages altogether', async () => {
    const { handlers } = await setup();
    await expect(
      handlers.stageLibraryImport(
        { importId: IMPORT_ID, batch: 0, papers: [{ ...paper('2405.00001', []), title: '' }] },
        PAGE,
      ),
    ).rejects.toThrow(/invalid stageLibraryImport request: papers\.0\.(title|authors)/);
    for (const [type, data] of [
      ['stageLibraryImport', { importId: IMPORT_ID, batch: 0, papers: [] }],
      ['unfollowAuthor', { id: 'jan-ludziejewski' }],
      ['followOnArxiv', { query: 'au:Pioro_M' }],
      ['exportLibrary', undefined],
    ] as const) {
      await expect((handlers[type] as (d: unknown, s: unknown) => Promise<unknown>)(data, WEB)).rejects.toThrow(
        /only accepted from Paperlens pages/,
      );
    }
  });

  it('follows on arXiv: the author at once, their papers through the refresh queue', async () => {
    const { db, handlers, queue } = await setup();
    expect(await handlers.followOnArxiv({ query: 'au:Pioro_M' }, PAGE)).toEqual({ authorId: 'm-pioro' });
    expect(queue).toHaveBeenCalledWith([
      { id: 'm-pioro', name: 'M Pioro', arxivQuery: 'au:Pioro_M', settleName: true },
    ]);
    expect(await db.get('authors', 'm-pioro')).toMatchObject({ arxivQuery: 'au:Pioro_M', refreshedAt: null });
    // Following the bundled author on arXiv keeps them, and gives them the query.
    expect(await handlers.followOnArxiv({ query: 'Jan Ludziejewski' }, PAGE)).toEqual({ authorId: 'jan-ludziejewski' });
    expect((await db.get('authors', 'jan-ludziejewski'))?.arxivQuery).toBe('au:Ludziejewski_J');
    expect(await db.count('authors')).toBe(2);
    expect(await handlers.refreshFromArxiv({ ids: null }, PAGE)).toEqual({ queued: 2 });
  });

  it('exports the library as a file that names its format', async () => {
    const { handlers } = await setup();
    const file = JSON.parse(await handlers.exportLibrary(undefined, PAGE));
    expect(file).toMatchObject({ format: 'paperlens-library', version: 1 });
    expect(file.papers).toHaveLength(13);
    expect(file.authors.map((a: { name: string }) => a.name)).toEqual(['Jan Ludziejewski']);
  });
});

describe('following by an arXiv query', () => {
  it('gives the query to the one followed author its name matches, rather than following them twice', async () => {
    const { db, handlers, queue } = await setup();
    expect(await handlers.followOnArxiv({ query: 'au:Ludziejewski_J' }, PAGE)).toEqual({
      authorId: 'jan-ludziejewski',
    });
    expect(await db.count('authors')).toBe(1);
    expect(queue).toHaveBeenCalledWith([
      { id: 'jan-ludziejewski', name: 'Jan Ludziejewski', arxivQuery: 'au:Ludziejewski_J', settleName: false },
    ]);
  });
});

describe('what pages are told after a change made in the background', () => {
  it('reads the library keys again after a refresh commits, not only after a page’s own writes', async () => {
    const db = await openPaperlensDb(freshFactory());
    await seedCorpus(db, corpus);
    let changed = () => {};
    const handlers = createHandlers(
      createDbConnection(async () => db),
      undefined,
      {
        ...NO_ENVIRONMENT,
        library: {
          ...NO_ENVIRONMENT.library,
          onChanged: (listener) => {
            changed = listener;
          },
        },
      },
    );
    expect(filterHolds(await handlers.getLibraryFilter(undefined, WEB), '2405.00001')).toBe(false);
    await commitLibraryImport(db, {
      source: { kind: 'arxiv', name: 'au:X' },
      papers: [paper('2405.00001', ['A Person'])],
      follow: null,
    });
    // Cached until the library says it changed…
    expect(filterHolds(await handlers.getLibraryFilter(undefined, WEB), '2405.00001')).toBe(false);
    changed();
    expect(filterHolds(await handlers.getLibraryFilter(undefined, WEB), '2405.00001')).toBe(true);
  });
});
