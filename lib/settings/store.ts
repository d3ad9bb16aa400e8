import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  migrateSettingsV1toV2,
  migrateSettingsV2toV3,
  SETTINGS_VERSION,
  type Settings,
  sanitizeSettings,
} from './model';

/**
 * The settings as one typed, versioned WXT storage item (`local:settings`);
 * WXT runs the migrations up to {@link SETTINGS_VERSION} on first read.
 * Pages that change settings use this; the content script reads the same key
 * through `reader.ts`.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 2: migrateSettingsV1toV2, 3: migrateSettingsV2toV3 },
});

/** Reads the settings, sanitized. */
export async function getSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue());
}

/** Calls `listener` with sanitized settings whenever they change, in any tab. Returns the unsubscribe function. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => listener(sanitizeSettings(value)));
}
