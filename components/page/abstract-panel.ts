import type { PaperSummary } from '../../lib/message-schemas';
import { abstractPanelAnchor } from '../../lib/scan/arxiv-page';
import { attachStyledShadow } from './styles';
import { panelView } from './views';

export interface AbstractPanel {
  /** The paper the panel shows, or null when there is no panel. */
  paper(): PaperSummary | null;
  /** Puts the panel for `paper` under the abstract page's title (once). */
  show(paper: PaperSummary): void;
  /** Shows `paper`'s new state if the panel is showing that paper. */
  update(paper: PaperSummary): void;
  /** Draws the panel again (the theme changed). */
  redraw(): void;
  remove(): void;
}

interface PanelState {
  host: HTMLElement;
  paper: PaperSummary;
  saving: boolean;
  error: string | null;
}

/** The richer panel on a corpus paper's own arXiv abstract page, with its Save toggle. */
export function createAbstractPanel(
  doc: Document,
  options: { theme(): string; toggleSave(paper: PaperSummary): Promise<PaperSummary> },
): AbstractPanel {
  let panel: PanelState | null = null;

  const onToggleSave = async () => {
    if (!panel || panel.saving) return;
    draw({ ...panel, saving: true, error: null });
    try {
      const updated = await options.toggleSave(panel.paper);
      draw({ ...panel, paper: updated, saving: false });
    } catch (e) {
      draw({ ...panel, saving: false, error: `Could not save: ${e instanceof Error ? e.message : e}` });
    }
  };

  const draw = (state: PanelState) => {
    panel = state;
    state.host.setAttribute('data-theme', options.theme());
    const root = state.host.shadowRoot as ShadowRoot;
    // Redrawing replaces the panel's nodes: keep keyboard focus on Save if it was there.
    const saveHadFocus = doc.activeElement === state.host && root.activeElement?.className === 'save';
    root.replaceChildren(panelView(doc, state, onToggleSave));
    if (saveHadFocus) root.querySelector<HTMLElement>('.save')?.focus();
  };

  return {
    paper: () => panel?.paper ?? null,
    show(paper) {
      const anchor = abstractPanelAnchor(doc);
      if (!anchor || panel) return;
      const host = doc.createElement('paperlens-panel');
      host.setAttribute('data-paperlens-id', paper.id);
      attachStyledShadow(host);
      anchor.after(host);
      draw({ host, paper, saving: false, error: null });
    },
    update(paper) {
      if (panel?.paper.id === paper.id) draw({ ...panel, paper });
    },
    redraw() {
      if (panel) draw(panel);
    },
    remove() {
      panel?.host.remove();
      panel = null;
    },
  };
}
