import { expect, openExtensionPage, sendFromPage, test } from './extension';

test.describe('the background seeds the corpus', () => {
  test('13 papers are in the extension IndexedDB and answer messages', async ({ context }) => {
    const page = await openExtensionPage(context, 'popup.html');

    await expect
      .poll(() => sendFromPage<{ papers: number }>(page, 'corpusStatus', undefined).then((s) => s.papers))
      .toBe(13);

    // Read the database directly, from an extension page (same origin as the service worker).
    const stored = await page.evaluate(
      () =>
        new Promise<{ papers: number; stores: string[]; version: number }>((resolve, reject) => {
          const request = indexedDB.open('paperlens');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const count = db.transaction('papers').objectStore('papers').count();
            count.onsuccess = () => {
              resolve({ papers: count.result, stores: [...db.objectStoreNames].sort(), version: db.version });
              db.close();
            };
          };
        }),
    );
    expect(stored).toEqual({
      papers: 13,
      stores: ['authors', 'coauthors', 'derived', 'meta', 'papers', 'readingList', 'staging'],
      version: 5,
    });
  });

  test('the popup lists the papers from the database', async ({ context }) => {
    const page = await openExtensionPage(context, 'popup.html');
    await expect(page.locator('[data-paperlens-id]')).toHaveCount(13);
    await expect(page.locator('[data-paperlens-id]').first()).toHaveAttribute('data-paperlens-id', '2603.25551');
    await expect(page.getByRole('heading', { name: 'Jan Ludziejewski' })).toBeVisible();
  });

  test('a request sent after the service worker was stopped still gets its answer', async ({ context }) => {
    const page = await openExtensionPage(context, 'popup.html');
    await expect(page.locator('[data-paperlens-id]')).toHaveCount(13);
    await sendFromPage(page, 'saveToReadingList', { id: '2402.07871' });

    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    const lookup = await sendFromPage<{ papers: { id: string; saved: boolean }[] }>(page, 'lookupPapers', {
      ids: ['2402.07871', '2402.07872'],
      dois: [],
      titles: [],
    });
    expect(lookup.papers).toEqual([expect.objectContaining({ id: '2402.07871', saved: true })]);
  });
});
