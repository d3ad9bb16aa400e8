import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../../lib/settings/model';
import { getSettings, settingsItem } from '../../../lib/settings/store';

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
});
