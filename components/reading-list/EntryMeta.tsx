import { formatDate } from '../../lib/format';
import type { LibraryPaper as Paper } from '../../lib/library/schema';
import type { ReadingListEntry } from '../../lib/reading-list/schema';
import { CategoryChip } from '../CategoryChip';

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url.slice(0, 40);
  }
}

/** An entry's facts: category (for papers in the corpus), id, saved date, the site it came from, tags. */
export function EntryMeta({ entry, paper }: { entry: ReadingListEntry; paper: Paper | undefined }) {
  return (
    <div class="entry-meta">
      {paper && <CategoryChip code={paper.category} name={paper.categoryName} />}
      <span>arXiv:{entry.id}</span>
      <span>
        saved <time dateTime={entry.savedAt}>{formatDate(entry.savedAt)}</time>
      </span>
      {!entry.inCorpus && entry.source?.url && (
        <span class="entry-source" title={entry.source.url}>
          from {hostOf(entry.source.url)}
        </span>
      )}
      {entry.tags.map((tag) => (
        <span key={tag} class="tag">
          #{tag}
        </span>
      ))}
    </div>
  );
}
