import { describe, expect, it, vi } from 'vitest';
import { toJson } from '../../../lib/export/json';
import {
  askAgainAfterRestart,
  describeImport,
  type ReadingListApi,
  ReadingListClient,
} from '../../../lib/reading-list/client';
import { parseReadingListFile } from '../../../lib/reading-list/import';
import type { ReadingListEntry } from '../../../lib/reading-list/schema';
import { entry } from '../../helpers/reading-list';

/** An in-memory background; `failing` makes every write reject (a storage write that fails). */
function fakeApi(initial: ReadingListEntry[]) {
  const store = new Map(initial.map((e) => [e.id, e]));
  const removed = new Map<string, ReadingListEntry>();
  const control = { failing: false };
  const guard = () => {
    if (control.failing) throw new Error('QuotaExceededError: the disk is full');
  };
  const api: ReadingListApi = {
    list: async (page) => {
      const all = [...store.values()];
      const from = page?.after ? all.findIndex((e) => e.id === page.after?.id) + 1 : 0;
      return all.slice(from, page?.limit === undefined ? undefined : from + page.limit);
    },
    save: async ({ id, title }) => {
      guard();
      const saved = store.get(id) ?? entry(title ? { id, title } : { id });
      store.set(id, saved);
      return saved;
    },
    remove: async (id) => {
      guard();
      const existing = store.get(id) ?? null;
      store.delete(id);
      if (existing) removed.set(id, existing);
      return existing;
    },
    undo: async (id) => {
      guard();
      const entry = removed.get(id) ?? null;
      removed.delete(id);
      if (entry) store.set(id, entry);
      return entry;
    },
    entries: async (ids) => ids.flatMap((id) => store.get(id) ?? []),
    update: async ({ id, base: _base, ...changes }) => {
      guard();
      const existing = store.get(id);
      if (!existing) throw new Error('not saved');
      const updated = { ...existing, ...changes };
      store.set(id, updated);
      return { entry: updated, noteConflict: null };
    },
    import: async (file) => {
      guard();
      const parsed = parseReadingListFile(file);
      if (!parsed.ok) throw new Error(parsed.error);
      const { entries } = parsed;
      let added = 0;
      for (const e of entries) {
        if (store.has(e.id)) continue;
        store.set(e.id, e);
        added++;
      }
      return { added, updated: 0, unchanged: entries.length - added, notesLeftOut: [], tagsLeftOut: 0 };
    },
  };
  return { api, store, control };
}

describe('ReadingListClient', () => {
  it('loads, saves, toggles and reports the saved state', async () => {
    const { api, store } = fakeApi([entry({ id: '2402.07871' })]);
    const client = new ReadingListClient(api);
    await client.refresh();
    expect(client.isSaved('2402.07871')).toBe(true);
    await client.toggle('2310.15961', 'Mixture of Tokens');
    expect(client.isSaved('2310.15961')).toBe(true);
    expect(store.get('2310.15961')?.title).toBe('Mixture of Tokens');
    await client.toggle('2310.15961');
    expect(client.isSaved('2310.15961')).toBe(false);
    expect(store.has('2310.15961')).toBe(false);
  });

  it('removes with undo that restores the entry exactly (status, note, tags, date)', async () => {
    const original = entry({ id: '2402.07871', status: 'reading', note: 'keep me', tags: ['moe'] });
    const { api, store } = fakeApi([original]);
    const client = new ReadingListClient(api);
    await client.refresh();
    await client.remove('2402.07871');
    expect(client.current.entries).toEqual([]);
    expect(client.current.removed).toEqual(original);
    await client.undoRemove();
    expect(store.get('2402.07871')).toEqual(original);
    expect(client.current.entries).toEqual([original]);
    expect(client.current.removed).toBeNull();
  });

  it('shows a change at once and keeps it when the write succeeds', async () => {
    const { api, store } = fakeApi([entry({ id: '2402.07871' })]);
    const client = new ReadingListClient(api);
    await client.refresh();
    const seen: string[] = [];
    client.subscribe((state) => seen.push(state.entries?.[0]?.status ?? 'none'));
    await client.update('2402.07871', { status: 'read' });
    expect(seen).toContain('read');
    expect(store.get('2402.07871')?.status).toBe('read');
    expect(client.current.error).toBeNull();
  });

  it('when a write fails, shows an error and goes back to the previous state', async () => {
    const { api, store, control } = fakeApi([entry({ id: '2402.07871', note: 'before' })]);
    const client = new ReadingListClient(api);
    await client.refresh();
    control.failing = true;

    await client.update('2402.07871', { note: 'after' });
    expect(client.current.entries?.[0]?.note).toBe('before');
    // Said in plain words with what to do, never as the raw browser error.
    expect(client.current.error).toBe(
      'Could not save your change: Your disk is full, so Paperlens could not store this. Free some space, then try again.',
    );

    await client.remove('2402.07871');
    expect(client.current.entries?.map((e) => e.id)).toEqual(['2402.07871']);
    expect(client.current.error).toMatch(/Could not remove the paper/);

    await client.save('2310.15961');
    expect(client.isSaved('2310.15961')).toBe(false);
    expect(client.current.error).toMatch(/Could not save the paper/);
    expect([...store.keys()]).toEqual(['2402.07871']);

    control.failing = false;
    await client.update('2402.07871', { note: 'after' });
    expect(client.current.error).toBeNull();
    expect(store.get('2402.07871')?.note).toBe('after');
  });

  it('imports, then reloads and says what happened', async () => {
    const { api } = fakeApi([entry({ id: '2402.07871' })]);
    const client = new ReadingListClient(api);
    await client.refresh();
    const summary = await client.import(
      'list.json',
      toJson([entry({ id: '2402.07871' }), entry({ id: '2310.15961' })], new Date()),
    );
    expect(summary).toEqual({ added: 1, updated: 0, unchanged: 1, notesLeftOut: [], tagsLeftOut: 0 });
    expect(client.current.message).toBe('Imported: 1 added, 0 merged, 1 already there.');
    // The list loads what was imported afterwards, page by page.
    await vi.waitFor(() =>
      expect(client.current.entries?.map((e) => e.id).sort()).toEqual(['2310.15961', '2402.07871']),
    );
  });

  it('says which file could not be imported and that nothing changed', async () => {
    const { api } = fakeApi([]);
    const client = new ReadingListClient(api);
    expect(await client.import('broken.json', '{"format": "paperlens-reading-list", "entries": [')).toBeNull();
    expect(client.current.error).toMatch(
      /^Could not import “broken\.json”: This file is not JSON .* Nothing was changed\.$/,
    );
    expect(client.current.message).toBeNull();
  });

  it('says what of an imported file did not fit', () => {
    expect(describeImport({ added: 0, updated: 2, unchanged: 3, notesLeftOut: ['2402.07871'], tagsLeftOut: 12 })).toBe(
      'Imported: 0 added, 2 merged, 3 already there. The note in the file for arXiv:2402.07871 was not added: with it your note would pass 20,000 characters. 12 tags from the file did not fit: a paper keeps at most 50 tags.',
    );
    const many = ['2401.00001', '2401.00002', '2401.00003', '2401.00004', '2401.00005'];
    expect(describeImport({ added: 0, updated: 0, unchanged: 5, notesLeftOut: many, tagsLeftOut: 0 })).toContain(
      'The notes in the file for arXiv:2401.00001, arXiv:2401.00002, arXiv:2401.00003, 2 more were not added: with them your notes',
    );
  });

  it('asks once more when the worker restarted before answering, and only once', async () => {
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls === 1) throw new Error('The message port closed before a response was received.');
      return 'answer';
    };
    expect(await askAgainAfterRestart(flaky)).toBe('answer');
    expect(calls).toBe(2);
    const down = async () => {
      calls++;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    await expect(askAgainAfterRestart(down)).rejects.toThrow('Receiving end');
    expect(calls).toBe(4);
    await expect(askAgainAfterRestart(async () => Promise.reject(new Error('invalid request')))).rejects.toThrow();
  });

  it('names each import, so the background can tell one sent twice', async () => {
    const { api } = fakeApi([]);
    const ids: string[] = [];
    const importing = api.import;
    api.import = (file, importId) => {
      ids.push(importId);
      return importing(file, importId);
    };
    const client = new ReadingListClient(api);
    const file = toJson([entry({ id: '2402.07871' })], new Date());
    await client.import('a.json', file);
    await client.import('a.json', file);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('loads a long list a page at a time: the first rows at once, then the rest, with no page twice', async () => {
    const many = Array.from({ length: 1234 }, (_, i) => entry({ id: `2401.${String(10_000 + i)}` }));
    const { api } = fakeApi(many);
    const asked: Parameters<ReadingListApi['list']>[0][] = [];
    const listing = api.list;
    api.list = (page) => {
      asked.push(page);
      return listing(page);
    };
    const client = new ReadingListClient(api);
    const shown: number[] = [];
    client.subscribe((state) => shown.push(state.entries?.length ?? 0));
    await client.refresh();
    // Each page picks up after the last entry of the one before.
    expect(asked.map((page) => page?.after?.id ?? null)).toEqual([null, many[49]?.id, many[549]?.id, many[1049]?.id]);
    expect(asked.map((page) => page?.limit)).toEqual([50, 500, 500, 500]);
    // The first rows showed before the rest had loaded, and the whole list in order at the end.
    expect(shown).toContain(50);
    expect(client.current.complete).toBe(true);
    expect(client.current.entries?.map((e) => e.id)).toEqual(many.map((e) => e.id));
  });

  it('shows a list already loaded whole until the new one has loaded whole, keeping unchanged entries', async () => {
    const many = Array.from({ length: 1234 }, (_, i) => entry({ id: `2401.${String(10_000 + i)}` }));
    const { api, store } = fakeApi(many);
    const client = new ReadingListClient(api);
    await client.refresh();
    const before = client.current.entries;
    const sizes: number[] = [];
    client.subscribe((state) => sizes.push(state.entries?.length ?? 0));
    store.set('2401.10005', { ...(store.get('2401.10005') as ReadingListEntry), note: 'changed' });
    await client.refresh();
    // Never a moment with fewer rows than are saved.
    expect(Math.min(...sizes)).toBe(1234);
    const after = client.current.entries ?? [];
    expect(after.find((e) => e.id === '2401.10005')?.note).toBe('changed');
    // Entries that did not change are the same objects, so the view's work for them stays done.
    expect(after.find((e) => e.id === '2401.10000')).toBe(before?.find((e) => e.id === '2401.10000'));
  });

  it('updates only the entries another page changed, and loads everything when it changed many', async () => {
    const { api, store } = fakeApi([entry({ id: '2402.07871' }), entry({ id: '2310.15961' })]);
    const listed = vi.spyOn(api, 'list');
    const client = new ReadingListClient(api);
    await client.refresh();
    const untouched = client.current.entries?.find((e) => e.id === '2310.15961');
    store.set('2402.07871', { ...(store.get('2402.07871') as ReadingListEntry), note: 'from the popup' });
    store.delete('2310.15961');
    store.set('2401.04081', entry({ id: '2401.04081' }));
    const lists = listed.mock.calls.length;
    await client.changed(['2402.07871', '2401.04081']);
    expect(listed.mock.calls.length).toBe(lists);
    expect(client.current.entries?.map((e) => [e.id, e.note]).sort()).toEqual([
      ['2310.15961', ''],
      ['2401.04081', ''],
      ['2402.07871', 'from the popup'],
    ]);
    expect(client.current.entries?.find((e) => e.id === '2310.15961')).toBe(untouched);
    await client.changed(['2310.15961']);
    expect(client.current.entries?.map((e) => e.id).sort()).toEqual(['2401.04081', '2402.07871']);
    await client.changed(null);
    expect(listed.mock.calls.length).toBeGreaterThan(lists);
  });

  it('reports a list that cannot be loaded', async () => {
    const { api } = fakeApi([]);
    const client = new ReadingListClient({ ...api, list: () => Promise.reject(new Error('worker gone')) });
    await client.refresh();
    expect(client.current.entries).toBeNull();
    expect(client.current.error).toBe('Could not load the reading list: worker gone');
  });
});

describe('ReadingListClient after a failed write', () => {
  it('shows what is really stored, including writes that landed meanwhile', async () => {
    const { api, store } = fakeApi([entry({ id: '2402.07871' }), entry({ id: '2310.15961' })]);
    let failNext = false;
    const client = new ReadingListClient({
      ...api,
      update: async (request) => {
        if (failNext) {
          failNext = false;
          // Another tab's change lands while this write is failing.
          store.set('2310.15961', { ...(store.get('2310.15961') as ReadingListEntry), status: 'read' });
          throw new Error('disk full');
        }
        return api.update(request);
      },
    });
    await client.refresh();
    failNext = true;
    await client.update('2402.07871', { status: 'reading' });
    expect(client.current.error).toBe('Could not save your change: disk full');
    const shown = Object.fromEntries((client.current.entries ?? []).map((e) => [e.id, e.status]));
    expect(shown).toEqual({ '2402.07871': 'to-read', '2310.15961': 'read' });
  });
});

describe('ReadingListClient loads and writes in flight', () => {
  it('a load that started before a change does not undo it on screen', async () => {
    const { api } = fakeApi([entry({ id: '2402.07871' })]);
    let releaseLoad: (() => void) | undefined;
    let slow = false;
    const client = new ReadingListClient({
      ...api,
      list: async () => {
        const snapshot = await api.list();
        if (slow) await new Promise<void>((resolve) => (releaseLoad = resolve));
        return snapshot;
      },
    });
    await client.refresh();
    slow = true;
    const staleLoad = client.refresh(); // e.g. another tab's change notice
    await Promise.resolve();
    await client.update('2402.07871', { status: 'read' });
    releaseLoad?.();
    await staleLoad;
    expect(client.current.entries?.[0]?.status).toBe('read');
  });
});
