import { useState } from 'preact/hooks';
import { plainError } from '../../lib/errors';
import type { Settings } from '../../lib/settings/model';
import { settingsItem } from '../../lib/settings/store';
import { useSettings } from '../use-settings';
import { BadgeSettings } from './BadgeSettings';
import { PdfTabSettings } from './PdfTabSettings';
import { SiteSettings } from './SiteSettings';
import { StoredData } from './StoredData';
import { ThemeSettings } from './ThemeSettings';
import { useCorpusStatus } from './use-corpus-status';

/** `options.html`: badges on/off, which badge parts show, per-site list, PDF tab titles, theme. Changes apply to open tabs at once. */
export function OptionsApp() {
  const settings = useSettings();
  const [error, setError] = useState<string | null>(null);
  const stored = useCorpusStatus();
  if (!settings) return <p aria-busy="true">Loading settings…</p>;

  const save = async (next: Settings) => {
    try {
      await settingsItem.setValue(next);
      setError(null);
    } catch (e) {
      // The storage item still holds the previous settings, and so does the form (it shows what is stored).
      setError(`Could not save the settings: ${plainError(e)}`);
    }
  };
  const change = (patch: Partial<Settings>) => void save({ ...settings, ...patch });

  return (
    <main class="page options">
      <h1>Paperlens settings</h1>
      <p class="hint">
        The authors you follow and their papers are on the <a href="/library.html">library page</a>.
      </p>
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      <BadgeSettings settings={settings} change={change} />
      <SiteSettings settings={settings} change={change} fail={setError} />
      <PdfTabSettings settings={settings} change={change} />
      <ThemeSettings settings={settings} change={change} />
      {stored.error && (
        <p class="notice error" role="alert">
          {stored.error}
        </p>
      )}
      {stored.status && <StoredData status={stored.status} />}
      <p class="hint">
        Keyboard: Alt+Shift+P opens the popup, Alt+Shift+S saves the arXiv paper in the current tab. Change them in your
        browser's shortcut settings: chrome://extensions/shortcuts in Chrome, or about:addons → ⚙ → Manage Extension
        Shortcuts in Firefox.
      </p>
    </main>
  );
}
