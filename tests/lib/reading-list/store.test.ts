import { beforeEach, describe, expect, it } from 'vitest';
import { openPaperlensDb, type PaperlensDatabase, seedCorpus } from '../../../lib/db';
import { listEntries, removeEntry, restoreEntry, saveEntry, updateEntry } from '../../../lib/reading-list/store';
import { corpus, freshFactory } from '../../helpers/db';

describe('reading-list store', () => {
  let db: PaperlensDatabase;
  beforeEach(async () => {
    db = await openPaperlensDb(freshFactory());
    await seedCorpus(db, corpus);
  });

  it('takes corpus titles from the corpus and others from the link', async () => {
    expect(await saveEntry(db, { id: '2508.09752', title: 'ignored' })).toMatchObject({
      title: 'μ-Parametrization for Mixture of Experts',
      inCorpus: true,
      status: 'to-read',
    });
    expect(
      await saveEntry(db, {
        id: '1706.03762',
        source: { url: 'https://example.com/', linkText: 'Attention Is All You Need' },
      }),
    ).toMatchObject({ title: 'Attention Is All You Need', inCorpus: false });
  });

  it('falls back to the arXiv id when neither a title nor link text is given (Chrome context menus)', async () => {
    expect(
      await saveEntry(db, { id: '1706.03762', title: '  ', source: { url: 'https://example.com/', linkText: '' } }),
    ).toMatchObject({ title: 'arXiv:1706.03762', inCorpus: false, source: { url: 'https://example.com/' } });
  });

  it('puts a removed entry back exactly, over a blank re-save but not over one the user wrote in', async () => {
    const saved = await updateEntry(db, (await saveEntry(db, { id: '2402.07871' })).id, {
      status: 'read',
      note: 'n',
      tags: ['t'],
    });
    const removed = await removeEntry(db, '2402.07871');
    expect(await restoreEntry(db, removed!)).toEqual(saved);
    expect(await listEntries(db)).toEqual([saved]);
    await removeEntry(db, '2402.07871');
    await saveEntry(db, { id: '2402.07871' }, new Date('2027-01-01T00:00:00Z')); // Save toggled twice
    expect(await restoreEntry(db, saved)).toEqual(saved);
    expect(await listEntries(db)).toEqual([saved]);
    await removeEntry(db, '2402.07871');
    await saveEntry(db, { id: '2402.07871' }, new Date('2027-01-02T00:00:00Z'));
    const written = await updateEntry(db, '2402.07871', { note: 'a new note' });
    expect(await restoreEntry(db, saved)).toEqual(written);
    await expect(restoreEntry(db, { ...saved, id: 'bad id' })).rejects.toThrow();
  });

  it('keeps both of two saves made at the same moment', async () => {
    await Promise.all([saveEntry(db, { id: '2402.07871' }), saveEntry(db, { id: '2401.04081' })]);
    expect((await listEntries(db)).map((entry) => entry.id).sort()).toEqual(['2401.04081', '2402.07871']);
  });

  it('does not overwrite an entry saved twice', async () => {
    await saveEntry(db, { id: '2402.07871' }, new Date('2026-01-01T00:00:00Z'));
    await updateEntry(db, '2402.07871', { note: 'read section 4' });
    const again = await saveEntry(db, { id: '2402.07871' }, new Date('2026-02-01T00:00:00Z'));
    expect(again).toMatchObject({ savedAt: '2026-01-01T00:00:00.000Z', note: 'read section 4' });
  });

  it('lists newest first and removes with the removed entry returned', async () => {
    await saveEntry(db, { id: '2402.07871' }, new Date('2026-01-01T00:00:00Z'));
    await saveEntry(db, { id: '2401.04081' }, new Date('2026-01-02T00:00:00Z'));
    expect((await listEntries(db)).map((entry) => entry.id)).toEqual(['2401.04081', '2402.07871']);
    expect((await removeEntry(db, '2401.04081'))?.id).toBe('2401.04081');
    expect(await removeEntry(db, '2401.04081')).toBeNull();
  });

  it('refuses to update an unsaved paper and an invalid status, keeping the entry', async () => {
    await expect(updateEntry(db, '2402.07871', { status: 'read' })).rejects.toThrow(/not in your reading list/);
    await saveEntry(db, { id: '2402.07871' });
    await expect(updateEntry(db, '2402.07871', { status: 'done' as never })).rejects.toThrow();
    expect((await db.get('readingList', '2402.07871'))?.status).toBe('to-read');
  });
});
