import { useState } from 'preact/hooks';
import { plainError } from '../../lib/errors';
import { badgesAllowed, type Settings } from '../../lib/settings/model';
import { settingsItem } from '../../lib/settings/store';
import type { TargetTab } from './target-tab';

/**
 * "Disable on this site": one click adds (or removes) the current tab's host to
 * the per-site list; open tabs apply it at once.
 */
export function SiteSwitch({ settings, tab }: { settings: Settings; tab: TargetTab | null }) {
  const [error, setError] = useState<string | null>(null);
  if (!tab) return null;
  // A listed site covers its subdomains, as badgesAllowed reads the list.
  const covers = (site: string) => tab.host === site || tab.host.endsWith(`.${site}`);
  const siteDisabled = settings.disabledSites.some(covers);
  const active = badgesAllowed(settings, tab.url);
  const toggle = async () => {
    const disabledSites = siteDisabled
      ? settings.disabledSites.filter((site) => !covers(site))
      : [...settings.disabledSites, tab.host];
    try {
      await settingsItem.setValue({ ...settings, disabledSites });
      setError(null);
    } catch (e) {
      setError(`Could not change the setting: ${plainError(e)}`);
    }
  };
  return (
    <div class="site-switch">
      <span class="site-state">
        {active ? 'Badges on' : 'Badges off on'} <strong>{tab.host}</strong>
        {!settings.enabled && ' (switched off everywhere in settings)'}
      </span>
      {/* The label says what a click does; the state is in the text before it (not aria-pressed, which would contradict it). */}
      <button type="button" onClick={() => void toggle()}>
        {siteDisabled ? 'Enable on this site' : 'Disable on this site'}
      </button>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
