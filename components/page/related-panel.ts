import { plainError } from '../../lib/errors';
import { percent } from '../../lib/format';
import type { RelatePaperResponse } from '../../lib/message-schemas';
import { abstractPanelAnchor } from '../../lib/scan/arxiv-page';
import { el, redraw } from './dom';
import { createHost } from './hosts';
import { followedView, similarPapersRow } from './views';

/** Below this similarity to every library paper, a paper is "nothing like" the papers followed. */
export const NOTHING_LIKE_IT = 0.1;

/** The page's paper, not in the library, and the Save toggle's state. */
export interface RelatedState {
  id: string;
  title: string;
  related: RelatePaperResponse;
  saved: boolean;
  saving: boolean;
  error: string | null;
}

/** What the panel's Save toggle does: saves or removes the page's paper; resolves to whether it is saved. */
export type ToggleSave = (state: RelatedState) => Promise<boolean>;

/** "Nothing like it among the papers you follow", or how close its closest library paper is. */
export function relatedNovelty({ novelty, closest }: RelatePaperResponse): string {
  const similarity = novelty.similarity ?? 0;
  const nearest = closest.find((paper) => paper.id === novelty.closestId);
  if (similarity < NOTHING_LIKE_IT || !nearest) return 'Nothing like it among the papers you follow.';
  return `Novelty ${percent(1 - similarity)}: ${percent(similarity)} similar to “${nearest.title}”.`;
}

/** The compact panel on the abstract page of a paper not in the library: who you follow on it, what is like it. */
export function relatedView(doc: Document, state: RelatedState, toggleSave: () => void): HTMLElement {
  const { related } = state;
  const titleId = 'paperlens-related-title';
  return el(
    doc,
    'section',
    { class: 'panel', 'aria-labelledby': titleId },
    el(doc, 'p', { class: 'sub' }, el(doc, 'strong', {}, 'Paperlens'), ' · not in your library'),
    el(doc, 'h2', { id: titleId }, 'How this paper relates to the people you follow'),
    followedView(doc, related.followed),
    el(doc, 'p', { class: 'row novelty' }, relatedNovelty(related)),
    similarPapersRow(doc, 'Closest papers in your library', related.closest),
    el(
      doc,
      'div',
      { class: 'actions' },
      el(
        doc,
        'button',
        {
          type: 'button',
          class: 'save',
          'aria-pressed': String(state.saved),
          'aria-busy': state.saving ? 'true' : false,
          onclick: toggleSave,
        },
        state.saved ? 'Saved' : 'Save',
      ),
    ),
    state.error && el(doc, 'p', { class: 'error', role: 'alert' }, state.error),
  );
}

export interface RelatedPanel {
  show(state: Omit<RelatedState, 'saving' | 'error'>): void;
  /** The paper the panel shows, or null. */
  shown(): { id: string; title: string } | null;
  /** The paper's saved state changed elsewhere. */
  setSaved(id: string, saved: boolean): void;
  redraw(): void;
  remove(): void;
}

/**
 * The relatedness panel under an abstract page's title, in a host carrying
 * `data-paperlens-related="<id>,<id>,<id>"` (its closest library papers, best first).
 */
export function createRelatedPanel(doc: Document, options: { theme(): string; toggleSave: ToggleSave }): RelatedPanel {
  let panel: { host: HTMLElement; state: RelatedState } | null = null;
  const draw = () => {
    if (!panel) return;
    const { host, state } = panel;
    host.setAttribute('data-theme', options.theme());
    redraw(
      host,
      relatedView(doc, state, () => void toggle(state)),
    );
  };
  const toggle = async (state: RelatedState) => {
    if (state.saving) return;
    Object.assign(state, { saving: true, error: null });
    draw();
    try {
      state.saved = await options.toggleSave(state);
    } catch (error) {
      state.error = `Could not ${state.saved ? 'remove' : 'save'} the paper: ${plainError(error)}`;
    } finally {
      state.saving = false;
      draw();
    }
  };
  return {
    show(shown) {
      const anchor = abstractPanelAnchor(doc);
      if (!anchor || panel) return;
      const host = createHost(doc, 'panel');
      host.setAttribute('data-paperlens-id', shown.id);
      host.setAttribute('data-paperlens-related', shown.related.closest.map((paper) => paper.id).join(','));
      anchor.after(host);
      panel = { host, state: { ...shown, saving: false, error: null } };
      draw();
    },
    shown: () => panel && { id: panel.state.id, title: panel.state.title },
    setSaved(id, saved) {
      if (panel?.state.id !== id || panel.state.saved === saved) return;
      panel.state.saved = saved;
      draw();
    },
    redraw: draw,
    remove() {
      panel?.host.remove();
      panel = null;
    },
  };
}
