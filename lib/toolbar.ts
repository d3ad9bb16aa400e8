import { browser } from 'wxt/browser';
import { TabPaperCounts } from './tab-counts';
import { BADGE_BLUE, type TabPaper, tabPaperBadge } from './tab-paper';

/** How long the toolbar shows ✓ or ! after a save from the context menu or the shortcut. */
const FLASH_MS = 1500;

/**
 * The toolbar icon's badge: each tab's paper count, or the state of the paper the tab shows (★ saved, ☆ not,
 * blue in the library, grey outside it), a moment of ✓ or ! after a save, and new papers ("+3").
 */
export interface Toolbar {
  counts: TabPaperCounts;
  flash(tabId: number | undefined, ok: boolean): void;
  /** Papers the latest arXiv refreshes added that the user has not seen: shown where a tab has no count of its own. */
  showNew(count: number): void;
  /** The paper a tab shows (an arXiv PDF or abstract page), shown instead of its count; null when it shows none. */
  paper(tabId: number, paper: TabPaper | null): void;
}

type Action = Pick<typeof browser.action, 'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle'>;

/** The toolbar over `browser.action` (a fake in tests). */
export function createToolbar(action: Action = browser.action): Toolbar {
  // null, not '': a tab with no count of its own shows the global text (new papers).
  // Both browsers take null here (their typings say string), to fall back to the global text.
  const show = (tabId: number, text: string | null) =>
    void action.setBadgeText({ tabId, text: text as string }).catch(() => {});
  const papers = new Map<number, TabPaper>();
  // Tabs whose colour and title a paper changed, to be set back when it goes.
  const painted = new Set<number>();
  // A tab's ✓ or ! stays for FLASH_MS from the latest save, whatever changes meanwhile.
  const flashing = new Map<number, ReturnType<typeof setTimeout>>();
  let globalTitle = 'Paperlens';
  const paint = (tabId: number, color: string, title: string) => {
    void action.setBadgeBackgroundColor({ tabId, color }).catch(() => {});
    void action.setTitle({ tabId, title }).catch(() => {});
  };
  const render = (tabId: number) => {
    if (flashing.has(tabId)) return;
    const paper = papers.get(tabId);
    if (paper) {
      const badge = tabPaperBadge(paper);
      painted.add(tabId);
      paint(tabId, badge.color, badge.title);
      return show(tabId, badge.text);
    }
    // Chrome cannot unset a tab's colour or title: they are set back to the global ones.
    if (painted.delete(tabId)) paint(tabId, BADGE_BLUE, globalTitle);
    const count = counts.count(tabId);
    show(tabId, count ? String(count) : null);
  };
  const counts = new TabPaperCounts((tabId) => render(tabId));
  void action.setBadgeBackgroundColor({ color: BADGE_BLUE }).catch(() => {});
  return {
    counts,
    flash(tabId, ok) {
      if (tabId === undefined || tabId < 0) return;
      clearTimeout(flashing.get(tabId));
      show(tabId, ok ? '✓' : '!');
      const timer = setTimeout(() => {
        flashing.delete(tabId);
        render(tabId);
      }, FLASH_MS);
      flashing.set(tabId, timer);
    },
    showNew(count) {
      void action.setBadgeText({ text: count ? `+${count}` : '' }).catch(() => {});
      globalTitle = count
        ? `Paperlens · ${count} new paper${count === 1 ? '' : 's'} from the authors you follow`
        : 'Paperlens';
      void action.setTitle({ title: globalTitle }).catch(() => {});
    },
    paper(tabId, paper) {
      if (paper) papers.set(tabId, paper);
      else if (!papers.delete(tabId)) return;
      render(tabId);
    },
  };
}
