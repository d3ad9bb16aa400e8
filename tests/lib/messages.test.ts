import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_VERSION, openPaperlensDb, type PaperlensDatabase } from '../../lib/db';
import { createDbConnection } from '../../lib/db-connection';
import { toJson } from '../../lib/export/json';
import { createHandlers, NO_ENVIRONMENT } from '../../lib/handlers';
import { seedCorpus } from '../../lib/library/seed';
import { onMessage, type ProtocolMap, removeAllListeners, sendMessage } from '../../lib/messages';
import { filterKey, mayHold, readLibraryFilter } from '../../lib/scan/library-filter';
import { corpus, freshFactory } from '../helpers/db';

describe('the message protocol, end to end over fakeBrowser', () => {
  let db: PaperlensDatabase;

  beforeEach(async () => {
    fakeBrowser.reset();
    removeAllListeners();
    db = await openPaperlensDb(freshFactory());
    await seedCorpus(db, corpus);
    const handlers = createHandlers(createDbConnection(async () => db));
    for (const type of Object.keys(handlers) as (keyof ProtocolMap)[]) {
      onMessage(type, ({ data, sender }) => handlers[type](data, sender) as never);
    }
  });

  it('answers one batched lookup with the corpus papers among ids and titles', async () => {
    const { papers } = await sendMessage('lookupPapers', {
      ids: ['2402.07871', '2402.07872', '1706.03762', 'hep-th/9901001'],
      dois: [],
      titles: ['mu parametrization for mixture of experts', 'attention is all you need'],
    });
    expect(papers.map((paper) => paper.id).sort()).toEqual(['2402.07871', '2508.09752']);
    const scaling = papers.find((paper) => paper.id === '2402.07871')!;
    expect(scaling).not.toHaveProperty('abstract');
    expect(scaling.saved).toBe(false);
    expect(scaling.followedAuthors.map((a) => a.name)).toEqual(['Jan Ludziejewski']);
    expect(scaling.closestEarlierTitle).toBe('Mixture of Tokens: Continuous MoE through Cross-Example Aggregation');
    expect(scaling.coauthors).toContainEqual({ name: 'Maciej Pióro', sharedPapers: 7, authorId: 'jan-ludziejewski' });
    expect(scaling.coauthors.map((c) => c.name)).not.toContain('Jan Ludziejewski');
    // The card lists the three most similar corpus papers by title, from the same vectors as novelty.
    expect(scaling.relatedPapers).toHaveLength(3);
    expect(scaling.relatedPapers.map((r) => r.id)).toEqual(
      corpus.papers.find((p) => p.id === '2402.07871')!.related.map((r) => r.id),
    );
    for (const related of scaling.relatedPapers) {
      expect(related.title).toBe(corpus.papers.find((p) => p.id === related.id)!.displayTitle);
    }
  });

  it('rejects an invalid request with a message naming the field', async () => {
    await expect(sendMessage('lookupPapers', { ids: ['<img src=x>'], titles: [] } as never)).rejects.toThrow(
      /invalid lookupPapers request: ids\.0: must be a bare arXiv id/,
    );
    await expect(sendMessage('saveToReadingList', {} as never)).rejects.toThrow(
      /invalid saveToReadingList request: id/,
    );
  });

  it('gives content scripts the library’s filter, and matches a listing’s authors', async () => {
    const message = await sendMessage('getLibraryFilter', undefined);
    expect(message.papers).toBe(13);
    const filter = readLibraryFilter(message)!;
    expect(mayHold(filter, filterKey.title('mu parametrization for mixture of experts'))).toBe(true);
    for (const paper of corpus.papers) expect(mayHold(filter, filterKey.id(paper.id))).toBe(true);
    expect(mayHold(filter, filterKey.id('1706.03762'))).toBe(false);
    const { entries } = await sendMessage('matchListingAuthors', {
      entries: [
        { id: '2405.00001', authors: ['M. Pioro', 'Mistral-AI', 'Ada Lovelace'] },
        { id: '2402.07871', authors: ['Jan Ludziejewski', 'Jakub Krajewski'] },
      ],
    });
    expect(entries[0]).toMatchObject({ followed: [], inLibrary: false });
    expect(entries[0]?.coauthors.map((c) => [c.name, c.of.name])).toEqual([['Maciej Pióro', 'Jan Ludziejewski']]);
    expect(entries[1]?.followed.map((a) => a.name)).toEqual(['Jan Ludziejewski']);
    expect(entries[1]?.inLibrary).toBe(true);
    await expect(sendMessage('matchListingAuthors', { entries: [{ id: 'x', authors: [] }] } as never)).rejects.toThrow(
      /invalid matchListingAuthors request: entries\.0\.id/,
    );
  });

  it('relates an abstract page’s paper to the library, and refuses an oversize one', async () => {
    const scaling = corpus.papers.find((paper) => paper.id === '2402.07871')!;
    const page = { title: 'Fine-grained MoE scaling', abstract: scaling.abstract, authors: ['J. Ludziejewski'] };
    const answer = await sendMessage('relatePaper', { ...page, id: '2609.00001' });
    expect(answer).toMatchObject({ inLibrary: false, novelty: { closestId: '2402.07871' } });
    expect(answer.followed.map((a) => a.name)).toEqual(['Jan Ludziejewski']);
    expect(answer.closest.map((c) => c.id)[0]).toBe('2402.07871');
    expect(answer.closest[0]?.similarity).toBeGreaterThan(0.9);
    expect(answer.closest[0]?.title).toBe(scaling.displayTitle);
    expect(await sendMessage('relatePaper', { ...page, id: '2402.07871' })).toMatchObject({ inLibrary: true });
    await expect(sendMessage('relatePaper', { ...page, abstract: 'x'.repeat(10_001) })).rejects.toThrow(
      /invalid relatePaper request: abstract/,
    );
  });

  it('counts the corpus papers a tab links to over its frames', async () => {
    const tab = { tab: { id: 7 } };
    expect(
      await createHandlers(createDbConnection(async () => db)).reportPapersOnPage(
        { ids: ['2402.07871'] },
        { ...tab, frameId: 0 },
      ),
    ).toBe(1);
    await expect(
      createHandlers(createDbConnection(async () => db)).reportPapersOnPage(
        { ids: ['javascript:alert(1)'] },
        { ...tab, frameId: 0 },
      ),
    ).rejects.toThrow(/invalid reportPapersOnPage request: ids\.0/);
  });

  it('counts a paper page’s own paper beside its links, from the same frame', async () => {
    const handlers = createHandlers(createDbConnection(async () => db));
    const sender = { tab: { id: 8 }, frameId: 0 };
    expect(await handlers.reportPapersOnPage({ ids: ['2402.07871'], part: 'links' }, sender)).toBe(1);
    expect(await handlers.reportPapersOnPage({ ids: ['2502.05172'], part: 'page' }, sender)).toBe(2);
    expect(await handlers.reportPapersOnPage({ ids: [], part: 'links' }, sender)).toBe(1);
  });

  it('reports the corpus status and the library', async () => {
    expect(await sendMessage('corpusStatus', undefined)).toMatchObject({
      papers: 13,
      readingList: 0,
      corpusHash: corpus.hash,
      schemaVersion: DB_VERSION,
    });
    const library = await sendMessage('getLibrary', undefined);
    expect(library.authors.map((author) => author.name)).toEqual(['Jan Ludziejewski']);
    expect(library.authors[0]?.profile?.hIndex).toBe(27);
    expect(library.derivedReady).toBe(true);
    expect(library.papers[0]?.id).toBe('2603.25551');
    expect(library.coauthors[0]?.count).toBe(7);
  });

  it('keeps the library overview until the library or its derived data changes', async () => {
    const first = await sendMessage('getLibraryOverview', undefined);
    expect(first).toMatchObject({ papers: 13, paperCounts: { 'jan-ludziejewski': 13 }, derivedReady: true });
    // Written behind the overview's back, with no new revision: the kept overview still answers.
    await db.delete('papers', '2603.25551');
    expect((await sendMessage('getLibraryOverview', undefined)).papers).toBe(13);
    await db.put('meta', { key: 'libraryRevision', value: 1_000 });
    expect(await sendMessage('getLibraryOverview', undefined)).toMatchObject({ papers: 12, derivedReady: false });
  });

  it('saves, marks as saved in lookups, updates and removes reading-list entries', async () => {
    const saved = await sendMessage('saveToReadingList', { id: '2402.07871' });
    expect(saved).toMatchObject({ title: 'Scaling Laws for Fine-Grained Mixture of Experts', inCorpus: true });
    const { papers } = await sendMessage('lookupPapers', { ids: ['2402.07871'], dois: [], titles: [] });
    expect(papers[0]?.saved).toBe(true);
    expect(await sendMessage('updateReadingListEntry', { id: '2402.07871', status: 'read' })).toMatchObject({
      entry: { status: 'read' },
      noteConflict: null,
    });
    expect((await sendMessage('removeFromReadingList', { id: '2402.07871' }))?.id).toBe('2402.07871');
    expect(await sendMessage('getReadingList', undefined)).toEqual([]);
  });

  it('saves from a page with a very long address or link text, keeping them shortened', async () => {
    const url = `https://example.com/feed?${'q=moe&'.repeat(2000)}#${'x'.repeat(100)}`;
    const saved = await sendMessage('saveToReadingList', {
      id: '2401.00001',
      title: `  ${'T'.repeat(3000)} `,
      source: { url, linkText: 'L'.repeat(5000) },
    });
    expect(saved.source).toEqual({ url: 'https://example.com/feed', linkText: 'L'.repeat(1000) });
    expect(saved.title).toBe('T'.repeat(1000));
  });

  it('waits for the database when a request arrives before it is ready', async () => {
    removeAllListeners();
    let open!: (db: PaperlensDatabase) => void;
    const ready = new Promise<PaperlensDatabase>((resolve) => {
      open = resolve;
    });
    const handlers = createHandlers(createDbConnection(() => ready));
    onMessage('corpusStatus', ({ data, sender }) => handlers.corpusStatus(data, sender));
    const answer = sendMessage('corpusStatus', undefined);
    open(db);
    expect((await answer).papers).toBe(13);
  });
});

describe('reading-list, page and status handlers with their browser environment', () => {
  const PAGE = { url: 'chrome-extension://paperlens/reading-list.html', tab: { id: 7 } };
  const CONTENT_SCRIPT = { url: 'https://example.com/blog', tab: { id: 8 }, frameId: 0 };

  async function setup() {
    const db = await openPaperlensDb(freshFactory());
    await seedCorpus(db, corpus);
    const opened: string[] = [];
    const changed: (readonly string[] | null)[] = [];
    const handlers = createHandlers(
      createDbConnection(async () => db),
      undefined,
      {
        openTab: async (path) => {
          opened.push(path);
        },
        readingListChanged: (ids) => {
          changed.push(ids);
        },
        bundledCorpusError: () => 'papers.0.id: must be a bare arXiv id like 2402.07871',
        fromExtensionPage: (sender) => Boolean(sender.url?.startsWith('chrome-extension://paperlens/')),
        library: NO_ENVIRONMENT.library,
      },
    );
    return { handlers, opened, changes: () => changed.length, changed };
  }

  it('tells open pages after every reading-list write which papers it changed, and only after writes', async () => {
    const { handlers, changed } = await setup();
    await handlers.getReadingList(undefined, PAGE);
    expect(changed).toEqual([]);
    await handlers.saveToReadingList({ id: '2402.07871' }, PAGE);
    await handlers.updateReadingListEntry({ id: '2402.07871', status: 'read' }, PAGE);
    await handlers.removeFromReadingList({ id: '2402.07871' }, PAGE);
    await handlers.undoRemoveFromReadingList({ id: '2402.07871' }, PAGE);
    await handlers.importReadingList({ file: toJson([], new Date()) }, PAGE);
    expect(changed).toEqual([['2402.07871'], ['2402.07871'], ['2402.07871'], ['2402.07871'], null]);
    await expect(handlers.saveToReadingList({ id: 'nope' }, PAGE)).rejects.toThrow(/invalid/);
    expect(changed).toHaveLength(5);
  });

  it('undoes a remove exactly, and gives changed entries by id', async () => {
    const { handlers } = await setup();
    await handlers.saveToReadingList({ id: '2402.07871' }, PAGE);
    const { entry: updated } = await handlers.updateReadingListEntry(
      { id: '2402.07871', note: 'keep', tags: ['moe'] },
      PAGE,
    );
    await handlers.removeFromReadingList({ id: '2402.07871' }, PAGE);
    expect(await handlers.getReadingList(undefined, PAGE)).toEqual([]);
    expect(await handlers.undoRemoveFromReadingList({ id: '2402.07871' }, PAGE)).toEqual(updated);
    expect(await handlers.getReadingList(undefined, PAGE)).toEqual([updated]);
    expect(await handlers.getReadingListEntries({ ids: ['2402.07871', '2401.04081'] }, PAGE)).toEqual([updated]);
    await expect(handlers.getReadingListEntries({ ids: ['<b>'] }, PAGE)).rejects.toThrow(/invalid/);
  });

  it('imports validated entries, merging without losing or duplicating', async () => {
    const { handlers } = await setup();
    const mine = await handlers.saveToReadingList({ id: '2402.07871' }, PAGE);
    const incoming = [
      { ...mine, tags: ['from-file'], note: 'file note' },
      { ...mine, id: '1706.03762', title: 'Attention Is All You Need', inCorpus: false },
    ];
    expect(await handlers.importReadingList({ file: toJson(incoming, new Date()) }, PAGE)).toEqual({
      added: 1,
      updated: 1,
      unchanged: 0,
      notesLeftOut: [],
      tagsLeftOut: 0,
    });
    const list = await handlers.getReadingList(undefined, PAGE);
    expect(list.map((e) => e.id).sort()).toEqual(['1706.03762', '2402.07871']);
    expect(list.find((e) => e.id === '2402.07871')).toMatchObject({ tags: ['from-file'], note: 'file note' });
    // The background reads the file itself, and names what is wrong with it.
    const bad = toJson([{ ...mine, id: '<script>' }], new Date());
    await expect(handlers.importReadingList({ file: bad }, PAGE)).rejects.toThrow(/problems[\s\S]*entries\.0\.id/);
    await expect(handlers.importReadingList({ file: 'not json' }, PAGE)).rejects.toThrow(/This file is not JSON/);
    expect(await handlers.getReadingList(undefined, PAGE)).toHaveLength(2);
  });

  it('answers a web page only what its badges and cards need; reading and editing the list are for its own pages', async () => {
    const { handlers } = await setup();
    const saved = await handlers.saveToReadingList({ id: '2402.07871' }, CONTENT_SCRIPT);
    await expect(handlers.updateReadingListEntry({ id: '2402.07871', note: 'x' }, CONTENT_SCRIPT)).rejects.toThrow(
      /only accepted from Paperlens pages/,
    );
    await expect(handlers.importReadingList({ file: toJson([saved], new Date()) }, CONTENT_SCRIPT)).rejects.toThrow(
      /only accepted/,
    );
    // What a web page never needs: every note, the whole library, what is stored.
    for (const ask of [
      () => handlers.getReadingList(undefined, CONTENT_SCRIPT),
      () => handlers.getReadingListEntries({ ids: ['2402.07871'] }, CONTENT_SCRIPT),
      () => handlers.getLibrary(undefined, CONTENT_SCRIPT),
      () => handlers.corpusStatus(undefined, CONTENT_SCRIPT),
    ]) {
      await expect(ask()).rejects.toThrow(/only accepted from Paperlens pages/);
    }
    expect(await handlers.removeFromReadingList({ id: '2402.07871' }, CONTENT_SCRIPT)).toEqual(saved);
    expect(await handlers.undoRemoveFromReadingList({ id: '2402.07871' }, CONTENT_SCRIPT)).toEqual(saved);
    expect(
      (await handlers.lookupPapers({ ids: ['2402.07871'], dois: [], titles: [] }, CONTENT_SCRIPT)).papers,
    ).toHaveLength(1);
  });

  it('opens extension pages by name only, with an optional paper', async () => {
    const { handlers, opened } = await setup();
    await handlers.openExtensionPage({ page: 'insights', paperId: '2402.07871' }, PAGE);
    await handlers.openExtensionPage({ page: 'reading-list' }, PAGE);
    expect(opened).toEqual(['/insights.html#paper=2402.07871', '/reading-list.html']);
    await expect(handlers.openExtensionPage({ page: 'https://evil.example/' }, PAGE)).rejects.toThrow(/invalid/);
    await expect(handlers.openExtensionPage({ page: 'insights', paperId: '../popup' }, PAGE)).rejects.toThrow(
      /invalid/,
    );
  });

  it('opens at most 3 pages a minute for a web page, and any number for its own pages', async () => {
    const { handlers, opened } = await setup();
    for (let i = 0; i < 5; i++) await handlers.openExtensionPage({ page: 'insights' }, PAGE);
    const fromPage = () => handlers.openExtensionPage({ page: 'insights', paperId: '2402.07871' }, CONTENT_SCRIPT);
    for (let i = 0; i < 3; i++) await fromPage();
    await expect(fromPage()).rejects.toThrow('at most 3 of its pages a minute');
    expect(opened).toHaveLength(8);
    // Another tab has its own allowance.
    await handlers.openExtensionPage({ page: 'insights' }, { ...CONTENT_SCRIPT, tab: { id: 9 } });
    expect(opened).toHaveLength(9);
  });

  it('lets a web page undo a remove by id, bringing back what the remove took', async () => {
    const { handlers } = await setup();
    await handlers.saveToReadingList({ id: '2402.07871' }, CONTENT_SCRIPT);
    const { entry } = await handlers.updateReadingListEntry({ id: '2402.07871', note: 'n', tags: ['t'] }, PAGE);
    expect(await handlers.removeFromReadingList({ id: '2402.07871' }, CONTENT_SCRIPT)).toEqual(entry);
    expect(await handlers.undoRemoveFromReadingList({ id: '2402.07871' }, CONTENT_SCRIPT)).toEqual(entry);
    expect(await handlers.getReadingList(undefined, PAGE)).toEqual([entry]);
    expect(await handlers.undoRemoveFromReadingList({ id: '2402.07871' }, CONTENT_SCRIPT)).toBeNull();
  });

  it('reports why the bundled corpus was rejected', async () => {
    const { handlers } = await setup();
    expect(await handlers.corpusStatus(undefined, PAGE)).toMatchObject({
      papers: 13,
      bundledCorpusError: 'papers.0.id: must be a bare arXiv id like 2402.07871',
    });
  });
});

describe('notes at the edges', () => {
  it('keeps an empty note and a note of exactly 20,000 characters; refuses a longer one and keeps the old note', async () => {
    const db = await openPaperlensDb(freshFactory());
    await seedCorpus(db, corpus);
    const handlers = createHandlers(createDbConnection(async () => db));
    await handlers.saveToReadingList({ id: '2402.07871' }, {});
    expect((await handlers.updateReadingListEntry({ id: '2402.07871', note: '' }, {})).entry.note).toBe('');
    const longest = 'n'.repeat(20_000);
    expect((await handlers.updateReadingListEntry({ id: '2402.07871', note: longest }, {})).entry.note).toBe(longest);
    await expect(handlers.updateReadingListEntry({ id: '2402.07871', note: `${longest}!` }, {})).rejects.toThrow(
      /note: Too big/,
    );
    expect((await handlers.getReadingList(undefined, {}))[0]?.note).toBe(longest);
  });
});
