import { MAX_NOTE_LENGTH, type ReadingListEntry } from '../../lib/reading-list/schema';
import { useNoteDraft } from './use-note-draft';

interface NoteFieldProps {
  entry: ReadingListEntry;
  compact: boolean;
  update(id: string, changes: { note: string }): void;
}

/** An entry's note, saved while typing; near the length limit a counter shows. */
export function NoteField({ entry, compact, update }: NoteFieldProps) {
  const { note, setNote, field, commit } = useNoteDraft(entry, update);
  const counterId = `entry-note-count-${entry.id.replace(/[^\w]/g, '-')}`;
  const nearLimit = note.length > MAX_NOTE_LENGTH * 0.9;
  return (
    <div class="note-field">
      <label>
        <span>
          Note<span class="visually-hidden"> for {entry.title}</span>
        </span>
        <textarea
          ref={field}
          aria-describedby={nearLimit ? counterId : undefined}
          value={note}
          maxLength={MAX_NOTE_LENGTH}
          rows={compact ? 2 : 3}
          onInput={(event) => setNote(event.currentTarget.value)}
          onBlur={commit}
        />
      </label>
      {nearLimit && (
        <small id={counterId} class="note-count">
          {note.length.toLocaleString('en')} / {MAX_NOTE_LENGTH.toLocaleString('en')} characters
        </small>
      )}
    </div>
  );
}
