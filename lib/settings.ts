import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings, sanitizeSettings } from './settings-model';

export * from './settings-model';

/**
 * The settings as one typed, versioned WXT storage item (`local:settings`).
 * Pages that change settings use this; the content script reads the same key
 * through `settings-reader.ts`.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Reads the settings, sanitized. */
export async function getSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue());
}

/** Calls `listener` with sanitized settings whenever they change, in any tab. Returns the unsubscribe function. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => listener(sanitizeSettings(value)));
}
