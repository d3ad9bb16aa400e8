import { browser } from 'wxt/browser';
import { TabPaperCounts } from './tab-counts';

/** How long the toolbar shows ✓ or ! after a save from the context menu or the shortcut. */
const FLASH_MS = 1500;

/** The toolbar icon's badge: each tab's paper count, and a moment of ✓ or ! after a save. */
export interface Toolbar {
  counts: TabPaperCounts;
  flash(tabId: number | undefined, ok: boolean): void;
}

export function createToolbar(
  action: Pick<typeof browser.action, 'setBadgeText' | 'setBadgeBackgroundColor'> = browser.action,
): Toolbar {
  const show = (tabId: number, text: string) => void action.setBadgeText({ tabId, text }).catch(() => {});
  const counts = new TabPaperCounts((tabId, count) => show(tabId, count ? String(count) : ''));
  void action.setBadgeBackgroundColor({ color: '#0b6bcb' }).catch(() => {});
  return {
    counts,
    flash(tabId, ok) {
      if (tabId === undefined || tabId < 0) return;
      show(tabId, ok ? '✓' : '!');
      setTimeout(() => {
        const count = counts.count(tabId);
        show(tabId, count ? String(count) : '');
      }, FLASH_MS);
    },
  };
}
