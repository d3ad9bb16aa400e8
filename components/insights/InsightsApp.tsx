import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatDate } from '../../lib/format';
import { coauthorNetwork } from '../../lib/insights/coauthor-network';
import { corpusDate } from '../../lib/insights/corpus-date';
import { noveltyPoints } from '../../lib/insights/novelty-points';
import { hashForPaper, paperIdFromHash } from '../../lib/insights/paper-hash';
import { papersPerYearByCategory } from '../../lib/insights/papers-per-year';
import { topCoauthors } from '../../lib/insights/top-coauthors';
import { AuthorSwitch } from '../AuthorSwitch';
import { ProfileHeader } from '../ProfileHeader';
import { useAuthorChoice } from '../use-author-choice';
import { useLibrary } from '../use-library';
import { useSettings } from '../use-settings';
import { CategoryLegend } from './CategoryLegend';
import { CoauthorNetworkChart } from './CoauthorNetworkChart';
import { CoauthorTable } from './CoauthorTable';
import { NoveltyChart } from './NoveltyChart';
import { PaperCard } from './PaperCard';
import { PapersPerYearChart } from './PapersPerYearChart';
import { RelatedPapersTable } from './RelatedPapersTable';

/** The paper whose card `#paper=<id>` opens, following the address. */
function useOpenPaperId() {
  const [openId, setOpenId] = useState<string | null>(() => paperIdFromHash(location.hash));
  useEffect(() => {
    const onHash = (): void => setOpenId(paperIdFromHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return [openId, setOpenId] as const;
}

/** The insights page: a followed author's papers (or everyone's) as charts; `#paper=<id>` opens that paper's card. */
export function InsightsApp() {
  useSettings(); // applies the theme setting (system, light, dark)
  const { library, error } = useLibrary();
  const [openId, setOpenId] = useOpenPaperId();

  const choice = useAuthorChoice(library);
  const { author, papers, coauthors } = choice;
  const charts = useMemo(
    () =>
      library && {
        perYear: papersPerYearByCategory(papers),
        novelty: noveltyPoints(papers),
        // A network has one centre: it is drawn for one author at a time.
        network: author && coauthorNetwork(papers, coauthors, author.name),
        coauthors: topCoauthors(papers, coauthors),
        date: corpusDate(papers),
      },
    [library, papers, coauthors, author],
  );

  if (error) return <p role="alert">Paperlens could not load the papers: {error}. Reload the page to try again.</p>;
  if (!library || !charts) return <p aria-busy="true">Loading insights…</p>;

  // Opening a card puts it in the address, so the view can be linked to and reloaded.
  const open = (id: string): void => {
    history.replaceState(null, '', hashForPaper(id));
    setOpenId(id);
  };
  const close = (): void => {
    history.replaceState(null, '', location.pathname);
    setOpenId(null);
  };
  const openPaper = library.papers.find((paper) => paper.id === openId);
  const pending = papers.length - charts.novelty.length;

  return (
    <main class="insights">
      <div class="insights-header">
        <ProfileHeader author={author} papers={papers.length} authors={library.authors.length} />
        <AuthorSwitch authors={library.authors} choice={choice} />
        <p class="data-date">
          <a href="/library.html">Follow more authors or import papers</a>
        </p>
        {charts.date && (
          <p class="data-date">
            Data as of <time dateTime={charts.date}>{formatDate(charts.date)}</time> (the newest paper shown).
          </p>
        )}
      </div>
      {openId && !openPaper && (
        <p role="status" class="notice">
          arXiv {openId} is not in your library, so there is no card to open.
        </p>
      )}
      {(!library.derivedReady || pending > 0) && (
        <p role="status" class="notice">
          Novelty, related papers and coauthors are being worked out for the papers just added
          {pending > 0 ? ` (${pending} not shown yet)` : ''}; this page shows them once ready.
        </p>
      )}
      <CategoryLegend categories={charts.perYear.categories} />
      <div class="chart-grid">
        <PapersPerYearChart data={charts.perYear} />
        <NoveltyChart points={charts.novelty} onOpen={open} />
        {charts.network ? (
          <CoauthorNetworkChart network={charts.network} />
        ) : (
          <p class="notice">Choose one author above to see their coauthor network.</p>
        )}
        <CoauthorTable rows={charts.coauthors} />
        <RelatedPapersTable papers={papers} onOpen={open} />
      </div>
      {openPaper && <PaperCard key="card" paper={openPaper} papers={library.papers} onOpen={open} onClose={close} />}
    </main>
  );
}
