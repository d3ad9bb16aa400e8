import { formatDate } from '../../lib/format';
import type { InsightsData } from '../../lib/insights/insights-data';
import { AuthorSwitch } from '../AuthorSwitch';
import { ProfileHeader } from '../ProfileHeader';
import { useSettings } from '../use-settings';
import { CategoryLegend } from './CategoryLegend';
import { CoauthorNetworkChart } from './CoauthorNetworkChart';
import { CoauthorTable } from './CoauthorTable';
import { NoveltyChart } from './NoveltyChart';
import { PaperCard } from './PaperCard';
import { PapersPerYearChart } from './PapersPerYearChart';
import { RelatedPapersTable } from './RelatedPapersTable';
import { type InsightsState, useInsights } from './use-insights';
import { useOpenPaper } from './use-open-paper';

/** The profile figures, the author switch and the data's date. */
function InsightsHeader({ state, data }: { state: InsightsState; data: InsightsData }) {
  const { overview, chosen, choose, author } = state;
  const authors = overview?.authors ?? [];
  // While the next view is on its way, its count comes from the overview, so the header never mixes two views.
  const papers = state.loading ? ((author ? overview?.paperCounts[author.id] : overview?.papers) ?? 0) : data.papers;
  // AuthorSwitch reads only `chosen` and `choose`: the papers stay in the background.
  const choice = { chosen, choose, author, papers: [], coauthors: [] };
  return (
    <div class="insights-header">
      <ProfileHeader author={author} papers={papers} authors={overview ? authors.length : data.followed} />
      <AuthorSwitch authors={authors} choice={choice} />
      <p class="data-date">
        <a href="/library.html">Follow more authors or import papers</a>
      </p>
      {data.date && (
        <p class="data-date">
          Data as of <time dateTime={data.date}>{formatDate(data.date)}</time> (the newest paper shown).
        </p>
      )}
    </div>
  );
}

/** Says the derived figures are still being worked out, and how many papers the charts leave out meanwhile. */
function PendingNotice({ data }: { data: InsightsData }) {
  if (data.derivedReady && data.pending === 0) return null;
  return (
    <p role="status" class="notice">
      Novelty, related papers and coauthors are being worked out for the papers just added
      {data.pending > 0 ? ` (${data.pending.toLocaleString('en')} not shown yet)` : ''}; this page shows them once
      ready.
    </p>
  );
}

/** The insights page: a followed author's papers (or everyone's) as charts; `#paper=<id>` opens that paper's card. */
export function InsightsApp() {
  useSettings(); // applies the theme setting (system, light, dark)
  const state = useInsights();
  const card = useOpenPaper();
  const { data, error } = state;

  if (error) return <p role="alert">Paperlens could not load the insights: {error}. Reload the page to try again.</p>;
  if (!data) return <p aria-busy="true">Loading insights…</p>;

  return (
    <main class="insights" aria-busy={state.loading}>
      <InsightsHeader state={state} data={data} />
      {card.missing && (
        <p role="status" class="notice">
          arXiv {card.openId} is not in your library, so there is no card to open.
        </p>
      )}
      {card.error && (
        <p role="alert" class="notice">
          Paperlens could not open that paper’s card: {card.error}
        </p>
      )}
      <PendingNotice data={data} />
      <CategoryLegend categories={data.perYear.categories} />
      <div class="chart-grid">
        <PapersPerYearChart data={data.perYear} />
        <NoveltyChart novelty={data.novelty} onOpen={card.open} />
        {data.network ? (
          <CoauthorNetworkChart network={data.network} coauthors={data.coauthors.total} />
        ) : (
          <p class="notice">Choose one author above to see their coauthor network.</p>
        )}
        <CoauthorTable coauthors={data.coauthors} />
        <RelatedPapersTable related={data.related} onOpen={card.open} />
      </div>
      {card.paper && (
        <PaperCard key="card" paper={card.paper} titles={card.titles} onOpen={card.open} onClose={card.close} />
      )}
    </main>
  );
}
