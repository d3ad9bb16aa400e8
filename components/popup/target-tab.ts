import { browser } from 'wxt/browser';
import { sendToPage } from '../../lib/page-messages';

export interface TargetTab {
  id: number;
  url: string;
  /** The page's hostname (`arxiv.org`), what "disable on this site" adds. */
  host: string;
  /** The tab's title where the browser tells it (activeTab, Firefox's host permissions), else ''. */
  title: string;
}

/**
 * The tab the popup acts on: the active tab of the window (the action popup),
 * or the tab named by `?tab=<id>` when the popup is opened as a page (tests, or a
 * pinned popup tab). Null for pages Paperlens never runs on (chrome://, the
 * extension's own pages). Its URL comes from activeTab (a click on the toolbar
 * icon) or, failing that, from the tab's own content script: no "tabs" permission.
 */
export async function targetTab(search = location.search): Promise<TargetTab | null> {
  const named = Number(new URLSearchParams(search).get('tab'));
  const tab =
    Number.isInteger(named) && named > 0
      ? await browser.tabs.get(named).catch(() => undefined)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (!tab?.id) return null;
  const href = tab.url || (await sendToPage('getPageUrl', undefined, tab.id).catch(() => undefined));
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return { id: tab.id, url: href, host: url.hostname, title: tab.title ?? '' };
}
