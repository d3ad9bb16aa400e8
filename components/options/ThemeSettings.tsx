import type { Theme } from '../../lib/settings/model';
import type { SettingsSectionProps } from './settings-section';

const THEMES: [Theme, string][] = [
  ['system', 'Follow the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

/** Light, dark, or as the system is. */
export function ThemeSettings({ settings, change }: SettingsSectionProps) {
  return (
    <fieldset>
      <legend>Theme</legend>
      {THEMES.map(([theme, label]) => (
        <label key={theme}>
          <input
            type="radio"
            name="theme"
            value={theme}
            checked={settings.theme === theme}
            onChange={() => change({ theme })}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
