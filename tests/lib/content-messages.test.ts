import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerPageMessage, sendToBackground } from '../../lib/content-messages';
import { onMessage, removeAllListeners } from '../../lib/messages';
import { sendToPage } from '../../lib/page-messages';

// The content script speaks @webext-core/messaging's wire format by hand: these tests hold it to the library's side.
describe('the content script’s messages', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    removeAllListeners();
  });

  it('are answered by the background’s listeners, data and all', async () => {
    onMessage('reportPapersOnPage', ({ data }) => data.ids.length * 10);
    await expect(sendToBackground('reportPapersOnPage', { ids: ['2402.07871', '2502.05172'] })).resolves.toBe(20);
  });

  it('reject with the background’s own message when its handler throws', async () => {
    onMessage('lookupPapers', () => {
      throw new Error('invalid lookupPapers request: ids.0: must be a bare arXiv id');
    });
    await expect(sendToBackground('lookupPapers', { ids: ['x'], dois: [], titles: [] })).rejects.toThrow(
      'invalid lookupPapers request: ids.0: must be a bare arXiv id',
    );
  });

  it('reject when nothing answers', async () => {
    await expect(sendToBackground('corpusStatus', undefined)).rejects.toThrow();
  });

  it('answer an extension page’s question until the page script stops', async () => {
    const controller = new AbortController();
    answerPageMessage('getPageUrl', () => 'https://arxiv.org/abs/2402.07871', controller.signal);
    const tab = await fakeBrowser.tabs.create({ url: 'https://arxiv.org/abs/2402.07871' });
    // fakeBrowser has no tabs.sendMessage: deliver to this context's listeners, as the tab's content script would hear it.
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(
      ((_tab: number, message: unknown, _options: unknown, reply: (r: unknown) => void) =>
        void fakeBrowser.runtime.sendMessage(message).then(reply, () => reply(undefined))) as never,
    );
    await expect(sendToPage('getPageUrl', undefined, tab.id!)).resolves.toBe('https://arxiv.org/abs/2402.07871');
    controller.abort();
    await expect(sendToPage('getPageUrl', undefined, tab.id!)).rejects.toThrow();
  });

  it('leave other messages to other listeners', async () => {
    answerPageMessage('getPageUrl', () => 'https://example.org/', new AbortController().signal);
    onMessage('corpusStatus', () => ({ papers: 13 }) as never);
    await expect(sendToBackground('corpusStatus', undefined)).resolves.toEqual({ papers: 13 });
  });
});
