import { browser } from 'wxt/browser';
import { TabPaperCounts } from './tab-counts';

/** How long the toolbar shows ✓ or ! after a save from the context menu or the shortcut. */
const FLASH_MS = 1500;

/** The toolbar icon's badge: each tab's paper count, a moment of ✓ or ! after a save, and new papers ("+3"). */
export interface Toolbar {
  counts: TabPaperCounts;
  flash(tabId: number | undefined, ok: boolean): void;
  /** Papers the latest arXiv refreshes added that the user has not seen: shown where a tab has no count of its own. */
  showNew(count: number): void;
}

export function createToolbar(
  action: Pick<typeof browser.action, 'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle'> = browser.action,
): Toolbar {
  // null, not '': a tab with no count of its own shows the global text (new papers).
  // Both browsers take null here (their typings say string), to fall back to the global text.
  const show = (tabId: number, text: string | null) =>
    void action.setBadgeText({ tabId, text: text as string }).catch(() => {});
  const counts = new TabPaperCounts((tabId, count) => show(tabId, count ? String(count) : null));
  void action.setBadgeBackgroundColor({ color: '#0b6bcb' }).catch(() => {});
  return {
    counts,
    flash(tabId, ok) {
      if (tabId === undefined || tabId < 0) return;
      show(tabId, ok ? '✓' : '!');
      setTimeout(() => {
        const count = counts.count(tabId);
        show(tabId, count ? String(count) : null);
      }, FLASH_MS);
    },
    showNew(count) {
      void action.setBadgeText({ text: count ? `+${count}` : '' }).catch(() => {});
      const title = count
        ? `Paperlens · ${count} new paper${count === 1 ? '' : 's'} from the authors you follow`
        : 'Paperlens';
      void action.setTitle({ title }).catch(() => {});
    },
  };
}
