import { useMemo } from 'preact/hooks';
import type { FollowedAuthor } from '../../lib/library/schema';
import type { LibraryJob } from '../../lib/library/status';
import { AuthorRow } from './AuthorRow';
import type { ArxivActions } from './arxiv-actions';
import type { AuthorEdits } from './author-edits';

interface AuthorListProps {
  authors: readonly FollowedAuthor[];
  /** Library papers per followed author, by id. */
  counts: Readonly<Record<string, number>>;
  jobs: readonly LibraryJob[];
  edits: AuthorEdits;
  arxiv: ArxivActions;
}

/** The followed authors, one row each. */
export function AuthorList({ authors, counts, jobs, edits, arxiv }: AuthorListProps) {
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
          papers={counts[author.id] ?? 0}
          job={jobsById.get(author.id)}
          edits={edits}
          arxiv={arxiv}
        />
      ))}
    </ul>
  );
}
