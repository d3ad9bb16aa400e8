import { plural } from '../../lib/format';

interface ResultCountProps {
  count: number;
  /** The query as typed. */
  query: string;
  /** Any filter narrows the results. */
  filtered: boolean;
  /** The papers are still on their way from the background. */
  loading: boolean;
  clearFilters(): void;
}

/** How many papers match, announced politely; with none, why, and a way out of the filters. */
export function ResultCount({ count, query, filtered, loading, clearFilters }: ResultCountProps) {
  const words = query.trim();
  return (
    <p class="result-count" role="status" aria-live="polite">
      {loading
        ? 'Loading papers…'
        : count === 0
          ? words
            ? `No papers match “${words}”${filtered ? ' with these filters' : ''}.`
            : 'No papers match these filters.'
          : plural(count, 'paper')}
      {count === 0 && filtered && (
        <button type="button" class="link-button" onClick={clearFilters}>
          Clear filters
        </button>
      )}
    </p>
  );
}
