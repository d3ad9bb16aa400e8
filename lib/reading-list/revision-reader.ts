import { browser } from 'wxt/browser';

/** The `browser.storage.local` key of `readingListRevision` (revision.ts), which the background bumps on every write. */
export const REVISION_KEY = 'readingListRevision';

/** What the background writes after a reading-list change: a fresh value, and the ids it changed (null: many). */
export interface ReadingListRevision {
  at: string;
  ids: string[] | null;
}

/** The ids a stored revision names, or null when it names none that can be trusted (many changed, or junk). */
export function changedIds(value: unknown): string[] | null {
  const ids = (value as Partial<ReadingListRevision> | null)?.ids;
  return Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? ids : null;
}

/**
 * Calls `listener` whenever the reading list changes, from any page, tab or
 * the context menu, with the ids that changed (null when many did). For the
 * content script: it watches the raw storage key, without WXT's storage
 * runtime (about 3 KB gzipped). Returns the unsubscribe function.
 */
export function onReadingListChanged(listener: (ids: readonly string[] | null) => void): () => void {
  const handle = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && REVISION_KEY in changes) listener(changedIds(changes[REVISION_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}
