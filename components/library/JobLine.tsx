import { plural } from '../../lib/format';
import type { LibraryJob } from '../../lib/library/status';

interface JobLineProps {
  job: LibraryJob;
  /** Fetches the author again (after a failure). */
  onRetry(): void;
}

function progressText(job: LibraryJob): string {
  if (job.state === 'queued') return `Waiting to fetch from arXiv (${job.query})…`;
  if (job.state === 'done') return `Fetched from arXiv: ${plural(job.fetched, 'paper')}, ${job.added} new.`;
  if (job.total === null) return `Fetching from arXiv: ${plural(job.fetched, 'paper')} so far`;
  return `Fetching from arXiv: ${job.fetched.toLocaleString('en')} of ${plural(job.total, 'paper')}`;
}

/** One "Follow on arXiv" or "Refresh now" as it goes: progress, or why it failed with a Retry. */
export function JobLine({ job, onRetry }: JobLineProps) {
  if (job.state === 'failed') {
    return (
      <p class="job failed">
        Fetching {job.name} from arXiv failed: {job.error ?? 'no reason given'}{' '}
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      </p>
    );
  }
  return (
    <p class="job">
      {progressText(job)}
      {job.state === 'running' && job.total !== null && (
        <progress max={Math.max(job.total, 1)} value={job.fetched} aria-label={`Fetching ${job.name} from arXiv`} />
      )}
    </p>
  );
}
