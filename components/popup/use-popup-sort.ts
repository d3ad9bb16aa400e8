import { useState } from 'preact/hooks';
import type { SearchSort } from '../../lib/search';
import type { Settings } from '../../lib/settings/model';
import { settingsItem } from '../../lib/settings/store';

/** The popup's sort: the one chosen now, else the one remembered in settings; a choice is remembered. */
export function usePopupSort(settings: Settings | null): [SearchSort, (sort: SearchSort) => void] {
  const [chosen, setChosen] = useState<SearchSort | null>(null);
  const choose = (popupSort: SearchSort) => {
    setChosen(popupSort);
    if (settings) void settingsItem.setValue({ ...settings, popupSort }).catch(() => {});
  };
  return [chosen ?? settings?.popupSort ?? 'relevance', choose];
}
