import { useState } from 'preact/hooks';
import type { Paper } from '../../lib/corpus/schema';
import type { SearchSort } from '../../lib/search';
import { settingsItem } from '../../lib/settings/store';
import { ProfileHeader } from '../ProfileHeader';
import { ReadingListView } from '../reading-list/ReadingListView';
import { useReadingList } from '../reading-list/use-reading-list';
import { useLibrary } from '../use-library';
import { useSettings } from '../use-settings';
import { SearchPanel } from './SearchPanel';
import { SiteSwitch } from './SiteSwitch';

type Tab = 'papers' | 'reading-list';

/** Opens a URL in a new tab (the popup then closes, as browsers do). */
function openTab(url: string) {
  window.open(url, '_blank', 'noopener');
}

/** The toolbar popup: the author's profile, search over the papers, and the reading list. */
export function PopupApp() {
  const { library, error } = useLibrary();
  const [tab, setTab] = useState<Tab>('papers');
  const settings = useSettings();
  const [chosenSort, setChosenSort] = useState<SearchSort | null>(null);
  const [client, state] = useReadingList();

  // The search box shows (focused) at once; the papers and settings arrive a few milliseconds
  // later, and what was typed meanwhile is searched then.
  const papers = library?.papers ?? [];
  const sort = chosenSort ?? settings?.popupSort ?? 'relevance';

  const toggleSave = (paper: Paper) => void client.toggle(paper.id, paper.displayTitle);
  const saved = new Set(state.entries?.map((e) => e.id));
  const selectTab = (next: Tab) => {
    setTab(next);
    requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
  };

  return (
    <main class="popup">
      {library ? (
        <ProfileHeader author={library.author} insightsHref="/insights.html" />
      ) : (
        <header class="profile" aria-busy="true" />
      )}
      {settings && <SiteSwitch settings={settings} />}
      <div
        class="tabs"
        role="tablist"
        aria-label="Paperlens"
        onKeyDown={(event) => {
          if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
            event.preventDefault();
            selectTab(tab === 'papers' ? 'reading-list' : 'papers');
          }
        }}
      >
        {(['papers', 'reading-list'] as const).map((id) => (
          <button
            key={id}
            id={`tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
          >
            {id === 'papers'
              ? `Papers (${library ? papers.length : '…'})`
              : `Reading list (${state.entries?.length ?? '…'})`}
          </button>
        ))}
      </div>
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} class="panel">
        {tab === 'papers' && error ? (
          // The reading list (the other tab) still works without the papers.
          <p class="notice error popup-notice" role="alert">
            Paperlens could not load the papers: {error}
          </p>
        ) : tab === 'papers' ? (
          <SearchPanel
            papers={papers}
            coauthors={library?.coauthors ?? []}
            loading={!library}
            isSaved={(id) => saved.has(id)}
            toggleSave={toggleSave}
            open={openTab}
            sort={sort}
            sortChanged={(popupSort) => {
              setChosenSort(popupSort);
              if (settings) void settingsItem.setValue({ ...settings, popupSort }).catch(() => {});
            }}
          />
        ) : (
          <>
            <ReadingListView client={client} state={state} papers={papers} compact />
            <p class="more-links">
              <a href="/reading-list.html" target="_blank" rel="noreferrer">
                Open the full reading list
              </a>
            </p>
          </>
        )}
      </div>
      {tab === 'papers' && state.error && (
        <p class="notice error popup-notice" role="alert">
          {state.error}
        </p>
      )}
      {tab === 'papers' && (
        <div class="popup-notice-slot" role="status" aria-live="polite">
          {state.removed && (
            <p class="notice popup-notice">
              Removed “{state.removed.title}” from the reading list.{' '}
              <button type="button" class="link-button" onClick={() => void client.undoRemove()}>
                Undo
              </button>
            </p>
          )}
        </div>
      )}
      <footer class="popup-footer">
        <a href="/options.html" target="_blank" rel="noreferrer">
          Settings
        </a>
      </footer>
    </main>
  );
}
