import { useState } from 'preact/hooks';
import { normalizeSite } from '../../lib/settings/model';
import type { SettingsSectionProps } from './settings-section';

interface SiteSettingsProps extends SettingsSectionProps {
  /** Shows why what was typed cannot be added. */
  fail(message: string): void;
}

/** The sites without badges: each with Remove, and a form to add one by name or address. */
export function SiteSettings({ settings, change, fail }: SiteSettingsProps) {
  const [site, setSite] = useState('');
  const addSite = (event: Event) => {
    event.preventDefault();
    const host = normalizeSite(site);
    if (!host) {
      fail(`“${site}” is not a site name or address.`);
      return;
    }
    setSite('');
    if (!settings.disabledSites.includes(host)) change({ disabledSites: [...settings.disabledSites, host] });
  };
  return (
    <fieldset>
      <legend>Sites without badges</legend>
      {settings.disabledSites.length === 0 ? (
        <p class="hint">None. Use “Disable on this site” in the popup, or add a site here.</p>
      ) : (
        <ul class="site-list" aria-label="Sites without badges">
          {settings.disabledSites.map((host) => (
            <li key={host}>
              <span>{host}</span>
              <button
                type="button"
                onClick={() => change({ disabledSites: settings.disabledSites.filter((s) => s !== host) })}
              >
                Remove<span class="visually-hidden"> {host}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={addSite} class="add-site">
        <label>
          Site
          <input
            type="text"
            value={site}
            placeholder="example.com"
            onInput={(event) => setSite(event.currentTarget.value)}
          />
        </label>
        <button type="submit">Add</button>
      </form>
      <p class="hint">A site also covers its subdomains: example.com covers www.example.com.</p>
    </fieldset>
  );
}
