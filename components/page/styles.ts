/**
 * Styles of everything Paperlens puts in other people's pages. They live in
 * shadow roots, so page CSS cannot reach in; the host elements' own boxes are
 * set by `:host` rules with !important in the same sheet, which beat any page
 * rule, `* { … !important }` included (an important rule of a shadow tree wins
 * over the page's).
 */
import PAGE_CSS from './page.css?inline';

/**
 * Inline !important styles for a host element in the page, for what changes
 * per host (the card's position). Set through the CSSOM (`style.cssText`),
 * which a page's Content-Security-Policy does not block as it may a style attribute.
 */
export function hostStyle(element: HTMLElement, properties: Record<string, string>): void {
  element.style.cssText += Object.entries(properties)
    .map(([name, value]) => `${name}:${value}!important;`)
    .join('');
}

/**
 * Marks a badge or chip host whose container lays it out as a flex or grid
 * item rather than in a line of text: there the stylesheet gives it ordinary
 * margins instead of the ones that keep a line's height (see page.css).
 */
export function markFlowItem(host: HTMLElement, container: Element | null): void {
  const view = host.ownerDocument.defaultView;
  if (!container || !view) return;
  if (/flex|grid/.test(view.getComputedStyle(container).display)) host.setAttribute('data-paperlens-item', '');
}

const sheets = new WeakMap<Document, CSSStyleSheet>();

/** One constructed stylesheet per document, adopted by every Paperlens shadow root in it. */
export function pageSheet(doc: Document): CSSStyleSheet {
  let sheet = sheets.get(doc);
  if (!sheet) {
    const view = doc.defaultView ?? window;
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(PAGE_CSS);
    sheets.set(doc, sheet);
  }
  return sheet;
}

/** An open shadow root on `host` styled with the page sheet. */
export function attachStyledShadow(host: HTMLElement): ShadowRoot {
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [pageSheet(host.ownerDocument)];
  return root;
}
