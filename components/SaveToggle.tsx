/**
 * The Save / Saved toggle. Its accessible name starts with the visible word and
 * names the paper ("Save Scaling Laws for…"); `aria-pressed` tells the state.
 */
export function SaveToggle({
  saved,
  title,
  busy = false,
  onToggle,
}: {
  saved: boolean;
  title: string;
  busy?: boolean;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      class={saved ? 'save-toggle saved' : 'save-toggle'}
      aria-pressed={saved}
      aria-busy={busy}
      onClick={(event) => {
        event.stopPropagation();
        onToggle();
      }}
    >
      <span aria-hidden="true" class="save-icon">
        {saved ? '★' : '☆'}
      </span>{' '}
      {saved ? 'Saved' : 'Save'}
      <span class="visually-hidden"> {title}</span>
    </button>
  );
}
