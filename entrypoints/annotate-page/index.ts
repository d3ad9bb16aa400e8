import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { annotatePage } from '../../components/page/annotate-page';
import { pageServices } from '../../components/page/page-services';
import { namePdfTab } from '../../components/page/pdf-title';
import { answerPageMessage } from '../../lib/content-messages';
import { onNavigation } from '../../lib/page/navigation';

/**
 * The content script (listed in the manifest by wxt.config.ts). It is an unlisted script rather than a WXT
 * content script: WXT's context announces every start to the page (revealing the extension's id) and stops
 * when the page replays that announcement; only the browser may stop Paperlens on a page.
 */
export default defineUnlistedScript(async () => {
  const controller = new AbortController();
  const { signal } = controller;
  try {
    if (window === window.top) {
      answerPageMessage('getPageUrl', () => location.href, signal);
      // An arXiv PDF's tab is named after its paper (Chrome; Firefox's viewer runs no content script).
      void namePdfTab(document, signal).catch(() => {});
    }
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
});
