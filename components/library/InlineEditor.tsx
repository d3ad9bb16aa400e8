import { useEffect, useRef, useState } from 'preact/hooks';

interface InlineEditorProps {
  label: string;
  initial: string;
  hint?: string;
  /** Resolves true when saved, which closes the editor. */
  onSave(value: string): Promise<boolean>;
  onCancel(): void;
}

/** A one-line text field with Save and Cancel, opened in place (renaming, name variants). */
export function InlineEditor({ label, initial, hint, onSave, onCancel }: InlineEditorProps) {
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    // Read from the field itself: a click right after typing comes before the next render.
    if (await onSave(input.current?.value ?? initial)) onCancel();
    else setBusy(false);
  };
  return (
    <form class="inline-editor" onSubmit={(event) => void submit(event)}>
      <label>
        {label}
        <input
          ref={input}
          type="text"
          defaultValue={initial}
          onKeyDown={(event) => event.key === 'Escape' && onCancel()}
        />
      </label>
      {hint && <span class="hint">{hint}</span>}
      <button type="submit" disabled={busy} aria-busy={busy ? 'true' : undefined}>
        Save
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
