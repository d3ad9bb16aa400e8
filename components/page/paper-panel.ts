import type { PaperSummary } from '../../lib/message-schemas';
import { paperPagePanelAnchor } from '../../lib/scan/paper-page';
import { redraw } from './dom';
import { createHost } from './hosts';
import { type PaperActions, type SaveState, toggleFromUi, undoFromUi } from './save-action';
import { panelView } from './views';

export interface PaperPanel {
  /** The paper the panel shows, or null when there is no panel. */
  paper(): PaperSummary | null;
  /** Puts the panel for `paper` under the page's title (once). */
  show(paper: PaperSummary): void;
  /** Shows `paper`'s new state if the panel is showing that paper. */
  update(paper: PaperSummary): void;
  /** Draws the panel again (the theme changed). */
  redraw(): void;
  remove(): void;
}

/** The richer panel on a library paper's own page (arXiv abstract or HTML, a paper page elsewhere), with its Save toggle. */
export function createPaperPanel(doc: Document, options: PaperActions & { theme(): string }): PaperPanel {
  let panel: { host: HTMLElement; ui: SaveState } | null = null;

  const draw = () => {
    if (!panel) return;
    const { host, ui } = panel;
    host.setAttribute('data-theme', options.theme());
    redraw(
      host,
      panelView(doc, ui, {
        toggleSave: () => void toggleFromUi(ui, options, draw),
        undo: () => void undoFromUi(ui, options, draw),
      }),
    );
  };

  return {
    paper: () => panel?.ui.paper ?? null,
    show(paper) {
      const anchor = paperPagePanelAnchor(doc);
      if (!anchor || panel) return;
      const host = createHost(doc, 'panel');
      host.setAttribute('data-paperlens-id', paper.id);
      anchor.after(host);
      panel = { host, ui: { paper, saving: false, error: null, removed: null } };
      draw();
    },
    update(paper) {
      if (panel?.ui.paper.id !== paper.id) return;
      panel.ui.paper = paper;
      if (paper.saved) panel.ui.removed = null;
      draw();
    },
    redraw: draw,
    remove() {
      panel?.host.remove();
      panel = null;
    },
  };
}
