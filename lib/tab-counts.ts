/**
 * How many distinct library papers each tab shows, over all its frames.
 * Frames report their own sets (a frame's links and mentions, and apart from
 * them the paper a paper page is); the tab's count is the size of the union.
 */
export class TabPaperCounts {
  private readonly tabs = new Map<number, Map<number | string, ReadonlySet<string>>>();

  constructor(private readonly onCount: (tabId: number, count: number) => void = () => {}) {}

  /** Records one frame's papers (or one part of them: `frame` as `<frameId>:page`) and returns the tab's new count. */
  report(tabId: number, frame: number | string, ids: readonly string[]): number {
    const frames = this.tabs.get(tabId) ?? new Map<number | string, ReadonlySet<string>>();
    this.tabs.set(tabId, frames);
    frames.set(frame, new Set(ids));
    const count = this.count(tabId);
    this.onCount(tabId, count);
    return count;
  }

  count(tabId: number): number {
    const union = new Set<string>();
    for (const ids of this.tabs.get(tabId)?.values() ?? []) for (const id of ids) union.add(id);
    return union.size;
  }

  /** Forgets a tab (closed, or navigated to a new document). */
  clear(tabId: number): void {
    if (this.tabs.delete(tabId)) this.onCount(tabId, 0);
  }
}
