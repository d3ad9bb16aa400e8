/**
 * Styles of everything Paperlens puts in other people's pages. They live in
 * shadow roots, so page CSS cannot reach in; the host elements get their few
 * outside properties inline with !important (see `hostStyle`), which beats any
 * page rule, `* { … !important }` included.
 */
import PAGE_CSS from './page.css?inline';

/**
 * Inline !important styles for a host element in the page, so no page rule
 * moves or hides it. Set through the CSSOM (`style.cssText`), which a page's
 * Content-Security-Policy does not block as it may a style attribute.
 */
export function hostStyle(element: HTMLElement, properties: Record<string, string>): void {
  element.style.cssText += Object.entries(properties)
    .map(([name, value]) => `${name}:${value}!important;`)
    .join('');
}

/**
 * Host styles for an inline element that sits in a line of the page's text
 * without changing that line's height, so nothing below it moves: a box of
 * `heightEm` (in its own font size) whose vertical margins cancel its height,
 * centred on the text's middle. The line box only counts an inline block's
 * margin box, which here is a point inside the line; the visible box is the
 * same size as without the trick, and may only overlap a very tight line's
 * neighbours. (A badge taller than the text by under a pixel used to push
 * every later line of a long list down, and the browser then re-laid out and
 * repainted the whole list.)
 */
export function inlineNeutralStyle(heightEm: number): Record<string, string> {
  return {
    display: 'inline-flex',
    'align-items': 'center',
    'vertical-align': 'middle',
    // Where the host is a flex or grid item instead (see fitToContainer): centred across the row.
    'align-self': 'center',
    height: `${heightEm}em`,
    'margin-top': `${-heightEm / 2}em`,
    'margin-bottom': `${-heightEm / 2}em`,
  };
}

/**
 * The negative margins of {@link inlineNeutralStyle} only make sense in a line
 * of text. In a flex or grid container the host is an item of its own, and
 * would stick out above its row or overlap the next item: there it keeps
 * ordinary margins.
 */
export function fitToContainer(host: HTMLElement, container: Element | null): void {
  const view = host.ownerDocument.defaultView;
  if (!container || !view) return;
  if (/flex|grid/.test(view.getComputedStyle(container).display))
    hostStyle(host, { 'margin-top': '0', 'margin-bottom': '0' });
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
