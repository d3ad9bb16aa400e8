import { useState } from 'preact/hooks';
import { LIBRARY_FILE_ACCEPT } from '../../lib/library/file-import';

interface DropZoneProps {
  disabled: boolean;
  onFile(file: File): void;
}

/** Where a file is dropped or chosen. */
export function DropZone({ disabled, onFile }: DropZoneProps) {
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer?.files[0];
    if (file && !disabled) onFile(file);
  };
  const choose = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared, so choosing the same file again (after fixing it) reads it again.
    input.value = '';
    if (file) onFile(file);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is for the mouse; the file input inside is the keyboard's way.
    <div
      class={over ? 'drop-zone over' : 'drop-zone'}
      onDragOver={(event) => {
        // Without preventDefault the browser opens the dropped file instead.
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p>Drop a file here, or</p>
      <label class="file-button">
        Choose a file
        <input type="file" accept={LIBRARY_FILE_ACCEPT} disabled={disabled} onChange={choose} />
      </label>
      <p class="hint">
        An arXiv Atom feed (.xml), the arXiv metadata snapshot (.jsonl, read as it streams, any size), BibTeX (.bib), a
        ScholarFeed profile (.txt) or a Paperlens library file (.json). Nothing is written until you press Import.
      </p>
    </div>
  );
}
