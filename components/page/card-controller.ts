import type { PaperSummary } from '../../lib/message-schemas';
import { redraw } from './dom';
import { createHost } from './hosts';
import { type PaperActions, type SaveState, toggleFromUi, undoFromUi } from './save-action';
import { hostStyle } from './styles';
import { type CardHandlers, cardView } from './views';

const HOVER_OPEN_MS = 350;
const HOVER_CLOSE_MS = 250;
const GAP = 6;
const MARGIN = 8;

export interface CardOptions extends PaperActions {
  /** Opens the insights page at this paper (absent: no Insights button). */
  openInsights?: ((paper: PaperSummary) => void) | undefined;
  theme(): string;
}

export interface CardController {
  /** Opens the card for `paper` next to `button`; `focus` moves keyboard focus into it. */
  open(paper: PaperSummary, button: HTMLElement, focus: boolean): void;
  hoverStart(paper: PaperSummary, button: HTMLElement): void;
  hoverEnd(): void;
  close(restoreFocus: boolean): void;
  /** Closes the card if it belongs to a badge that is going away. */
  forget(button: HTMLElement): void;
  /** Shows `paper`'s new state (saved elsewhere, say) if the card is showing that paper. */
  update(paper: PaperSummary): void;
  refreshTheme(): void;
}

/** Where the card goes: under its badge (or above, if there is no room), kept inside the viewport. */
function cardPosition(anchor: DOMRect, card: { width: number; height: number }, view: Window) {
  const maxLeft = view.innerWidth - card.width - MARGIN;
  const left = Math.max(MARGIN, Math.min(anchor.left, maxLeft));
  const below = anchor.bottom + GAP;
  const above = anchor.top - GAP - card.height;
  const top =
    below + card.height <= view.innerHeight - MARGIN
      ? below
      : above >= MARGIN
        ? above
        : Math.max(MARGIN, view.innerHeight - card.height - MARGIN);
  return { left: `${Math.round(left)}px`, top: `${Math.round(top)}px` };
}

/** The badge a card belongs to; its shadow root outlives its button, which a redraw (after a save) replaces. */
interface CardTarget {
  button: HTMLElement;
  root: Node;
}

/** The open card: its badge, its paper and its Save toggle's state. */
interface CardState {
  current: (CardTarget & { ui: SaveState }) | null;
}

const fresh = (paper: PaperSummary): SaveState => ({ paper, saving: false, error: null, removed: null });

/** The open card's badge button, found again in its shadow root if a redraw replaced it. */
function badgeButton(state: CardState): HTMLElement | null {
  const { current } = state;
  if (!current) return null;
  if (current.button.isConnected) return current.button;
  const button = current.root instanceof ShadowRoot ? current.root.querySelector('button') : null;
  if (button) state.current = { ...current, button };
  return button;
}

/** The card's host: one fixed-position element at the end of the document, with its shadow root. */
function createCardHost(doc: Document): HTMLElement {
  const host = createHost(doc, 'card');
  doc.documentElement.append(host);
  return host;
}

/** Moves the open card next to its badge. */
function placeCard(host: HTMLElement | null, state: CardState, view: Window): void {
  const card = host?.shadowRoot?.firstElementChild;
  if (!host || !state.current || !card) return;
  const anchor = (badgeButton(state) ?? state.current.button).getBoundingClientRect();
  hostStyle(host, cardPosition(anchor, card.getBoundingClientRect(), view));
}

/** Draws the card of `state.current` into `host`'s shadow root, keeping keyboard focus where it was. */
function renderCard(host: HTMLElement, state: CardState, theme: string, handlers: CardHandlers): void {
  const { current } = state;
  if (!current) return;
  const doc = host.ownerDocument;
  host.setAttribute('data-theme', theme);
  host.setAttribute('data-paperlens-id', current.ui.paper.id);
  redraw(host, cardView(doc, current.ui, handlers));
}

/**
 * While a card is open: a pointer down outside it (and its badge) closes it, and it follows scrolling and
 * resizing. Returns the switch that starts and stops watching.
 */
function watchWhileOpen(
  doc: Document,
  view: Window,
  on: { outside(path: EventTarget[]): boolean; close(): void; place(): void },
): (watching: boolean) => void {
  const onPointer = (event: Event) => {
    if (event.isTrusted && on.outside(event.composedPath())) on.close();
  };
  return (watching) => {
    const method = watching ? 'addEventListener' : 'removeEventListener';
    doc[method]('pointerdown', onPointer, true);
    view[method]('resize', on.place);
    view[method]('scroll', on.place, true);
  };
}

/** What the card's buttons and hovering do. */
function cardActions(
  ui: SaveState,
  options: CardOptions,
  draw: () => void,
  controller: CardController,
  keepOpen: () => void,
): CardHandlers {
  return {
    toggleSave: () => void toggleFromUi(ui, options, draw),
    undo: () => void undoFromUi(ui, options, draw),
    openInsights: options.openInsights && (() => options.openInsights?.(ui.paper)),
    close: () => controller.close(true),
    hoverStart: keepOpen,
    hoverEnd: () => controller.hoverEnd(),
  };
}

/**
 * The one card of a page: a fixed-position host at the end of the document
 * whose shadow root renders the card view (`cardView`), placed under (or
 * above) its badge and kept inside the viewport.
 */
export function createCardController(doc: Document, options: CardOptions): CardController {
  const state: CardState = { current: null };
  let host: HTMLElement | null = null;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  const view = doc.defaultView ?? window;

  const place = () => placeCard(host, state, view);
  const draw = () => {
    if (!state.current) return;
    if (!host?.isConnected) host = createCardHost(doc);
    renderCard(
      host,
      state,
      options.theme(),
      cardActions(state.current.ui, options, draw, controller, () => clearTimeout(closeTimer)),
    );
    place();
  };
  const listen = watchWhileOpen(doc, view, {
    outside: (path) => Boolean(state.current && host && !path.includes(host) && !path.includes(state.current.root)),
    close: () => controller.close(false),
    place,
  });
  const stopTimers = () => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
  };

  const controller: CardController = {
    open(paper, button, focus) {
      stopTimers();
      const root = button.getRootNode();
      // The same badge again keeps its card's state (a save under way, an error, a remove's Undo), the very
      // object a save in flight will update; another badge starts afresh.
      const ui = state.current?.root === root ? Object.assign(state.current.ui, { paper }) : fresh(paper);
      state.current = { button, root, ui };
      draw();
      listen(true);
      if (focus) (host?.shadowRoot?.firstElementChild as HTMLElement | null)?.focus();
    },
    hoverStart(paper, button) {
      stopTimers();
      if (state.current?.root === button.getRootNode()) return;
      // A badge the page took away meanwhile (a feed re-rendered) opens nothing.
      openTimer = setTimeout(() => button.isConnected && controller.open(paper, button, false), HOVER_OPEN_MS);
    },
    hoverEnd() {
      stopTimers();
      closeTimer = setTimeout(() => {
        // A card the user moved keyboard focus into stays open.
        if (host && doc.activeElement === host) return;
        controller.close(false);
      }, HOVER_CLOSE_MS);
    },
    close(restoreFocus) {
      stopTimers();
      if (!state.current) return;
      const button = badgeButton(state);
      state.current = null;
      host?.shadowRoot?.replaceChildren();
      host?.remove();
      listen(false);
      if (restoreFocus && button?.isConnected) button.focus();
    },
    forget(button) {
      if (state.current?.root === button.getRootNode()) controller.close(false);
    },
    update(paper) {
      if (state.current?.ui.paper.id !== paper.id) return;
      state.current.ui.paper = paper;
      // Saved again elsewhere: there is no remove left to undo.
      if (paper.saved) state.current.ui.removed = null;
      draw();
    },
    refreshTheme: () => draw(),
  };
  return controller;
}
