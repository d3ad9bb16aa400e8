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

/** The page's own view of an object, past Firefox's Xray wrapper (undefined elsewhere). */
type Waived<T> = T & { wrappedJSObject?: T };

/** An open shadow root on `host` styled with the page sheet. */
export function attachStyledShadow(host: HTMLElement): ShadowRoot {
  const root = host.attachShadow({ mode: 'open' });
  try {
    root.adoptedStyleSheets = [pageSheet(host.ownerDocument)];
  } catch (error) {
    // Firefox (ESR 140.12 on) refuses adoptedStyleSheets through a content script's Xray wrapper: set it on the
    // page's own view of the root, with a sheet and an array made in the page's realm, as the page would.
    const pageRoot = (root as Waived<ShadowRoot>).wrappedJSObject;
    const view = (host.ownerDocument.defaultView as Waived<Window & typeof globalThis> | null)?.wrappedJSObject;
    if (!pageRoot || !view) throw error;
    pageRoot.adoptedStyleSheets = new view.Array(pageRealmSheet(host.ownerDocument, view));
  }
  return root;
}

const pageRealmSheets = new WeakMap<Document, CSSStyleSheet>();

/** The page sheet made in the page's realm (Firefox), once per document. */
function pageRealmSheet(doc: Document, view: Window & typeof globalThis): CSSStyleSheet {
  let sheet = pageRealmSheets.get(doc);
  if (!sheet) {
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(PAGE_CSS);
    pageRealmSheets.set(doc, sheet);
  }
  return sheet;
}
