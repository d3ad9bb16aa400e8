import { useEffect, useState } from 'preact/hooks';
import type { Paper } from '../../lib/corpus/schema';
import { formatDate } from '../../lib/format';
import type { ReadingListEntry, ReadingStatus } from '../../lib/reading-list/schema';
import { parseTags, STATUS_LABELS, STATUSES } from '../../lib/reading-list/view';
import { CategoryChip } from '../CategoryChip';

export const NOTE_LIMIT = 20_000;

export interface EntryRowProps {
  entry: ReadingListEntry;
  paper: Paper | undefined;
  compact: boolean;
  update(id: string, changes: { status?: ReadingStatus; note?: string; tags?: string[] }): void;
  remove(id: string): void;
}

/** One saved paper: title, saved date, status, note and tags, remove. */
export function EntryRow({ entry, paper, compact, update, remove }: EntryRowProps) {
  const [note, setNote] = useState(entry.note);
  const [tags, setTags] = useState(entry.tags.join(', '));
  // A change made elsewhere (another tab, an import) replaces what is shown, unless being edited.
  useEffect(() => setNote(entry.note), [entry.note]);
  useEffect(() => setTags(entry.tags.join(', ')), [entry.tags.join('\u0000')]);
  const titleId = `entry-title-${entry.id.replace(/[^\w]/g, '-')}`;
  const commitNote = () => {
    if (note !== entry.note) update(entry.id, { note: note.slice(0, NOTE_LIMIT) });
  };
  const commitTags = () => {
    const parsed = parseTags(tags);
    if (parsed.join('\u0000') !== entry.tags.join('\u0000')) update(entry.id, { tags: parsed });
    setTags(parsed.join(', '));
  };
  const editor = (
    <div class="entry-edit">
      <label>
        <span>Note</span>
        <textarea
          value={note}
          maxLength={NOTE_LIMIT}
          rows={compact ? 2 : 3}
          onInput={(event) => setNote(event.currentTarget.value)}
          onBlur={commitNote}
        />
        {note.length > NOTE_LIMIT * 0.9 && (
          <small>
            {note.length.toLocaleString('en')} / {NOTE_LIMIT.toLocaleString('en')} characters
          </small>
        )}
      </label>
      <label>
        <span>Tags (comma-separated)</span>
        <input
          type="text"
          value={tags}
          onInput={(event) => setTags(event.currentTarget.value)}
          onBlur={commitTags}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commitTags();
          }}
        />
      </label>
    </div>
  );
  return (
    <li class="entry" data-paperlens-id={entry.id} aria-labelledby={titleId}>
      <div class="entry-main">
        <a id={titleId} class="entry-title" href={`https://arxiv.org/abs/${entry.id}`} target="_blank" rel="noreferrer">
          {entry.title}
        </a>
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
      </div>
      <div class="entry-actions">
        <label>
          <span class="visually-hidden">Status of {entry.title}</span>
          <select
            value={entry.status}
            onChange={(event) => update(entry.id, { status: event.currentTarget.value as ReadingStatus })}
          >
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
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

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url.slice(0, 40);
  }
}
