import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatDate } from '../../lib/format';
import { coauthorNetwork } from '../../lib/insights/coauthor-network';
import { corpusDate } from '../../lib/insights/corpus-date';
import { noveltyPoints } from '../../lib/insights/novelty-points';
import { hashForPaper, paperIdFromHash } from '../../lib/insights/paper-hash';
import { papersPerYearByCategory } from '../../lib/insights/papers-per-year';
import { topCoauthors } from '../../lib/insights/top-coauthors';
import { ProfileHeader } from '../ProfileHeader';
import { useLibrary } from '../use-library';
import { useSettings } from '../use-settings';
import { CategoryLegend } from './CategoryLegend';
import { CoauthorNetworkChart } from './CoauthorNetworkChart';
import { CoauthorTable } from './CoauthorTable';
import { NoveltyChart } from './NoveltyChart';
import { PaperCard } from './PaperCard';
import { PapersPerYearChart } from './PapersPerYearChart';
import { RelatedPapersTable } from './RelatedPapersTable';

/** The insights page: the author's corpus as charts, with `#paper=<id>` opening that paper's card. */
export function InsightsApp() {
  useSettings(); // applies the theme setting (system, light, dark)
  const { library, error } = useLibrary();
  const [openId, setOpenId] = useState<string | null>(() => paperIdFromHash(location.hash));

  useEffect(() => {
    const onHash = (): void => setOpenId(paperIdFromHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const charts = useMemo(
    () =>
      library && {
        perYear: papersPerYearByCategory(library.papers),
        novelty: noveltyPoints(library.papers),
        network: coauthorNetwork(library.papers, library.coauthors, library.author.name),
        coauthors: topCoauthors(library.papers, library.coauthors),
        date: corpusDate(library.papers),
      },
    [library],
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

  return (
    <main class="insights">
      <div class="insights-header">
        <ProfileHeader author={library.author} />
        {charts.date && (
          <p class="data-date">
            Data as of <time dateTime={charts.date}>{formatDate(charts.date)}</time> (the newest paper in the corpus).
          </p>
        )}
      </div>
      {openId && !openPaper && (
        <p role="status" class="notice">
          arXiv {openId} is not one of the author's papers, so there is no card to open.
        </p>
      )}
      <CategoryLegend categories={charts.perYear.categories} />
      <div class="chart-grid">
        <PapersPerYearChart data={charts.perYear} />
        <NoveltyChart points={charts.novelty} onOpen={open} />
        <CoauthorNetworkChart network={charts.network} />
        <CoauthorTable rows={charts.coauthors} />
        <RelatedPapersTable papers={library.papers} onOpen={open} />
      </div>
      {openPaper && <PaperCard key="card" paper={openPaper} papers={library.papers} onOpen={open} onClose={close} />}
    </main>
  );
}
