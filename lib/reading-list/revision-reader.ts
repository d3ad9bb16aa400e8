import { browser } from 'wxt/browser';

/** The `browser.storage.local` key of `readingListRevision` (revision.ts), which the background bumps on every write. */
export const REVISION_KEY = 'readingListRevision';

/**
 * Calls `listener` whenever the reading list changes, from any page, tab or
 * the context menu. For the content script: it watches the raw storage key,
 * without WXT's storage runtime (about 3 KB gzipped). Returns the unsubscribe function.
 */
export function onReadingListChanged(listener: () => void): () => void {
  const handle = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && REVISION_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}
