import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../lib/settings/model';
import { getSettings, watchSettings } from '../lib/settings/store';

/** Applies the theme setting to an extension page: `data-theme` on <html>, or none to follow the system. */
export function applyTheme(settings: Settings, root: HTMLElement = document.documentElement): void {
  if (settings.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = settings.theme;
}

/** The current settings (null until read), kept live across tabs; applies the theme as a side effect. */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    const update = (value: Settings) => {
      applyTheme(value);
      setSettings(value);
    };
    void getSettings().then(update);
    return watchSettings(update);
  }, []);
  return settings;
}
