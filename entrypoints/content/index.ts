import { defineContentScript } from 'wxt/utils/define-content-script';
import { annotatePage } from '../../components/page/annotate-page';
import { sendMessage } from '../../lib/messages';
import { onPageMessage } from '../../lib/page-messages';
import { onReadingListChanged } from '../../lib/reading-list/revision-reader';
import { onSettingsChanged, readSettings } from '../../lib/settings/reader';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  async main(ctx) {
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    if (window === window.top) ctx.onInvalidated(onPageMessage('getPageUrl', () => location.href));
    try {
      const page = await annotatePage(
        document,
        {
          lookup: (request) => sendMessage('lookupPapers', request),
          corpusKeys: () => sendMessage('getCorpusKeys', undefined),
          coauthorNames: () => sendMessage('getCoauthorNames', undefined),
          reportPapers: (ids) => sendMessage('reportPapersOnPage', { ids }),
          save: (paper, pageUrl) =>
            sendMessage('saveToReadingList', { id: paper.id, source: { url: pageUrl, linkText: paper.displayTitle } }),
          unsave: (paper) => sendMessage('removeFromReadingList', { id: paper.id }),
          openInsights: (paper) => void sendMessage('openExtensionPage', { page: 'insights', paperId: paper.id }),
          settings: readSettings,
          watchSettings: onSettingsChanged,
          watchReadingList: onReadingListChanged,
        },
        controller.signal,
      );
      ctx.addEventListener(window, 'wxt:locationchange', () => page.navigated());
    } catch (error) {
      // Paperlens must never break the page it runs on.
      console.debug('[paperlens] could not annotate this page', error);
    }
  },
});
