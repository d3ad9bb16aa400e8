import { useEffect, useRef, useState } from 'preact/hooks';
import type { Paper } from '../../lib/corpus/schema';
import { formatDate } from '../../lib/format';
import { abstractUrl } from '../../lib/links/arxiv-id';
import {
  MAX_NOTE_LENGTH as NOTE_LIMIT,
  type ReadingListEntry,
  type ReadingStatus,
} from '../../lib/reading-list/schema';
import { parseTags, STATUS_LABELS, STATUSES } from '../../lib/reading-list/view';
import { CategoryChip } from '../CategoryChip';

/** A note is saved this long after the last keystroke (and at once on blur or when the page goes away). */
export const NOTE_SAVE_DELAY_MS = 600;

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
  const noteField = useRef<HTMLTextAreaElement>(null);
  const tagsField = useRef<HTMLInputElement>(null);
  // A change made elsewhere (another tab, an import, a failed save rolled back) replaces what is
  // shown, except in the field being edited: what the user is typing is never thrown away.
  useEffect(() => {
    if (document.activeElement !== noteField.current) setNote(entry.note);
  }, [entry.note]);
  useEffect(() => {
    if (document.activeElement !== tagsField.current) setTags(entry.tags.join(', '));
  }, [entry.tags.join('\u0000')]);
  const titleId = `entry-title-${entry.id.replace(/[^\w]/g, '-')}`;
  const counterId = `entry-note-count-${entry.id.replace(/[^\w]/g, '-')}`;
  // The latest draft and stored note, for saving from timers and page-exit handlers.
  const latest = useRef({ note, stored: entry.note });
  latest.current = { note, stored: entry.note };
  const commitNote = () => {
    const { note: draft, stored } = latest.current;
    if (draft !== stored) update(entry.id, { note: draft.slice(0, NOTE_LIMIT) });
  };
  // Save while typing (after a pause), and before the popup or page goes away: no blur comes then.
  useEffect(() => {
    if (note === entry.note) return;
    const timer = setTimeout(commitNote, NOTE_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [note]);
  useEffect(() => {
    const flush = () => commitNote();
    addEventListener('pagehide', flush);
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      flush();
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, []);
  const commitTags = () => {
    const parsed = parseTags(tags);
    if (parsed.join('\u0000') !== entry.tags.join('\u0000')) update(entry.id, { tags: parsed });
    setTags(parsed.join(', '));
  };
  const editor = (
    <div class="entry-edit">
      <div class="note-field">
        <label>
          <span>
            Note<span class="visually-hidden"> for {entry.title}</span>
          </span>
          <textarea
            ref={noteField}
            aria-describedby={note.length > NOTE_LIMIT * 0.9 ? counterId : undefined}
            value={note}
            maxLength={NOTE_LIMIT}
            rows={compact ? 2 : 3}
            onInput={(event) => setNote(event.currentTarget.value)}
            onBlur={commitNote}
          />
        </label>
        {note.length > NOTE_LIMIT * 0.9 && (
          <small id={counterId} class="note-count">
            {note.length.toLocaleString('en')} / {NOTE_LIMIT.toLocaleString('en')} characters
          </small>
        )}
      </div>
      <label>
        <span>
          Tags (comma-separated)<span class="visually-hidden"> for {entry.title}</span>
        </span>
        <input
          ref={tagsField}
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
        <a id={titleId} class="entry-title" href={abstractUrl(entry.id)} target="_blank" rel="noreferrer">
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
