import type { ReadingListEntry } from '../../lib/reading-list/schema';
import { parseTags } from '../../lib/reading-list/view';
import { type SaveField, useDraft } from './use-draft';

interface TagsFieldProps {
  entry: ReadingListEntry;
  /** Saves tags written as text (comma-separated); tags added elsewhere meanwhile are kept. */
  save: SaveField;
}

/** An entry's tags, comma-separated, saved on Enter or blur and then shown as stored. */
export function TagsField({ entry, save }: TagsFieldProps) {
  const tags = useDraft<HTMLInputElement>(entry.tags.join(', '), save);
  const commit = () => {
    // Written as the store writes tags, so only a real change is saved.
    tags.set(parseTags(tags.value).join(', '));
    tags.commit();
  };
  return (
    <label>
      <span>
        Tags (comma-separated)<span class="visually-hidden"> for {entry.title}</span>
      </span>
      <input
        ref={tags.field}
        type="text"
        aria-invalid={tags.failed}
        value={tags.value}
        onInput={(event) => tags.set(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      {tags.failed && (
        <span class="field-error" role="alert">
          Your tags are not saved yet.{' '}
          <button type="button" class="link-button" onClick={commit}>
            Retry
          </button>
        </span>
      )}
    </label>
  );
}
