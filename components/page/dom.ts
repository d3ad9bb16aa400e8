/**
 * A tiny element builder for what Paperlens puts in other people's pages.
 * The content script has a 15 KB budget, so page UI is plain DOM rather than
 * Preact; this keeps it declarative. Strings only ever become text nodes or
 * attribute values, never HTML.
 */
export type Child = Node | string | number | null | undefined | false;
type Props = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

/** `el(doc, 'a', { href, class: 'x', onclick }, 'text', child)` */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') onUserEvent(element, name.slice(2), value);
    // Through the CSSOM, which a page's Content-Security-Policy does not block as it may a style attribute.
    else if (name === 'style' && typeof value === 'string') setStyles(element, value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

/**
 * Listens for what the user does, and only that: events a page's script makes
 * (`button.click()`, `dispatchEvent`) are not `isTrusted`, so a page can never
 * save, remove or open anything through Paperlens's UI.
 */
export function onUserEvent<E extends Event>(target: EventTarget, type: string, listener: (event: E) => void): void {
  target.addEventListener(type, (event) => {
    if (event.isTrusted) listener(event as E);
  });
}

function setStyles(element: HTMLElement, declarations: string): void {
  for (const declaration of declarations.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0) element.style.setProperty(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
  }
}

/** Appends children, strings as text nodes; falsy children are skipped. */
export function append(parent: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'object' ? child : String(child));
  }
}

/**
 * Replaces what a host's shadow root shows. Redrawing replaces nodes, so keyboard focus is put back on the
 * control of the same class that had it (the Save button, say).
 */
export function redraw(host: HTMLElement, content: Node): void {
  const root = host.shadowRoot as ShadowRoot;
  const focused = host.ownerDocument.activeElement === host ? root.activeElement?.className : undefined;
  root.replaceChildren(content);
  if (focused) root.querySelector<HTMLElement>(`.${focused.split(' ')[0]}`)?.focus();
}
