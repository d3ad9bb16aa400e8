/** Which parts a page badge shows. */
export interface BadgeParts {
  category: boolean;
  novelty: boolean;
  coauthors: boolean;
}

export type Theme = 'system' | 'light' | 'dark';

/** How the popup orders its results (the last choice is remembered). */
export type PopupSort = 'relevance' | 'newest' | 'novel';

/** The settings as version 1 stored them (before the popup remembered its sort). */
export interface SettingsV1 {
  enabled: boolean;
  disabledSites: string[];
  badgeParts: BadgeParts;
  theme: Theme;
}

/** The settings as version 2 stored them (before arXiv PDF tabs were named after their paper). */
export type SettingsV2 = Omit<Settings, 'pdfTabTitles'>;

/** The user's settings (version 3), one storage item shared by every page and tab. */
export interface Settings {
  /** The global switch for page badges. */
  enabled: boolean;
  /** Hostnames where Paperlens adds nothing (`arxiv.org`, `www.example.com`). */
  disabledSites: string[];
  badgeParts: BadgeParts;
  theme: Theme;
  /** Added in version 2. */
  popupSort: PopupSort;
  /** Added in version 3: an arXiv PDF tab is named `Title (arXiv id)` (Chrome; Firefox's viewer runs no content script). */
  pdfTabTitles: boolean;
}

export const SETTINGS_VERSION = 3;

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  badgeParts: { category: true, novelty: true, coauthors: true },
  theme: 'system',
  popupSort: 'relevance',
  pdfTabTitles: true,
};

/**
 * Version 1 → 2: adds the popup's remembered sort, and rewrites per-site
 * entries that older code stored as typed (`https://Example.com/x`) as bare
 * hostnames, once, so the options page lists what actually matches.
 */
export function migrateSettingsV1toV2(v1: unknown): SettingsV2 {
  const { pdfTabTitles: _added, ...v2 } = sanitizeSettings(v1);
  return { ...v2, popupSort: 'relevance' };
}

/** Version 2 → 3: arXiv PDF tabs are named after their paper, on by default; every other choice is kept. */
export function migrateSettingsV2toV3(v2: unknown): Settings {
  return { ...sanitizeSettings(v2), pdfTabTitles: true };
}

/**
 * Fills in whatever a stored value lacks or has wrong, so readers never see a
 * half-formed settings object (an older version, a hand-edited value).
 */
export function sanitizeSettings(value: unknown): Settings {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof Settings, unknown>>;
  const parts = (typeof raw.badgeParts === 'object' && raw.badgeParts !== null ? raw.badgeParts : {}) as Partial<
    Record<keyof BadgeParts, unknown>
  >;
  const flag = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback);
  return {
    enabled: flag(raw.enabled, DEFAULT_SETTINGS.enabled),
    disabledSites: Array.isArray(raw.disabledSites)
      ? [...new Set(raw.disabledSites.filter((s): s is string => typeof s === 'string').map(normalizeSite))].filter(
          Boolean,
        )
      : [],
    badgeParts: {
      category: flag(parts.category, true),
      novelty: flag(parts.novelty, true),
      coauthors: flag(parts.coauthors, true),
    },
    theme: raw.theme === 'light' || raw.theme === 'dark' ? raw.theme : 'system',
    popupSort: raw.popupSort === 'newest' || raw.popupSort === 'novel' ? raw.popupSort : 'relevance',
    pdfTabTitles: flag(raw.pdfTabTitles, DEFAULT_SETTINGS.pdfTabTitles),
  };
}

/** `https://www.Example.com/x` or `www.example.com` → `www.example.com`. */
export function normalizeSite(site: string): string {
  const trimmed = site.trim().toLowerCase();
  try {
    return new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`).hostname;
  } catch {
    return '';
  }
}

/** Whether badges show on a page: the global switch is on and its host is not disabled. */
export function badgesAllowed(settings: Settings, pageUrl: string): boolean {
  if (!settings.enabled) return false;
  let host: string;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    return true;
  }
  return !settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}
