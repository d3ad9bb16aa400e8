import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readingListRevision } from '../../../lib/reading-list/revision';
import { changedIds, onReadingListChanged } from '../../../lib/reading-list/revision-reader';

describe('onReadingListChanged', () => {
  beforeEach(() => fakeBrowser.reset());

  it('hears every revision the background writes, with the ids it changed, until unsubscribed', async () => {
    const heard: (readonly string[] | null)[] = [];
    const stop = onReadingListChanged((ids) => heard.push(ids));
    await readingListRevision.setValue({ at: '1-1', ids: ['2402.07871'] });
    await readingListRevision.setValue({ at: '1-2', ids: null });
    await fakeBrowser.storage.local.set({ settings: {} });
    await fakeBrowser.storage.session.set({ readingListRevision: 'elsewhere' });
    expect(heard).toEqual([['2402.07871'], null]);
    stop();
    await readingListRevision.setValue({ at: '1-3', ids: [] });
    expect(heard).toHaveLength(2);
  });

  it('reads a stored value it cannot trust as "many changed"', () => {
    expect(changedIds({ at: 'x', ids: ['a', 'b'] })).toEqual(['a', 'b']);
    for (const junk of [null, 'old-1', { ids: 'a' }, { ids: [1] }, undefined]) expect(changedIds(junk)).toBeNull();
  });
});
