import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { openPaperlensDb, type PaperlensDatabase } from '../../../lib/db';
import { seedCorpus } from '../../../lib/library/seed';
import {
  listEntries,
  mergeTags,
  removeEntry,
  saveEntry,
  undoRemove,
  updateEntry,
} from '../../../lib/reading-list/store';
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

  it('puts a removed entry back exactly, over a blank re-save; one written in since keeps both notes', async () => {
    const { entry: saved } = await updateEntry(db, (await saveEntry(db, { id: '2402.07871' })).id, {
      status: 'read',
      note: 'section 4 matters',
      tags: ['t'],
    });
    await removeEntry(db, '2402.07871');
    expect(await undoRemove(db, '2402.07871')).toEqual(saved);
    expect(await listEntries(db)).toEqual([saved]);
    await removeEntry(db, '2402.07871');
    await saveEntry(db, { id: '2402.07871' }, new Date('2027-01-01T00:00:00Z')); // Save toggled twice
    expect(await undoRemove(db, '2402.07871')).toEqual(saved);
    expect(await listEntries(db)).toEqual([saved]);
    await removeEntry(db, '2402.07871');
    await saveEntry(db, { id: '2402.07871' }, new Date('2027-01-02T00:00:00Z'));
    const { entry: written } = await updateEntry(db, '2402.07871', { note: 'a new note', tags: ['u'] });
    // Nothing of either is lost: the newer entry stays, with the removed note and tags added, and the earlier date.
    expect(await undoRemove(db, '2402.07871')).toEqual({
      ...written,
      note: 'a new note\n\nsection 4 matters',
      tags: ['u', 't'],
      savedAt: saved.savedAt,
    });
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

  it('gives the list in pages that, put together, are the whole list, saves at the same moment included', async () => {
    const moments = ['2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z'];
    for (let i = 0; i < 23; i++) {
      await saveEntry(db, { id: `2401.${String(10_000 + i)}` }, new Date(moments[i % moments.length] as string));
    }
    const all = await listEntries(db);
    expect(all).toHaveLength(23);
    for (const limit of [1, 2, 5, 7, 23, 50]) {
      const pages: string[] = [];
      for (let page = await listEntries(db, { limit }); page.length; ) {
        pages.push(...page.map((entry) => entry.id));
        const last = page.at(-1) as { savedAt: string; id: string };
        page = await listEntries(db, { limit, after: { savedAt: last.savedAt, id: last.id } });
      }
      expect(pages, `pages of ${limit}`).toEqual(all.map((entry) => entry.id));
    }
  });

  it('refuses to update an unsaved paper and an invalid status, keeping the entry', async () => {
    await expect(updateEntry(db, '2402.07871', { status: 'read' })).rejects.toThrow(/not in your reading list/);
    await saveEntry(db, { id: '2402.07871' });
    await expect(updateEntry(db, '2402.07871', { status: 'done' as never })).rejects.toThrow();
    expect((await db.get('readingList', '2402.07871'))?.status).toBe('to-read');
  });

  it('undoes a remove by id, from anywhere, within the undo window, once', async () => {
    const t0 = new Date('2026-03-01T10:00:00Z');
    await saveEntry(db, { id: '2402.07871' }, t0);
    const { entry: written } = await updateEntry(db, '2402.07871', { status: 'reading', note: 'n', tags: ['moe'] });
    await removeEntry(db, '2402.07871', t0);
    expect(await undoRemove(db, '2402.07871', new Date('2026-03-01T10:30:00Z'))).toEqual(written);
    expect(await listEntries(db)).toEqual([written]);
    // Nothing left to undo: the second undo changes nothing.
    expect(await undoRemove(db, '2402.07871', new Date('2026-03-01T10:31:00Z'))).toBeNull();
    await removeEntry(db, '2402.07871', t0);
    expect(await undoRemove(db, '2402.07871', new Date('2026-03-01T11:00:01Z'))).toBeNull();
    expect(await undoRemove(db, '2401.04081', t0)).toBeNull();
  });

  it('undo brings the written entry back over a blank re-save, and merges into one the user wrote in', async () => {
    await saveEntry(db, { id: '2402.07871' });
    const { entry: written } = await updateEntry(db, '2402.07871', { note: 'mine' });
    await removeEntry(db, '2402.07871');
    // A page's script pressed Save again: a blank entry.
    await saveEntry(db, { id: '2402.07871', source: { url: 'https://evil.example/', linkText: 'x' } });
    expect(await undoRemove(db, '2402.07871')).toEqual(written);
    await removeEntry(db, '2402.07871');
    await saveEntry(db, { id: '2402.07871' });
    const { entry: newer } = await updateEntry(db, '2402.07871', { note: 'written since' });
    expect(await undoRemove(db, '2402.07871')).toEqual({
      ...newer,
      note: 'written since\n\nmine',
      savedAt: written.savedAt,
    });
  });

  it('keeps only the latest removes for undo, and nothing that fails validation', async () => {
    for (let day = 1; day <= 25; day++) {
      const id = `2401.${String(day).padStart(5, '0')}`;
      await saveEntry(db, { id });
      await removeEntry(db, id);
    }
    expect(await undoRemove(db, '2401.00001')).toBeNull();
    expect((await undoRemove(db, '2401.00025'))?.id).toBe('2401.00025');
    await db.put('meta', {
      key: 'recentlyRemoved',
      value: [{ entry: { id: '2401.00024', title: '' } as never, removedAt: new Date().toISOString() }],
    });
    expect(await undoRemove(db, '2401.00024')).toBeNull();
  });
});

describe('updating an entry edited in two places', () => {
  let db: PaperlensDatabase;
  beforeEach(async () => {
    db = await openPaperlensDb(freshFactory());
    await saveEntry(db, { id: '2402.07871' });
    await updateEntry(db, '2402.07871', { note: 'start', tags: ['moe', 'to cite'] });
  });

  it('writes a note whose base is what is stored, and one that already says the same', async () => {
    expect(await updateEntry(db, '2402.07871', { note: 'mine' }, { note: 'start' })).toMatchObject({
      entry: { note: 'mine' },
      noteConflict: null,
    });
    // A retry of a write that landed: stored already equals the note.
    expect((await updateEntry(db, '2402.07871', { note: 'mine' }, { note: 'start' })).noteConflict).toBeNull();
  });

  it('never overwrites a note changed elsewhere since the editor read it: reports it instead', async () => {
    await updateEntry(db, '2402.07871', { note: 'from tab B' }, { note: 'start' });
    const outcome = await updateEntry(db, '2402.07871', { note: 'from tab A', status: 'read' }, { note: 'start' });
    expect(outcome.noteConflict).toBe('from tab B');
    // The rest of the change is applied; the note stays as tab B wrote it.
    expect(outcome.entry).toMatchObject({ note: 'from tab B', status: 'read' });
  });

  it('merges tags: what one editor added and removed, on top of what another wrote', async () => {
    await updateEntry(db, '2402.07871', { tags: ['moe', 'to cite', 'from b'] }, { tags: ['moe', 'to cite'] });
    const { entry } = await updateEntry(db, '2402.07871', { tags: ['MoE', 'scaling'] }, { tags: ['moe', 'to cite'] });
    // My re-spelling (moe → MoE) stands; the tag another tab added stays; the one I removed goes.
    expect(entry.tags).toEqual(['MoE', 'from b', 'scaling']);
  });
});

describe('mergeTags', () => {
  const tag = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'A');
  const tags = fc.uniqueArray(tag, { maxLength: 5, selector: (t) => t.toLowerCase() });

  it('keeps every tag another editor added, adds mine, drops what I removed (property)', () => {
    fc.assert(
      fc.property(tags, tags, tags, (stored, base, mine) => {
        const merged = mergeTags(stored, base, mine).map((t) => t.toLowerCase());
        const lower = (list: string[]) => new Set(list.map((t) => t.toLowerCase()));
        const [b, m] = [lower(base), lower(mine)];
        for (const t of lower(mine)) if (!b.has(t)) expect(merged).toContain(t);
        for (const t of b) if (!m.has(t)) expect(merged).not.toContain(t);
        for (const t of lower(stored)) if (!b.has(t) || m.has(t)) expect(merged).toContain(t);
        expect(new Set(merged).size).toBe(merged.length);
      }),
    );
  });

  it('is my change as it is when nothing changed elsewhere', () => {
    expect(mergeTags(['x', 'y'], ['x', 'y'], ['y', 'z'])).toEqual(['y', 'z']);
  });
});
