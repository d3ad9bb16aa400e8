import type { LibraryPaper as Paper } from '../../lib/library/schema';
import { abstractUrl } from '../../lib/links/arxiv-id';
import type { UpdateOutcome } from '../../lib/message-schemas';
import type { ReadingListEntry } from '../../lib/reading-list/schema';
import type { EntryBase, EntryChanges } from '../../lib/reading-list/store';
import { parseTags } from '../../lib/reading-list/view';
import type { RowPosition } from '../use-window-rows';
import { EntryMeta } from './EntryMeta';
import { NoteField } from './NoteField';
import { StatusSelect } from './StatusSelect';
import { TagsField } from './TagsField';

export interface EntryRowProps {
  entry: ReadingListEntry;
  paper: Paper | undefined;
  compact: boolean;
  /** Changes an entry; `base` is what an editing field started from. Resolves to what was stored, or null. */
  update(id: string, changes: EntryChanges, base?: EntryBase): Promise<UpdateOutcome | null>;
  remove(id: string): void;
  /** Where the row stands in a list that draws only some of its rows, and how its height is measured. */
  position?: RowPosition;
}

/** One saved paper: title, saved date, status, note and tags, remove. */
export function EntryRow({ entry, paper, compact, update, remove, position }: EntryRowProps) {
  const titleId = `entry-title-${entry.id.replace(/[^\w]/g, '-')}`;
  const editor = (
    <div class="entry-edit">
      <NoteField entry={entry} compact={compact} save={(note, base) => update(entry.id, { note }, { note: base })} />
      <TagsField
        entry={entry}
        save={(tags, base) => update(entry.id, { tags: parseTags(tags) }, { tags: parseTags(base) })}
      />
    </div>
  );
  return (
    <li
      class="entry"
      data-paperlens-id={entry.id}
      aria-labelledby={titleId}
      ref={position?.measure}
      data-index={position?.index}
      aria-posinset={position && position.index + 1}
      aria-setsize={position?.of}
      style={position?.gap ? { marginTop: `${position.gap}px` } : undefined}
    >
      <div class="entry-main">
        <a id={titleId} class="entry-title" href={abstractUrl(entry.id)} target="_blank" rel="noreferrer">
          {entry.title}
        </a>
        <EntryMeta entry={entry} paper={paper} />
      </div>
      <div class="entry-actions">
        <StatusSelect value={entry.status} onChange={(status) => void update(entry.id, { status })}>
          <span class="visually-hidden">Status of {entry.title}</span>
        </StatusSelect>
        <button type="button" class="remove" onClick={() => remove(entry.id)}>
          Remove<span class="visually-hidden"> {entry.title}</span>
        </button>
      </div>
      {compact ? (
        <details class="entry-details">
          <summary>
            Note and tags<span class="visually-hidden"> for {entry.title}</span>
          </summary>
          {editor}
        </details>
      ) : (
        editor
      )}
    </li>
  );
}
