import type { BadgeParts } from '../../lib/settings/model';
import type { SettingsSectionProps } from './settings-section';

const PARTS: [keyof BadgeParts, string][] = [
  ['category', 'Category'],
  ['novelty', 'Novelty'],
  ['coauthors', 'Coauthor count'],
];

/** Badges on or off, and which parts a badge shows. */
export function BadgeSettings({ settings, change }: SettingsSectionProps) {
  return (
    <fieldset>
      <legend>Badges on pages</legend>
      <label>
        <input
          type="checkbox"
          checked={settings.enabled}
          onChange={(event) => change({ enabled: event.currentTarget.checked })}
        />
        Show badges beside paper links
      </label>
      <p class="hint">Which parts a badge shows:</p>
      {PARTS.map(([part, label]) => (
        <label key={part}>
          <input
            type="checkbox"
            checked={settings.badgeParts[part]}
            disabled={!settings.enabled}
            onChange={(event) =>
              change({ badgeParts: { ...settings.badgeParts, [part]: event.currentTarget.checked } })
            }
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
