import type { PaperSummary } from '../../lib/message-schemas';
import type { BadgeLayer } from '../../lib/scan/scanner';
import type { BadgeParts } from '../../lib/settings-model';
import type { CardController } from './card-controller';
import { attachStyledShadow, fitToContainer, hostStyle, inlineNeutralStyle } from './styles';
import { badgeView } from './views';

export interface PageBadgeLayer extends BadgeLayer {
  /** Re-renders every badge (badge parts or theme changed). */
  refresh(): void;
}

/** The element a badge follows: the link itself, or for a link inside SVG the outermost `<svg>` (HTML cannot go inside SVG). */
function placementOf(anchor: Element): Element {
  if (!(anchor instanceof SVGElement)) return anchor;
  let svg: SVGElement | null = anchor.ownerSVGElement;
  while (svg?.ownerSVGElement) svg = svg.ownerSVGElement;
  return svg ?? anchor;
}

/**
 * Badges as `<paperlens-badge data-paperlens-id="…">` hosts placed right after
 * their link, each with an open shadow root holding the badge button. Page
 * text never reaches HTML: strings only ever become text nodes.
 */
export function createBadgeLayer(
  doc: Document,
  options: { parts(): BadgeParts; theme(): string; card: CardController },
): PageBadgeLayer {
  const hostOf = new Map<Element, HTMLElement>();
  const rendered = new WeakMap<HTMLElement, PaperSummary>();
  const own = new WeakSet<Node>();

  const draw = (host: HTMLElement, paper: PaperSummary) => {
    rendered.set(host, paper);
    host.setAttribute('data-theme', options.theme());
    const root = host.shadowRoot as ShadowRoot;
    const hadFocus = doc.activeElement === host;
    root.replaceChildren(
      badgeView(doc, paper, options.parts(), {
        activate: (button, byKeyboard) => options.card.open(rendered.get(host) ?? paper, button, byKeyboard),
        hoverStart: (button) => options.card.hoverStart(rendered.get(host) ?? paper, button),
        hoverEnd: () => options.card.hoverEnd(),
        escape: () => options.card.close(true),
      }),
    );
    if (hadFocus) root.querySelector('button')?.focus();
  };

  // Hosts are copies of one styled element: copying its inline style is cheaper than parsing it per badge.
  let prototype: HTMLElement | undefined;
  const createHost = (): HTMLElement => {
    if (!prototype) {
      prototype = doc.createElement('paperlens-badge');
      hostStyle(prototype, {
        // The badge's own size, which its shadow styles use as 1em (the .badge height in page.css).
        'font-size': 'max(10px, 0.72em)',
        ...inlineNeutralStyle(1.5),
        // After the link in the text's direction (right-to-left pages too).
        'margin-inline-start': '0.4em',
        'margin-inline-end': '0',
        position: 'static',
        float: 'none',
        padding: '0',
        border: '0',
        width: 'auto',
        'min-width': '0',
        'max-width': 'none',
        'line-height': '1',
        visibility: 'visible',
        opacity: '1',
        transform: 'none',
        'pointer-events': 'auto',
        'text-indent': '0',
        background: 'transparent',
      });
    }
    const host = prototype.cloneNode(false) as HTMLElement;
    attachStyledShadow(host);
    own.add(host);
    return host;
  };

  const prepare = (anchor: Element, paper: PaperSummary): HTMLElement => {
    let host = hostOf.get(anchor);
    if (!host) {
      host = createHost();
      hostOf.set(anchor, host);
      fitToContainer(host, placementOf(anchor).parentElement);
    }
    if (host.getAttribute('data-paperlens-id') !== paper.id) host.setAttribute('data-paperlens-id', paper.id);
    if (rendered.get(host) !== paper) draw(host, paper);
    return host;
  };

  return {
    prepare,
    attach(anchor, paper) {
      const host = prepare(anchor, paper);
      const placement = placementOf(anchor);
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
    isOwn: (node) => own.has(node) || (node instanceof Element && node.localName.startsWith('paperlens-')),
    refresh() {
      for (const host of hostOf.values()) {
        const paper = rendered.get(host);
        if (paper) draw(host, paper);
      }
    },
  };
}
