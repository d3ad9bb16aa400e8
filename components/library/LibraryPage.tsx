import { useSettings } from '../use-settings';
import { AuthorList } from './AuthorList';
import { arxivActions } from './arxiv-actions';
import { authorEdits } from './author-edits';
import { ExportLibrary } from './ExportLibrary';
import { FollowOnArxiv } from './FollowOnArxiv';
import { ImportSection } from './ImportSection';
import { LibraryHeader } from './LibraryHeader';
import { LibraryNotices } from './LibraryNotices';
import { useFileImport } from './use-file-import';
import { useLiveLibrary } from './use-live-library';
import { useNotices } from './use-notice';

/** `library.html`: the followed authors, following on arXiv, importing files, exporting the library. */
export function LibraryPage() {
  useSettings(); // applies the theme setting (system, light, dark)
  const { library, error, status, reload } = useLiveLibrary();
  const notices = useNotices();
  const authors = library?.authors ?? [];
  const fileImport = useFileImport(authors, notices, reload);
  const arxiv = arxivActions(notices, reload);
  const edits = authorEdits(notices, reload);
  const jobs = status?.jobs ?? [];
  const orphanJobs = jobs.filter((job) => !authors.some((author) => author.id === job.authorId));

  if (!library) {
    if (error) return <p role="alert">Paperlens could not load the library: {error} Reload the page to try again.</p>;
    return <p aria-busy="true">Loading the library…</p>;
  }
  return (
    <main class="page library">
      <LibraryHeader papers={library.papers} authors={library.authors.length} />
      <LibraryNotices notices={notices} />
      {error && (
        <p class="notice error" role="alert">
          Paperlens could not read the library again: {error} What is shown may be out of date.
        </p>
      )}
      {!library.derivedReady && (
        <p class="notice" role="status">
          Working out novelty and coauthors…
        </p>
      )}
      <section class="library-section" aria-labelledby="authors-heading">
        <h2 id="authors-heading">Followed authors</h2>
        <AuthorList authors={library.authors} counts={library.paperCounts} jobs={jobs} edits={edits} arxiv={arxiv} />
      </section>
      <FollowOnArxiv arxiv={arxiv} jobs={orphanJobs} />
      <ImportSection fileImport={fileImport} />
      <ExportLibrary notices={notices} />
    </main>
  );
}
