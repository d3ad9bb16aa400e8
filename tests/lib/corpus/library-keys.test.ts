import { unwrap } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEYS_PER_PART, readLibraryKeys } from '../../../lib/corpus/library-keys';
import { openPaperlensDb, type PaperlensDatabase } from '../../../lib/db';
import { seedCorpus } from '../../../lib/library/seed';
import { corpus, freshFactory, libraryPapers } from '../../helpers/db';

/** Counts the key cursors opened on any index from now on (the walk opens two: DOIs and titles). */
function countingCursors(db: PaperlensDatabase) {
  const raw = unwrap(db.transaction('papers').store.index('by-title'));
  const spy = vi.spyOn(Object.getPrototypeOf(raw) as IDBIndex, 'openKeyCursor');
  return {
    get cursors() {
      return spy.mock.calls.length;
    },
  };
}

describe('the library keys', () => {
  let db: PaperlensDatabase;
  beforeEach(async () => {
    db = await openPaperlensDb(freshFactory());
    await seedCorpus(db, corpus);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const expected = () => ({
    ids: new Set(libraryPapers.map((p) => p.id)),
    titles: new Map(libraryPapers.map((p) => [p.normalizedTitle, p.id])),
  });

  it('are walked from the indexes once, stored for their revision, and read back from there', async () => {
    const first = countingCursors(db);
    const walked = await readLibraryKeys(db);
    expect(first.cursors).toBe(2);
    expect(walked.ids).toEqual(expected().ids);
    expect(walked.titles).toEqual(expected().titles);
    expect((await db.get('meta', 'libraryKeys'))?.value).toEqual({ revision: walked.revision, parts: 1 });
    vi.restoreAllMocks();
    const again = countingCursors(db);
    const stored = await readLibraryKeys(db);
    expect(again.cursors).toBe(0);
    expect(stored).toEqual(walked);
  });

  it('are walked again once the library changed, or when a part is of another revision', async () => {
    const walked = await readLibraryKeys(db);
    const revision = walked.revision as number;
    await db.put('meta', { key: 'libraryRevision', value: revision + 1 });
    const changed = countingCursors(db);
    expect((await readLibraryKeys(db)).revision).toBe(revision + 1);
    expect(changed.cursors).toBe(2);
    vi.restoreAllMocks();
    await db.put('meta', { key: 'libraryKeys/0', value: { revision: 0, part: { ids: [], dois: [], titles: [] } } });
    const stale = countingCursors(db);
    expect((await readLibraryKeys(db)).ids).toEqual(expected().ids);
    expect(stale.cursors).toBe(2);
  });

  it('are kept in parts of bounded size, with no part of an earlier store left behind', async () => {
    await db.put('meta', { key: 'libraryKeys/7', value: { revision: 0, part: { ids: [], dois: [], titles: [] } } });
    const many = Array.from({ length: KEYS_PER_PART + 5 }, (_, i) => ({
      ...libraryPapers[0]!,
      id: `1101.${String(i).padStart(5, '0')}`,
      normalizedTitle: `title ${i}`,
    }));
    await db.put('meta', { key: 'libraryRevision', value: 99 });
    const tx = db.transaction('papers', 'readwrite');
    await Promise.all([...many.map((paper) => tx.store.put(paper)), tx.done]);
    const keys = await readLibraryKeys(db);
    expect(keys.ids.size).toBe(libraryPapers.length + many.length);
    const stored = (await db.getAllKeys('meta')).map(String).filter((key) => key.startsWith('libraryKeys/'));
    expect(stored.sort()).toEqual(['libraryKeys/0', 'libraryKeys/1']);
    expect(await readLibraryKeys(db)).toEqual(keys);
  });
});
