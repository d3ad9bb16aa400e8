import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readingListRevision } from '../../../lib/reading-list/revision';
import { onReadingListChanged } from '../../../lib/reading-list/revision-reader';

describe('onReadingListChanged', () => {
  beforeEach(() => fakeBrowser.reset());

  it('hears every revision the background writes through the storage item, until unsubscribed', async () => {
    let heard = 0;
    const stop = onReadingListChanged(() => heard++);
    await readingListRevision.setValue('1-1');
    await readingListRevision.setValue('1-2');
    await fakeBrowser.storage.local.set({ settings: {} });
    await fakeBrowser.storage.session.set({ readingListRevision: 'elsewhere' });
    expect(heard).toBe(2);
    stop();
    await readingListRevision.setValue('1-3');
    expect(heard).toBe(2);
  });
});
