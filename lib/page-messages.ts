import { defineExtensionMessaging } from '@webext-core/messaging';

/**
 * Messages a tab's content script answers (top frame only), for extension
 * pages that need to know about the page without the "tabs" permission.
 */
export interface PageProtocolMap {
  /** The page's address, for the popup's "disable on this site". */
  getPageUrl(): string;
  /** The tab's title changed (the background sees that, not what to): an arXiv PDF named by Paperlens names itself again. */
  pdfTitleChanged(): void;
}

export const { sendMessage: sendToPage, onMessage: onPageMessage } = defineExtensionMessaging<PageProtocolMap>();
