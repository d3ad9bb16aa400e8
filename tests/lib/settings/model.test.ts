import { describe, expect, it } from 'vitest';
import {
  badgesAllowed,
  DEFAULT_SETTINGS,
  migrateSettingsV1toV2,
  migrateSettingsV2toV3,
  normalizeSite,
  sanitizeSettings,
} from '../../../lib/settings/model';

describe('settings model', () => {
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
      pdfTabTitles: true,
    });
    expect(sanitizeSettings({ pdfTabTitles: false }).pdfTabTitles).toBe(false);
    expect(sanitizeSettings({ pdfTabTitles: 'no' }).pdfTabTitles).toBe(true);
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

  it('migrateSettingsV1toV2 tolerates any stored junk, and adds nothing of version 3', () => {
    const { pdfTabTitles: _v3, ...v2Defaults } = DEFAULT_SETTINGS;
    expect(migrateSettingsV1toV2(null)).toEqual(v2Defaults);
    expect(migrateSettingsV1toV2({ theme: 'neon', disabledSites: 'arxiv.org' })).toEqual(v2Defaults);
  });

  it('migrateSettingsV2toV3 turns PDF tab titles on and keeps every version-2 choice', () => {
    const v2 = { ...DEFAULT_SETTINGS, enabled: false, theme: 'dark', popupSort: 'novel', disabledSites: ['arxiv.org'] };
    delete (v2 as Partial<typeof v2>).pdfTabTitles;
    expect(migrateSettingsV2toV3(v2)).toEqual({ ...v2, pdfTabTitles: true });
    expect(migrateSettingsV2toV3(null)).toEqual(DEFAULT_SETTINGS);
  });
});
