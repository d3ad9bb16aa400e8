import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMeta, openPaperlensDb, type PaperlensDatabase } from '../../../lib/db';
import { createDbConnection } from '../../../lib/db-connection';
import { seedCorpus } from '../../../lib/library/seed';
import { createLibraryService } from '../../../lib/library/service';
import { libraryStatus } from '../../../lib/library/status';
import { commitLibraryImport } from '../../../lib/library/write';
import { coauthorOf, corpus, freshFactory, libraryPaper } from '../../helpers/db';
import { incomingPaper } from '../../helpers/library';

const paper = (id: string) =>
  incomingPaper({
    arxivId: id,
    title: `Paper ${id}`,
    authors: ['Jan Ludziejewski', 'Ada Lovelace'],
    abstract: 'Mixture of experts scaling laws for language models.',
    date: '2026-11-30',
  });

describe('the background library service', () => {
  let db: PaperlensDatabase;
  beforeEach(async () => {
    fakeBrowser.reset();
    db = await openPaperlensDb(freshFactory());
    await seedCorpus(db, corpus);
  });

  it('after a change: tells listeners, says derived data is pending, works it out, then says it is ready', async () => {
    const service = createLibraryService(createDbConnection(async () => db));
    let heard = 0;
    service.onChanged?.(() => heard++);
    const seen: boolean[] = [];
    libraryStatus.watch((status) => seen.push(status.derivedReady));
    const summary = await commitLibraryImport(db, {
      source: { kind: 'arxiv', name: 'au:Ludziejewski_J' },
      papers: [paper('2611.00001')],
      follow: null,
    });
    service.libraryChanged({ touchedAuthors: summary.touchedAuthors, addedIds: summary.addedIds });
    expect(heard).toBe(1);
    await expect.poll(() => libraryStatus.getValue().then((s) => s.derivedReady && seen.includes(false))).toBe(true);
    const meta = db.transaction('meta').store;
    expect(await getMeta(meta, 'derivedRevision')).toBe(await getMeta(meta, 'libraryRevision'));
    expect((await libraryPaper(db, '2611.00001'))?.novelty?.closestEarlierId).toMatch(/^\d{4}\.\d{5}$/);
    expect(await coauthorOf(db, 'jan-ludziejewski', 'Ada Lovelace')).toMatchObject({ count: 1 });
    expect((await libraryStatus.getValue()).newPapers).toEqual(['2611.00001']);
  });

  it('keeps new papers until seen, drops those no longer in the library, and never loses a change to a race', async () => {
    const service = createLibraryService(createDbConnection(async () => db));
    await commitLibraryImport(db, {
      source: { kind: 'arxiv', name: 'q' },
      papers: [paper('2611.00002'), paper('2611.00003')],
      follow: null,
    });
    // Two changes at once: both papers end up new.
    service.libraryChanged({ touchedAuthors: [], addedIds: ['2611.00002'] });
    service.libraryChanged({ touchedAuthors: [], addedIds: ['2611.00003'] });
    await expect
      .poll(() => libraryStatus.getValue().then((s) => s.derivedReady && s.newPapers.length === 2))
      .toBe(true);
    await db.delete('papers', '2611.00003');
    service.libraryChanged({ touchedAuthors: [] });
    await expect.poll(() => libraryStatus.getValue().then((s) => s.newPapers)).toEqual(['2611.00002']);
    await service.markSeen();
    expect((await libraryStatus.getValue()).newPapers).toEqual([]);
  });

  it('catches up on derived data a stopped worker left behind', async () => {
    await commitLibraryImport(db, {
      source: { kind: 'file', name: 'x.bib' },
      papers: [paper('2611.00004')],
      follow: null,
    });
    const service = createLibraryService(createDbConnection(async () => db));
    await service.resume();
    await expect.poll(async () => (await libraryPaper(db, '2611.00004'))?.novelty !== null).toBe(true);
  });
});
