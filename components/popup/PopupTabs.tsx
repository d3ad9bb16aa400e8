export type PopupTab = 'papers' | 'reading-list';

interface PopupTabsProps {
  tab: PopupTab;
  select(tab: PopupTab): void;
  /** How many papers the author has, or null while they load. */
  papers: number | null;
  /** How many papers are saved, or null while the list loads. */
  saved: number | null;
}

/** The two tabs, Papers and Reading list, with their counts; ←/→ switch between them. */
export function PopupTabs({ tab, select, papers, saved }: PopupTabsProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const next = tab === 'papers' ? 'reading-list' : 'papers';
    select(next);
    // The tab gets the focus once it is rendered as the selected one.
    requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
  };
  return (
    <div class="tabs" role="tablist" aria-label="Paperlens" onKeyDown={onKeyDown}>
      {(['papers', 'reading-list'] as const).map((id) => (
        <button
          key={id}
          id={`tab-${id}`}
          type="button"
          role="tab"
          aria-selected={tab === id}
          aria-controls={`panel-${id}`}
          tabIndex={tab === id ? 0 : -1}
          onClick={() => select(id)}
        >
          {id === 'papers' ? `Papers (${papers ?? '…'})` : `Reading list (${saved ?? '…'})`}
        </button>
      ))}
    </div>
  );
}
