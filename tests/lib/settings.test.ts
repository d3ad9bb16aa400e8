import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  badgesAllowed,
  DEFAULT_SETTINGS,
  getSettings,
  migrateSettingsV1toV2,
  normalizeSite,
  sanitizeSettings,
  settingsItem,
} from '../../lib/settings';
import { onSettingsChanged, readSettings } from '../../lib/settings-reader';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('fills in defaults for missing or malformed values', () => {
    expect(sanitizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(
      sanitizeSettings({
        enabled: 'yes',
        disabledSites: ['https://WWW.Example.com/x', 3, ''],
        theme: 'neon',
        badgeParts: { novelty: false },
      }),
    ).toEqual({
      enabled: true,
      disabledSites: ['www.example.com'],
      badgeParts: { category: true, novelty: false, coauthors: true },
      theme: 'system',
      popupSort: 'relevance',
    });
  });

  it.each([
    ['example.com', 'example.com'],
    [' https://Scholar.Google.com/scholar?q=x ', 'scholar.google.com'],
    ['http://127.0.0.1:5173/page', '127.0.0.1'],
  ])('normalizes the site %j to %j', (input, expected) => {
    expect(normalizeSite(input)).toBe(expected);
  });

  it('allows badges unless switched off or the site (or a parent domain) is disabled', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'] };
    expect(badgesAllowed(settings, 'https://blog.example.org/')).toBe(true);
    expect(badgesAllowed(settings, 'https://example.com/a')).toBe(false);
    expect(badgesAllowed(settings, 'https://www.example.com/a')).toBe(false);
    expect(badgesAllowed(settings, 'https://notexample.com/a')).toBe(true);
    expect(badgesAllowed({ ...DEFAULT_SETTINGS, enabled: false }, 'https://blog.example.org/')).toBe(false);
  });

  it('the content script reads what the settings item writes, and hears changes', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    const heard: boolean[] = [];
    const stop = onSettingsChanged((settings) => heard.push(settings.enabled));
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, enabled: false, disabledSites: ['arxiv.org'] });
    expect(await readSettings()).toMatchObject({ enabled: false, disabledSites: ['arxiv.org'] });
    expect(await getSettings()).toMatchObject({ enabled: false });
    expect(heard).toEqual([false]);
    stop();
    await settingsItem.setValue(DEFAULT_SETTINGS);
    expect(heard).toEqual([false]);
  });
});

describe('settings migrations', () => {
  beforeEach(() => fakeBrowser.reset());

  it('migrates a version-1 value to version 2: keeps every choice, adds the popup sort, cleans site entries', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        enabled: false,
        disabledSites: ['https://Scholar.Google.com/scholar?q=x', 'arxiv.org', 'ARXIV.org'],
        badgeParts: { category: true, novelty: false, coauthors: true },
        theme: 'dark',
      },
      settings$: { v: 1 },
    });
    // WXT runs migrations when the item is defined (each page's start); run them again for this stored value.
    await settingsItem.migrate();
    expect(await getSettings()).toEqual({
      enabled: false,
      disabledSites: ['scholar.google.com', 'arxiv.org'],
      badgeParts: { category: true, novelty: false, coauthors: true },
      theme: 'dark',
      popupSort: 'relevance',
    });
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored.settings$).toEqual({ v: 2 });
    expect(stored.settings).toMatchObject({
      popupSort: 'relevance',
      disabledSites: ['scholar.google.com', 'arxiv.org'],
    });
  });

  it('a fresh install reads the defaults; a version-2 value is left alone', async () => {
    await settingsItem.migrate();
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    const v2 = { ...DEFAULT_SETTINGS, popupSort: 'novel' as const, disabledSites: ['example.com'] };
    await settingsItem.setValue(v2);
    await settingsItem.migrate();
    expect(await getSettings()).toEqual(v2);
  });

  it('migrateSettingsV1toV2 tolerates any stored junk', () => {
    expect(migrateSettingsV1toV2(null)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettingsV1toV2({ theme: 'neon', disabledSites: 'arxiv.org' })).toEqual(DEFAULT_SETTINGS);
  });
});
