import type { PaperSummary } from '../../lib/message-schemas';
import type { BadgeLayer } from '../../lib/scan/badged-links';
import { type BadgeAnchor, Mention } from '../../lib/scan/mentions';
import type { BadgeParts } from '../../lib/settings/model';
import type { CardController } from './card-controller';
import { onUserEvent, redraw } from './dom';
import { createHost, isHost } from './hosts';
import { markFlowItem } from './styles';
import { badgeView } from './views';

export interface PageBadgeLayer extends BadgeLayer {
  /** Re-renders every badge (badge parts or theme changed). */
  refresh(): void;
}

/** Whether two summaries of a paper give the same badge (a save changes the card, not the badge). */
function sameBadge(a: PaperSummary, b: PaperSummary): boolean {
  return (
    a.id === b.id &&
    a.displayTitle === b.displayTitle &&
    a.category === b.category &&
    a.categoryName === b.categoryName &&
    a.novelty?.score === b.novelty?.score &&
    a.coauthors.length === b.coauthors.length &&
    authorNames(a) === authorNames(b)
  );
}

/** The `data-paperlens-authors` value: the paper's followed authors, comma-separated. */
const authorNames = (paper: PaperSummary): string => paper.followedAuthors.map((author) => author.name).join(', ');

/**
 * The node a badge follows: the link itself, or for a link inside SVG the outermost `<svg>` (HTML cannot go
 * inside SVG), or a mention's text node.
 */
function placementOf(anchor: BadgeAnchor): ChildNode {
  if (anchor instanceof Mention) return anchor.text;
  if (!(anchor instanceof SVGElement)) return anchor;
  let svg: SVGElement | null = anchor.ownerSVGElement;
  while (svg?.ownerSVGElement) svg = svg.ownerSVGElement;
  return svg ?? anchor;
}

/** A text node's badges follow it in the order of its mentions, each after the ones before (and once). */
function placeAfterText(text: ChildNode, host: HTMLElement, own: WeakSet<Node>): void {
  let last = text;
  for (let next = last.nextSibling; next && own.has(next); next = next.nextSibling) {
    if (next === host) return;
    last = next;
  }
  last.after(host);
}

/** A badge button opens its paper's card on click (keyboard: focus moves in), on hover, and closes it on Escape. */
function wireBadge(button: HTMLButtonElement, current: () => PaperSummary, card: CardController): void {
  onUserEvent<MouseEvent>(button, 'click', (event) => card.open(current(), button, event.detail === 0));
  onUserEvent(button, 'mouseenter', () => card.hoverStart(current(), button));
  onUserEvent(button, 'mouseleave', () => card.hoverEnd());
  onUserEvent<KeyboardEvent>(button, 'keydown', (event) => {
    if (event.key === 'Escape') card.close(true);
  });
}

/**
 * Badges as `<span data-paperlens="badge" data-paperlens-id="…">` hosts placed right after
 * their link, each with an open shadow root holding the badge button. Page
 * text never reaches HTML: strings only ever become text nodes.
 */
export function createBadgeLayer(
  doc: Document,
  options: { parts(): BadgeParts; theme(): string; card: CardController },
): PageBadgeLayer {
  const hostOf = new Map<BadgeAnchor, HTMLElement>();
  const rendered = new WeakMap<HTMLElement, PaperSummary>();
  const own = new WeakSet<Node>();

  // A page links to few distinct papers, often many times: each paper's badge is built once and copied.
  let templates = new WeakMap<PaperSummary, HTMLButtonElement>();
  const badgeFor = (host: HTMLElement, paper: PaperSummary): HTMLButtonElement => {
    let template = templates.get(paper);
    if (!template) {
      template = badgeView(doc, paper, options.parts());
      templates.set(paper, template);
    }
    const button = template.cloneNode(true) as HTMLButtonElement;
    wireBadge(button, () => rendered.get(host) ?? paper, options.card);
    return button;
  };

  const draw = (host: HTMLElement, paper: PaperSummary) => {
    rendered.set(host, paper);
    host.setAttribute('data-theme', options.theme());
    redraw(host, badgeFor(host, paper));
  };

  const prepare = (anchor: BadgeAnchor, paper: PaperSummary): HTMLElement => {
    let host = hostOf.get(anchor);
    if (!host) {
      host = createHost(doc, 'badge');
      own.add(host);
      hostOf.set(anchor, host);
      markFlowItem(host, placementOf(anchor).parentElement);
    }
    if (host.getAttribute('data-paperlens-id') !== paper.id) host.setAttribute('data-paperlens-id', paper.id);
    if (host.getAttribute('data-paperlens-authors') !== authorNames(paper)) {
      host.setAttribute('data-paperlens-authors', authorNames(paper));
    }
    const shown = rendered.get(host);
    // A badge that would look the same is not rebuilt: that would lay out the page around it again.
    if (shown && shown !== paper && sameBadge(shown, paper)) rendered.set(host, paper);
    else if (shown !== paper) draw(host, paper);
    return host;
  };

  return {
    prepare,
    attach(anchor, paper) {
      const host = prepare(anchor, paper);
      const placement = placementOf(anchor);
      if (anchor instanceof Mention) return placeAfterText(placement, host, own);
      const inPlace =
        placement === anchor
          ? anchor.nextSibling === host
          : host.isConnected && host.parentNode === placement.parentNode;
      if (!inPlace) placement.after(host);
    },
    detach(anchor) {
      const host = hostOf.get(anchor);
      if (!host) return;
      hostOf.delete(anchor);
      const button = host.shadowRoot?.querySelector('button');
      if (button) options.card.forget(button);
      host.remove();
    },
    isOwn: (node) => own.has(node) || isHost(node),
    refresh() {
      templates = new WeakMap();
      for (const host of hostOf.values()) {
        const paper = rendered.get(host);
        if (paper) draw(host, paper);
      }
    },
  };
}
