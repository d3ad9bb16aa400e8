import type { PaperSummary } from '../../lib/message-schemas';
import { attachStyledShadow, hostStyle } from './styles';
import { cardView } from './views';

const HOVER_OPEN_MS = 350;
const HOVER_CLOSE_MS = 250;
const GAP = 6;
const MARGIN = 8;

export interface CardOptions {
  /** Saves or unsaves the paper; resolves to its updated summary. */
  toggleSave(paper: PaperSummary): Promise<PaperSummary>;
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

/**
 * The one card of a page: a fixed-position host at the end of the document
 * whose shadow root renders {@link PaperCard}, placed under (or above) its
 * badge and kept inside the viewport.
 */
export function createCardController(doc: Document, options: CardOptions): CardController {
  let host: HTMLElement | null = null;
  // The badge's shadow root outlives its button, which a redraw (after a save) replaces.
  let current: { paper: PaperSummary; button: HTMLElement; root: Node } | null = null;
  const badgeButton = (): HTMLElement | null => {
    if (!current) return null;
    if (current.button.isConnected) return current.button;
    const button = current.root instanceof ShadowRoot ? current.root.querySelector('button') : null;
    if (button) current = { ...current, button };
    return button;
  };
  let saving = false;
  let error: string | null = null;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;

  const ensureHost = (): HTMLElement => {
    if (host?.isConnected) return host;
    host = doc.createElement('paperlens-card');
    attachStyledShadow(host);
    doc.documentElement.append(host);
    return host;
  };

  const place = () => {
    if (!host || !current) return;
    const card = host.shadowRoot?.firstElementChild as HTMLElement | null;
    if (!card) return;
    const anchor = (badgeButton() ?? current.button).getBoundingClientRect();
    const { width, height } = card.getBoundingClientRect();
    const view = doc.defaultView ?? window;
    const maxLeft = view.innerWidth - width - MARGIN;
    const left = Math.max(MARGIN, Math.min(anchor.left, maxLeft));
    const below = anchor.bottom + GAP;
    const above = anchor.top - GAP - height;
    const top =
      below + height <= view.innerHeight - MARGIN
        ? below
        : above >= MARGIN
          ? above
          : Math.max(MARGIN, view.innerHeight - height - MARGIN);
    hostStyle(host, { left: `${Math.round(left)}px`, top: `${Math.round(top)}px` });
  };

  const draw = () => {
    if (!current) return;
    const target = ensureHost();
    const root = target.shadowRoot as ShadowRoot;
    // Redrawing replaces the card's nodes: keep keyboard focus where it was (the Save button, say).
    const focused = doc.activeElement === target ? root.activeElement?.className : undefined;
    target.setAttribute('data-theme', options.theme());
    target.setAttribute('data-paperlens-id', current.paper.id);
    root.replaceChildren(
      cardView(
        doc,
        { paper: current.paper, saving, error },
        {
          toggleSave,
          openInsights: options.openInsights && (() => current && options.openInsights?.(current.paper)),
          close: () => controller.close(true),
          hoverStart: () => clearTimeout(closeTimer),
          hoverEnd: () => controller.hoverEnd(),
        },
      ),
    );
    if (focused) (root.querySelector(`.${focused.split(' ')[0]}`) as HTMLElement | null)?.focus();
    place();
  };

  const toggleSave = async () => {
    if (!current || saving) return;
    const { paper } = current;
    saving = true;
    error = null;
    draw();
    try {
      const updated = await options.toggleSave(paper);
      if (current?.paper.id === paper.id) current = { ...current, paper: updated };
    } catch (e) {
      error = `Could not ${paper.saved ? 'remove' : 'save'} the paper: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      saving = false;
      draw();
    }
  };

  const onOutsidePointer = (event: PointerEvent) => {
    const path = event.composedPath();
    if (current && host && !path.includes(host) && !path.includes(current.root)) controller.close(false);
  };
  const onWindowChange = () => place();

  const controller: CardController = {
    open(paper, button, focus) {
      clearTimeout(openTimer);
      clearTimeout(closeTimer);
      const root = button.getRootNode();
      const sameCard = current?.root === root;
      current = { paper, button, root };
      if (!sameCard) error = null;
      draw();
      doc.addEventListener('pointerdown', onOutsidePointer, true);
      doc.defaultView?.addEventListener('resize', onWindowChange);
      doc.defaultView?.addEventListener('scroll', onWindowChange, true);
      if (focus) (host?.shadowRoot?.firstElementChild as HTMLElement | null)?.focus();
    },
    hoverStart(paper, button) {
      clearTimeout(closeTimer);
      clearTimeout(openTimer);
      if (current?.root === button.getRootNode()) return;
      openTimer = setTimeout(() => controller.open(paper, button, false), HOVER_OPEN_MS);
    },
    hoverEnd() {
      clearTimeout(openTimer);
      clearTimeout(closeTimer);
      closeTimer = setTimeout(() => {
        // A card the user moved keyboard focus into stays open.
        if (host && doc.activeElement === host) return;
        controller.close(false);
      }, HOVER_CLOSE_MS);
    },
    close(restoreFocus) {
      clearTimeout(openTimer);
      clearTimeout(closeTimer);
      if (!current) return;
      const button = badgeButton();
      current = null;
      host?.shadowRoot?.replaceChildren();
      host?.remove();
      doc.removeEventListener('pointerdown', onOutsidePointer, true);
      doc.defaultView?.removeEventListener('resize', onWindowChange);
      doc.defaultView?.removeEventListener('scroll', onWindowChange, true);
      if (restoreFocus && button?.isConnected) button.focus();
    },
    forget(button) {
      if (current?.root === button.getRootNode()) controller.close(false);
    },
    update(paper) {
      if (current?.paper.id !== paper.id) return;
      current = { ...current, paper };
      draw();
    },
    refreshTheme: () => draw(),
  };
  return controller;
}
