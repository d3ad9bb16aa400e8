import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { annotatePaperPage } from '../../components/page/annotate-paper';
import { pageServices } from '../../components/page/page-services';
import { onNavigation } from '../../lib/page/navigation';

/**
 * The paper-page script, listed in the manifest by wxt.config.ts for the sites whose pages are papers (arXiv,
 * ar5iv, alphaXiv, OpenReview, ACL Anthology, PMLR, NeurIPS, Semantic Scholar): panels and listing chips there,
 * so the content script every page runs stays small. Unlisted for the same reason as annotate-page.
 */
export default defineUnlistedScript(async () => {
  const controller = new AbortController();
  const { signal } = controller;
  try {
    const page = await annotatePaperPage(
      document,
      pageServices(() => controller.abort()),
      signal,
    );
    onNavigation(window, () => page.navigated(), signal);
  } catch (error) {
    // Paperlens must never break the page it runs on.
    console.debug('[paperlens] could not annotate this paper page', error);
  }
});
