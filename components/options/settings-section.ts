import type { Settings } from '../../lib/settings/model';

/** What a section of the options page gets: the stored settings, and a way to store a change to them. */
export interface SettingsSectionProps {
  settings: Settings;
  change(patch: Partial<Settings>): void;
}
