import type { ReadingListEntry } from '../../lib/reading-list/schema';
import { parseTags } from '../../lib/reading-list/view';
import { useDraft } from './use-draft';

interface TagsFieldProps {
  entry: ReadingListEntry;
  update(id: string, changes: { tags: string[] }): void;
}

/** An entry's tags, comma-separated, saved on Enter or blur and then shown as stored. */
export function TagsField({ entry, update }: TagsFieldProps) {
  const [tags, setTags, field] = useDraft<HTMLInputElement>(entry.tags.join(', '));
  const commit = () => {
    const parsed = parseTags(tags);
    if (parsed.join('\u0000') !== entry.tags.join('\u0000')) update(entry.id, { tags: parsed });
    setTags(parsed.join(', '));
  };
  return (
    <label>
      <span>
        Tags (comma-separated)<span class="visually-hidden"> for {entry.title}</span>
      </span>
      <input
        ref={field}
        type="text"
        value={tags}
        onInput={(event) => setTags(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
    </label>
  );
}
