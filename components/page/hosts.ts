import { attachStyledShadow } from './styles';

/** The kinds of UI Paperlens puts in a page, each in a host of its own: `data-paperlens="<kind>"`. */
export type HostKind = 'badge' | 'coauthor' | 'panel' | 'card';

/** Inline hosts sit in a line of text; the others are blocks (the card is also fixed). */
const TAG: Record<HostKind, 'span' | 'div'> = { badge: 'span', coauthor: 'span', panel: 'div', card: 'div' };

/**
 * A host element for Paperlens UI, with its styled open shadow root. It is a
 * built-in element, never a custom one: a page can define custom elements
 * under any name Paperlens would use (and its code then runs inside ours),
 * but never `span` or `div`.
 */
export function createHost(doc: Document, kind: HostKind): HTMLElement {
  const host = doc.createElement(TAG[kind]);
  host.setAttribute('data-paperlens', kind);
  attachStyledShadow(host);
  return host;
}

/** Whether a node is one of Paperlens's hosts (which the scanner looks past). */
export function isHost(node: Node): boolean {
  return node instanceof Element && node.hasAttribute('data-paperlens');
}
