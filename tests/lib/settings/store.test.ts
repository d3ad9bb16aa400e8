import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../../lib/settings/model';
import { getSettings, settingsItem } from '../../../lib/settings/store';

describe('settings migrations', () => {
  beforeEach(() => fakeBrowser.reset());

  it('migrates a version-1 value to version 3: keeps every choice, adds the popup sort and PDF tab titles, cleans site entries', async () => {
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
      pdfTabTitles: true,
    });
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored.settings$).toEqual({ v: 3 });
    expect(stored.settings).toMatchObject({
      popupSort: 'relevance',
      pdfTabTitles: true,
      disabledSites: ['scholar.google.com', 'arxiv.org'],
    });
  });

  it('migrates a version-2 value to version 3: PDF tab titles on, the stored choices as they were', async () => {
    const v2 = {
      enabled: true,
      disabledSites: ['example.com'],
      badgeParts: { category: false, novelty: true, coauthors: true },
      theme: 'light',
      popupSort: 'newest',
    };
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 2 } });
    await settingsItem.migrate();
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored).toEqual({ settings: { ...v2, pdfTabTitles: true }, settings$: { v: 3 } });
  });

  it('a version-3 value with PDF tab titles turned off stays off', async () => {
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, pdfTabTitles: false },
      settings$: { v: 3 },
    });
    await settingsItem.migrate();
    expect((await getSettings()).pdfTabTitles).toBe(false);
  });

  it('a fresh install reads the defaults; a version-3 value is left alone', async () => {
    await settingsItem.migrate();
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    const v3 = { ...DEFAULT_SETTINGS, popupSort: 'novel' as const, disabledSites: ['example.com'] };
    await settingsItem.setValue(v3);
    await settingsItem.migrate();
    expect(await getSettings()).toEqual(v3);
  });
});
