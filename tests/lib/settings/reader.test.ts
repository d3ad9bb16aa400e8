import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../../lib/settings/model';
import { onSettingsChanged, readSettings } from '../../../lib/settings/reader';
import { getSettings, settingsItem } from '../../../lib/settings/store';

describe('the content script settings reader', () => {
  beforeEach(() => fakeBrowser.reset());

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
