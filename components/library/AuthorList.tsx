import { useMemo } from 'preact/hooks';
import type { FollowedAuthor, LibraryPaper } from '../../lib/library/schema';
import type { LibraryJob } from '../../lib/library/status';
import { AuthorRow } from './AuthorRow';
import type { ArxivActions } from './arxiv-actions';
import type { AuthorEdits } from './author-edits';

interface AuthorListProps {
  authors: readonly FollowedAuthor[];
  papers: readonly LibraryPaper[];
  jobs: readonly LibraryJob[];
  edits: AuthorEdits;
  arxiv: ArxivActions;
}

/** How many library papers name each followed author. */
function paperCounts(papers: readonly LibraryPaper[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const paper of papers) for (const id of paper.followedAuthorIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** The followed authors, one row each. */
export function AuthorList({ authors, papers, jobs, edits, arxiv }: AuthorListProps) {
  const counts = useMemo(() => paperCounts(papers), [papers]);
  const jobsById = useMemo(() => new Map(jobs.map((job) => [job.authorId, job])), [jobs]);
  if (!authors.length) {
    return <p class="hint">You follow nobody yet: follow an author on arXiv, or import a file below.</p>;
  }
  return (
    <ul class="author-list">
      {authors.map((author) => (
        <AuthorRow
          key={author.id}
          author={author}
          papers={counts.get(author.id) ?? 0}
          job={jobsById.get(author.id)}
          edits={edits}
          arxiv={arxiv}
        />
      ))}
    </ul>
  );
}
