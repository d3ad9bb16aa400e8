interface NoteConflictProps {
  mine: string;
  theirs: string;
  /** Keeps `value` as the note, or (null) the other tab's. */
  resolve(value: string | null): void;
}

/** Both versions of a note changed in two places at once, and the user's choice of what to keep. */
export function NoteConflict({ mine, theirs, resolve }: NoteConflictProps) {
  return (
    <div class="note-conflict" role="alert">
      <p>This note was changed in another tab or window while you were editing it here. Which should stay?</p>
      <figure>
        <figcaption>The other version</figcaption>
        <blockquote>{theirs || '(empty)'}</blockquote>
      </figure>
      <div class="note-conflict-actions">
        <button type="button" onClick={() => resolve(`${theirs.trimEnd()}\n\n${mine.trim()}`.trim())}>
          Keep both
        </button>
        <button type="button" onClick={() => resolve(mine)}>
          Keep mine
        </button>
        <button type="button" onClick={() => resolve(null)}>
          Keep the other
        </button>
      </div>
    </div>
  );
}
