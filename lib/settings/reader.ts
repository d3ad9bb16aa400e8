import { browser } from 'wxt/browser';
import { type Settings, sanitizeSettings } from './model';

/**
 * The content script's read-only view of the settings: the raw
 * `browser.storage.local` key that `settingsItem` (WXT storage, in
 * `store.ts`) writes, without WXT's storage runtime, which would cost
 * the content script about 3 KB gzipped. Values are sanitized the same way.
 */
const KEY = 'settings';

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return sanitizeSettings(stored[KEY]);
}

/** Calls `listener` whenever the settings change, in any tab or page. Returns the unsubscribe function. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handle = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) listener(sanitizeSettings(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}
