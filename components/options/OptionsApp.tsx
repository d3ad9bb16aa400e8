import { useEffect, useState } from 'preact/hooks';
import type { CorpusStatus } from '../../lib/message-schemas';
import { sendMessage } from '../../lib/messages';
import { type BadgeParts, normalizeSite, type Settings, type Theme } from '../../lib/settings/model';
import { settingsItem } from '../../lib/settings/store';
import { useSettings } from '../use-settings';

const PARTS: [keyof BadgeParts, string][] = [
  ['category', 'Category'],
  ['novelty', 'Novelty'],
  ['coauthors', 'Coauthor count'],
];
const THEMES: [Theme, string][] = [
  ['system', 'Follow the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

/** `options.html`: badges on/off, which badge parts show, per-site list, theme. Changes apply to open tabs at once. */
export function OptionsApp() {
  const settings = useSettings();
  const [site, setSite] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<CorpusStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  useEffect(() => {
    sendMessage('corpusStatus', undefined).then(setStatus, (e: unknown) =>
      setStatusError(`Could not read what Paperlens has stored: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, []);
  if (!settings) return <p aria-busy="true">Loading settings…</p>;

  const save = async (next: Settings) => {
    try {
      await settingsItem.setValue(next);
      setError(null);
    } catch (e) {
      // The storage item still holds the previous settings, and so does the form (it shows what is stored).
      setError(`Could not save the settings: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const addSite = (event: Event) => {
    event.preventDefault();
    const host = normalizeSite(site);
    if (!host) {
      setError(`“${site}” is not a site name or address.`);
      return;
    }
    setSite('');
    if (!settings.disabledSites.includes(host))
      void save({ ...settings, disabledSites: [...settings.disabledSites, host] });
  };

  return (
    <main class="page options">
      <h1>Paperlens settings</h1>
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      <fieldset>
        <legend>Badges on pages</legend>
        <label>
          <input
            type="checkbox"
            checked={settings.enabled}
            onChange={(event) => void save({ ...settings, enabled: event.currentTarget.checked })}
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
                void save({ ...settings, badgeParts: { ...settings.badgeParts, [part]: event.currentTarget.checked } })
              }
            />
            {label}
          </label>
        ))}
      </fieldset>
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
                  onClick={() =>
                    void save({ ...settings, disabledSites: settings.disabledSites.filter((s) => s !== host) })
                  }
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
      <fieldset>
        <legend>Theme</legend>
        {THEMES.map(([theme, label]) => (
          <label key={theme}>
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={settings.theme === theme}
              onChange={() => void save({ ...settings, theme })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {statusError && (
        <p class="notice error" role="alert">
          {statusError}
        </p>
      )}
      {status && (
        <fieldset>
          <legend>Data</legend>
          {status.bundledCorpusError && (
            <p class="notice error" role="alert">
              The papers bundled with this version could not be read, so Paperlens keeps using the last good copy.
              {'\n'}
              {status.bundledCorpusError}
            </p>
          )}
          <p>
            {status.papers} papers and {status.coauthors} coauthors stored; {status.readingList} saved in your reading
            list. Everything stays in this browser.
          </p>
        </fieldset>
      )}
      <p class="hint">
        Keyboard: Alt+Shift+P opens the popup, Alt+Shift+S saves the arXiv paper in the current tab. Change them in your
        browser's shortcut settings: chrome://extensions/shortcuts in Chrome, or about:addons → ⚙ → Manage Extension
        Shortcuts in Firefox.
      </p>
    </main>
  );
}
