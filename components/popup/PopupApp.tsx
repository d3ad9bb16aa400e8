import { useEffect, useMemo, useState } from 'preact/hooks';
import { isDoiKey } from '../../lib/paper-key';
import { AuthorSwitch } from '../AuthorSwitch';
import { ProfileHeader } from '../ProfileHeader';
import { ReadingListView } from '../reading-list/ReadingListView';
import { useReadingList } from '../reading-list/use-reading-list';
import { EVERYONE, useOverviewChoice } from '../use-overview';
import { useSettings } from '../use-settings';
import { NewPapersNotice } from './NewPapersNotice';
import { type PopupTab, PopupTabs } from './PopupTabs';
import { SaveNotices } from './SaveNotices';
import { SearchPanel } from './SearchPanel';
import { SiteSwitch } from './SiteSwitch';
import { ThisTab } from './ThisTab';
import { useNewPapers } from './use-new-papers';
import { usePopupSort } from './use-popup-sort';
import { useTargetTab, useThisTabPaper } from './use-this-tab';

/** Opens a URL in a new tab (the popup then closes, as browsers do). */
function openTab(url: string) {
  window.open(url, '_blank', 'noopener');
}

/** The toolbar popup: the chosen author's profile (or the library's totals), search over their papers, the reading list. */
export function PopupApp() {
  // Who is followed is asked for after the first results: its per-author counts would hold their reads up.
  const [answered, setAnswered] = useState(false);
  useEffect(() => {
    const fallback = setTimeout(() => setAnswered(true), 1_000);
    return () => clearTimeout(fallback);
  }, []);
  const choice = useOverviewChoice(answered);
  const { overview, error } = choice;
  const [tab, setTab] = useState<PopupTab>('papers');
  const settings = useSettings();
  const [sort, sortChanged] = usePopupSort(settings);
  const [client, state] = useReadingList();

  // The search box shows (focused) at once; the results and settings arrive a few milliseconds
  // later, and what was typed meanwhile is searched then.
  const saved = useMemo(() => new Set(state.entries?.map((e) => e.id)), [state.entries]);
  const fresh = useNewPapers();
  // The tab the popup was opened on, and the paper it shows (an arXiv PDF or abstract page), if any.
  const target = useTargetTab();
  const thisTab = useThisTabPaper(target);

  return (
    <main class="popup">
      {thisTab && <ThisTab paper={thisTab} client={client} />}
      <PopupHeader choice={choice} />
      {settings && <SiteSwitch settings={settings} tab={target} />}
      <NewPapersNotice count={fresh.ids.size} seen={fresh.seen} />
      <PopupTabs
        tab={tab}
        select={setTab}
        papers={overview ? choice.papers : null}
        saved={state.complete ? (state.entries?.length ?? null) : null}
      />
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} class="panel">
        {tab === 'reading-list' ? (
          <>
            <ReadingListView client={client} state={state} compact />
            <p class="more-links">
              <a href="/reading-list.html" target="_blank" rel="noreferrer">
                Open the full reading list
              </a>
            </p>
          </>
        ) : error ? (
          // The reading list (the other tab) still works without the papers.
          <p class="notice error popup-notice" role="alert">
            Paperlens could not load the papers: {error}
          </p>
        ) : (
          <SearchPanel
            onAnswered={() => setAnswered(true)}
            authorId={choice.chosen === EVERYONE ? null : choice.chosen}
            isSaved={(id) => saved.has(id)}
            isNew={(id) => fresh.ids.has(id)}
            toggleSave={(paper) => {
              // The reading list keeps arXiv papers; a paper known only by its DOI has no Save.
              if (!isDoiKey(paper.id)) void client.toggle(paper.id, paper.displayTitle);
            }}
            open={openTab}
            sort={sort}
            sortChanged={sortChanged}
          />
        )}
      </div>
      {tab === 'papers' && <SaveNotices client={client} error={state.error} removed={state.removed} />}
      <PopupFooter />
    </main>
  );
}

/** Whose papers the popup shows, with their figures and the switch to another followed author (once known). */
function PopupHeader({ choice }: { choice: ReturnType<typeof useOverviewChoice> }) {
  const { overview } = choice;
  if (!overview) return <header class="profile" aria-busy="true" />;
  const author = overview.authors.find((a) => a.id === choice.chosen) ?? null;
  return (
    <>
      <ProfileHeader
        author={author}
        papers={choice.papers}
        authors={overview.authors.length}
        insightsHref="/insights.html"
      />
      <AuthorSwitch authors={overview.authors} choice={choice} />
    </>
  );
}

function PopupFooter() {
  return (
    <footer class="popup-footer">
      <a href="/library.html" target="_blank" rel="noreferrer">
        Library
      </a>
      <a href="/options.html" target="_blank" rel="noreferrer">
        Settings
      </a>
    </footer>
  );
}
