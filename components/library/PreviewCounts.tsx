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
      {preview.byAuthor.length > 0 && (
        <ul class="preview-authors">
          {preview.byAuthor.map((row) => (
            <li key={row.id ?? row.name}>
              {row.name}
              {row.id === null && ' (followed by this import)'}: {plural(row.papers, 'paper')}
            </li>
          ))}
        </ul>
      )}
      {preview.noFollowed > 0 && <p>{noFollowedLine(preview.noFollowed)}</p>}
    </>
  );
}
