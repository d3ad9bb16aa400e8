import { detectPaperLink } from './links/detect';
import type { SaveRequest } from './message-schemas';

/** The id of the "Save to reading list" link menu item. */
export const SAVE_MENU_ID = 'paperlens-save-link';

/**
 * Link URLs the menu item appears on (`targetUrlPatterns`): every site a paper
 * link can point at. On other links it does not appear at all.
 */
export const PAPER_LINK_PATTERNS = [
  '*://arxiv.org/*',
  '*://*.arxiv.org/*',
  '*://alphaxiv.org/*',
  '*://*.alphaxiv.org/*',
  '*://huggingface.co/papers/*',
  '*://ar5iv.org/*',
  '*://*.ar5iv.org/*',
  '*://semanticscholar.org/arxiv/*',
  '*://*.semanticscholar.org/arxiv/*',
  '*://doi.org/10.48550*',
  '*://*.doi.org/10.48550*',
  '*://scirate.com/arxiv/*',
  '*://*.scirate.com/arxiv/*',
];

/** What the browser tells us about a click on a link's menu item. */
export interface LinkClick {
  linkUrl?: string | undefined;
  pageUrl?: string | undefined;
  /** Firefox gives the link's text; Chrome does not. */
  linkText?: string | undefined;
}

/**
 * The paper a right-clicked link points to, or null (the patterns are broader
 * than paper URLs, e.g. an arXiv listing link).
 */
export function paperFromLinkClick(click: LinkClick): SaveRequest | null {
  if (!click.linkUrl) return null;
  const ref = detectPaperLink(click.linkUrl, '', click.pageUrl ?? click.linkUrl);
  if (ref?.kind !== 'id') return null;
  const linkText = click.linkText?.trim() ?? '';
  return { id: ref.id, title: linkText || undefined, source: { url: click.pageUrl ?? '', linkText } };
}

/** The id of the keyboard command that saves the paper of the current tab. */
export const SAVE_COMMAND = 'save-paper';

/**
 * The paper a tab shows (an arXiv abstract, PDF or HTML page, or a mirror), from
 * its URL and title, for the save shortcut. arXiv titles read `[2402.07871] Title`.
 */
export function paperFromTab(tab: { url?: string | undefined; title?: string | undefined }): SaveRequest | null {
  if (!tab.url) return null;
  const ref = detectPaperLink(tab.url, '', tab.url);
  if (ref?.kind !== 'id') return null;
  const title = (tab.title ?? '').replace(/^\[[^\]]*\]\s*/, '').trim();
  return { id: ref.id, title: title || undefined, source: { url: tab.url, linkText: title } };
}

/** The id of the "Follow … in Paperlens" menu item on arXiv author links. */
export const FOLLOW_MENU_ID = 'paperlens-follow-author';

/** arXiv's author pages (`/a/ludziejewski_j_1`) and search-by-author links. */
export const AUTHOR_LINK_PATTERNS = [
  '*://arxiv.org/a/*',
  '*://*.arxiv.org/a/*',
  '*://arxiv.org/search/*',
  '*://*.arxiv.org/search/*',
];

/**
 * The author a right-clicked arXiv author link names, as "Follow on arXiv"
 * takes it: `/a/ludziejewski_j_1` → `au:Ludziejewski_J`; a search by author
 * (`?searchtype=author&query=Pioro, M`) → that name. Null for other links.
 */
export function authorFromLinkClick(click: LinkClick): { query: string; name: string } | null {
  let url: URL;
  try {
    url = new URL(click.linkUrl ?? '');
  } catch {
    return null;
  }
  if (!/(^|\.)arxiv\.org$/.test(url.hostname)) return null;
  const text = click.linkText?.trim() ?? '';
  const page = /^\/a\/([a-z-]+)_([a-z])(?:_\d+)?(?:\.html)?$/i.exec(url.pathname);
  if (page?.[1] && page[2]) {
    const family = page[1].replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
    const query = `au:${family}_${page[2].toUpperCase()}`;
    return { query, name: text || query };
  }
  const query = url.searchParams.get('query')?.trim();
  if (/^\/search\//.test(url.pathname) && url.searchParams.get('searchtype') === 'author' && query) {
    return { query: text || query, name: text || query };
  }
  return null;
}

/** What the follow item says: the author's name where the browser lets the menu know it (Firefox). */
export function followMenuTitle(author: { name: string } | null): string {
  if (!author) return 'Follow this author in Paperlens';
  const name = author.name.length > 60 ? `${author.name.slice(0, 59)}…` : author.name;
  // A single `&` marks an access key in Firefox menus.
  return `Follow ${name.replaceAll('&', '&&')} in Paperlens`;
}

/** The slice of Firefox's `menus` (or `contextMenus`) API that names the author as the menu opens; Chrome has no `onShown`. */
export interface ShownMenus {
  onShown: { addListener(listener: (info: LinkClick & { menuIds: (string | number)[] }) => void): void };
  update(id: string, properties: { title: string }): Promise<void> | void;
  refresh(): Promise<void> | void;
}

/** In Firefox, renames "Follow this author" to "Follow <name>" for the link the menu opened on. */
export function nameAuthorsInMenu(menus: ShownMenus): void {
  menus.onShown.addListener((info) => {
    if (!info.menuIds.includes(FOLLOW_MENU_ID)) return;
    void Promise.resolve(menus.update(FOLLOW_MENU_ID, { title: followMenuTitle(authorFromLinkClick(info)) }))
      .then(() => menus.refresh())
      .catch(() => {});
  });
}
