import { useState } from 'preact/hooks';
import type { LibraryJob } from '../../lib/library/status';
import { AutoRefresh } from './AutoRefresh';
import type { ArxivActions } from './arxiv-actions';
import { JobLine } from './JobLine';

interface FollowOnArxivProps {
  arxiv: ArxivActions;
  /** Jobs of authors not (yet) in the list: one just followed, say. */
  jobs: readonly LibraryJob[];
}

/** "Follow on arXiv" by name or `au:` query, and "Refresh all". */
export function FollowOnArxiv({ arxiv, jobs }: FollowOnArxivProps) {
  const [query, setQuery] = useState('');
  const follow = async (event: Event) => {
    event.preventDefault();
    const text = query.trim();
    if (text && (await arxiv.follow(text))) setQuery('');
  };
  return (
    <section class="library-section" aria-labelledby="follow-heading">
      <h2 id="follow-heading">Follow on arXiv</h2>
      <form class="follow-form" onSubmit={(event) => void follow(event)}>
        <label>
          Name or arXiv author query
          <input
            type="text"
            value={query}
            placeholder="Maciej Pióro or au:Pioro_M"
            maxLength={300}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={!query.trim()}>
          Follow on arXiv
        </button>
        <button type="button" onClick={() => void arxiv.refresh(null)}>
          Refresh all
        </button>
      </form>
      <p class="hint">
        Paperlens asks your permission to reach export.arxiv.org, then fetches at most one page every 3 seconds.
      </p>
      <AutoRefresh />
      {jobs.map((job) => (
        <JobLine key={job.authorId} job={job} onRetry={() => void arxiv.refresh([job.authorId])} />
      ))}
    </section>
  );
}
