import type { SkippedEntry } from '../../lib/library/sources/bibtex';

const SHOWN = 3;

/** BibTeX entries left out of the import: how many, and the first few with why. */
export function SkippedEntries({ skipped }: { skipped: readonly SkippedEntry[] }) {
  if (!skipped.length) return null;
  const more = skipped.length - SHOWN;
  return (
    <div class="skipped">
      <p>
        {skipped.length} {skipped.length === 1 ? 'entry was' : 'entries were'} left out:
      </p>
      <ul>
        {skipped.slice(0, SHOWN).map((entry) => (
          <li key={entry.key}>
            {entry.key || '(no key)'}: {entry.reason}
          </li>
        ))}
      </ul>
      {more > 0 && <p>and {more} more.</p>}
    </div>
  );
}
