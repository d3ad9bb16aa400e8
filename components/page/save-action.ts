import { plainError } from '../../lib/errors';
import type { PaperSummary, ReadingListEntry } from '../../lib/message-schemas';

/** What saving from a page gives back: the paper's new state and, after a remove, the entry removed. */
export interface SaveOutcome {
  paper: PaperSummary;
  removed: ReadingListEntry | null;
}

/** What a card or panel does with its paper: only ever on the user's own click. */
export interface PaperActions {
  /** Saves or removes the paper. */
  toggleSave(paper: PaperSummary): Promise<SaveOutcome>;
  /** Puts back the entry the last remove took, as it was; resolves to the paper's new state. */
  undoRemove(paper: PaperSummary): Promise<PaperSummary>;
}

/** The Save toggle's state on a card or panel. */
export interface SaveState {
  paper: PaperSummary;
  saving: boolean;
  error: string | null;
  /** What the last remove took (note, tags, status), while it can be undone. */
  removed: ReadingListEntry | null;
}

/** Saves or removes the paper, showing progress, then the new state and a remove's Undo, or why it failed. */
export async function toggleFromUi(state: SaveState, actions: PaperActions, draw: () => void): Promise<void> {
  if (state.saving) return;
  const { paper } = state;
  Object.assign(state, { saving: true, error: null, removed: null });
  draw();
  try {
    const outcome = await actions.toggleSave(paper);
    if (state.paper.id === paper.id) Object.assign(state, { paper: outcome.paper, removed: outcome.removed });
  } catch (error) {
    state.error = `Could not ${paper.saved ? 'remove' : 'save'} the paper: ${plainError(error)}`;
  } finally {
    state.saving = false;
    draw();
  }
}

/** Undoes the remove the UI shows, bringing back the note, tags and status it took. */
export async function undoFromUi(state: SaveState, actions: PaperActions, draw: () => void): Promise<void> {
  if (state.saving || !state.removed) return;
  const { paper } = state;
  Object.assign(state, { saving: true, error: null });
  draw();
  try {
    const restored = await actions.undoRemove(paper);
    if (state.paper.id === paper.id) Object.assign(state, { paper: restored, removed: null });
  } catch (error) {
    state.error = `Could not put the paper back: ${plainError(error)}`;
  } finally {
    state.saving = false;
    draw();
  }
}
