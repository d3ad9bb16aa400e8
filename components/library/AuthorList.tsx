import { useCallback, useMemo, useRef } from 'preact/hooks';
import type { FollowedAuthor } from '../../lib/library/schema';
import type { LibraryJob } from '../../lib/library/status';
import { drawnRows, type RowPosition, useWindowRows } from '../use-window-rows';
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

/**
 * Past this many authors only the rows in view are drawn: the page redraws the list at every progress report, and
 * 500 rows drawn each time were tasks of 150–250 ms while an import ran. Below it every row is in the page (found
 * with the browser's Find).
 */
export const WINDOWED_FROM = 40;

/** A row's height before it is measured (name, counts, sources, figures, actions). */
const ESTIMATE = 120;

/** The followed authors, one row each. */
export function AuthorList({ authors, counts, jobs, edits, arxiv }: AuthorListProps) {
  const jobsById = useMemo(() => new Map(jobs.map((job) => [job.authorId, job])), [jobs]);
  const list = useRef<HTMLUListElement>(null);
  const getKey = useCallback((index: number) => authors[index]?.id ?? index, [authors]);
  const windowed = authors.length > WINDOWED_FROM;
  const rows = useWindowRows({
    // A short list is drawn whole: the window's scrolling then needs no redraw.
    count: windowed ? authors.length : 0,
    estimate: ESTIMATE,
    getKey,
    list,
  });
  if (!authors.length) {
    return <p class="hint">You follow nobody yet: follow an author on arXiv, or import a file below.</p>;
  }
  const { positions, before, after } = drawnRows(rows);
  const shown: { index: number; position?: RowPosition }[] = windowed
    ? positions.map((position) => ({ index: position.index, position }))
    : authors.map((_, index) => ({ index }));
  return (
    <ul
      ref={list}
      class="author-list"
      style={windowed ? { paddingTop: `${before}px`, paddingBottom: `${after}px` } : undefined}
    >
      {shown.map((drawn) => {
        const author = authors[drawn.index] as FollowedAuthor;
        return (
          <AuthorRow
            key={author.id}
            author={author}
            papers={counts[author.id] ?? 0}
            job={jobsById.get(author.id)}
            edits={edits}
            arxiv={arxiv}
            position={drawn.position}
          />
        );
      })}
    </ul>
  );
}
