import { MAX_NOTE_LENGTH, type ReadingListEntry } from '../../lib/reading-list/schema';
import { NoteConflict } from './NoteConflict';
import type { SaveField } from './use-draft';
import { useNoteDraft } from './use-note-draft';

interface NoteFieldProps {
  entry: ReadingListEntry;
  compact: boolean;
  save: SaveField;
}

/** An entry's note, saved while typing; near the length limit a counter shows; a failed save keeps it, with Retry. */
export function NoteField({ entry, compact, save }: NoteFieldProps) {
  const note = useNoteDraft(entry, save);
  const counterId = `entry-note-count-${entry.id.replace(/[^\w]/g, '-')}`;
  const nearLimit = note.value.length > MAX_NOTE_LENGTH * 0.9;
  return (
    <div class="note-field">
      <label>
        <span>
          Note<span class="visually-hidden"> for {entry.title}</span>
        </span>
        <textarea
          ref={note.field}
          aria-describedby={nearLimit ? counterId : undefined}
          aria-invalid={note.failed || note.conflict !== null}
          value={note.value}
          maxLength={MAX_NOTE_LENGTH}
          rows={compact ? 2 : 3}
          onInput={(event) => note.set(event.currentTarget.value)}
          onBlur={note.commit}
        />
      </label>
      {nearLimit && (
        <small id={counterId} class="note-count">
          {note.value.length.toLocaleString('en')} / {MAX_NOTE_LENGTH.toLocaleString('en')} characters
        </small>
      )}
      {note.failed && (
        <p class="field-error" role="alert">
          Your note is not saved yet; it stays here.{' '}
          <button type="button" class="link-button" onClick={note.commit}>
            Retry
          </button>
        </p>
      )}
      {note.conflict !== null && <NoteConflict mine={note.value} theirs={note.conflict} resolve={note.resolve} />}
    </div>
  );
}
