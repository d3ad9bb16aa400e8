import { defineContentScript } from 'wxt/utils/define-content-script';
import { annotatePage } from '../../components/page/annotate-page';
import { pageServices } from '../../components/page/page-services';
import { onNavigation } from '../../lib/page/navigation';
import { onPageMessage } from '../../lib/page-messages';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  // Frames made from srcdoc, about:blank or data: belong to the page that made them.
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  // WXT's "script started" message tells the page our id, and a page replaying it would stop us.
  noScriptStartedPostMessage: true,
  // WXT's context is left unused for the same reason: only the browser may stop Paperlens on a page.
  async main() {
    const controller = new AbortController();
    const { signal } = controller;
    try {
      if (window === window.top)
        signal.addEventListener(
          'abort',
          onPageMessage('getPageUrl', () => location.href),
        );
      const page = await annotatePage(
        document,
        pageServices(() => controller.abort()),
        signal,
      );
      onNavigation(window, () => page.navigated(), signal);
    } catch (error) {
      // Paperlens must never break the page it runs on.
      console.debug('[paperlens] could not annotate this page', error);
    }
  },
});
