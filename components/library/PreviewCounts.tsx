import { plural } from '../../lib/format';
import type { LibraryPreview } from '../../lib/library/write';
import type { StagedFile } from './import-request';

function countsLine(preview: LibraryPreview, source: string): string {
  const { papers, added, updated, unchanged } = preview;
  return `${plural(papers, 'paper')} in “${source}”: ${added} new, ${updated} updated, ${unchanged} unchanged`;
}

function noFollowedLine(count: number): string {
  return `${count} ${count === 1 ? 'names' : 'name'} no author you follow (they are badged all the same).`;
}

type AuthorCount = LibraryPreview['byAuthor'][number];

/** Authors listed before the rest fold away: a snapshot naming 500 followed authors drew 500 lines (~50 ms). */
const SHOWN_AUTHORS = 8;

const byPapers = (a: AuthorCount, b: AuthorCount) => b.papers - a.papers || a.name.localeCompare(b.name, 'en');

function AuthorLines({ rows }: { rows: readonly AuthorCount[] }) {
  return (
    <ul class="preview-authors">
      {rows.map((row) => (
        <li key={row.id ?? row.name}>
          {row.name}
          {row.id === null && ' (followed by this import)'}: {plural(row.papers, 'paper')}
        </li>
      ))}
    </ul>
  );
}

/** Whose the papers are, most papers first; past a few, the rest in a closed disclosure (not laid out until opened). */
function AuthorCounts({ rows }: { rows: readonly AuthorCount[] }) {
  if (rows.length === 0) return null;
  const ranked = [...rows].sort(byPapers);
  const rest = ranked.slice(SHOWN_AUTHORS);
  return (
    <>
      <AuthorLines rows={ranked.slice(0, SHOWN_AUTHORS)} />
      {rest.length > 0 && (
        <details class="preview-more-authors">
          <summary>{plural(rest.length, 'more author')}</summary>
          <AuthorLines rows={rest} />
        </details>
      )}
    </>
  );
}

/** What an import would do: papers new, updated and unchanged, and whose they are. */
export function PreviewCounts({ preview, staged }: { preview: LibraryPreview; staged: StagedFile }) {
  return (
    <>
      <p class="preview-counts">{countsLine(preview, staged.source)}</p>
      {staged.follow && <p>Follows {staged.follow.name} (from the profile).</p>}
      {staged.restoreAuthors && (
        <p>
          Restores {plural(staged.restoreAuthors.length, 'followed author')} as the file has them
          {staged.restoreAuthors.length > 0 && `: ${staged.restoreAuthors.map((a) => a.name).join(', ')}`}.
        </p>
      )}
      <AuthorCounts rows={preview.byAuthor} />
      {preview.noFollowed > 0 && <p>{noFollowedLine(preview.noFollowed)}</p>}
    </>
  );
}
