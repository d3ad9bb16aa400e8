/**
 * The address a frame's settings and page rules go by: its own for an http(s)
 * document; for a frame made from `srcdoc`, `about:blank` or `data:` (which
 * has no address of its own), the origin of the page that made it, so a site
 * switched off stays off in its frames too.
 */
export function frameAddress(
  view: Pick<Window, 'location' | 'origin'> & { document?: Pick<Document, 'referrer'> },
): string {
  const { href, protocol, ancestorOrigins } = view.location;
  if (protocol === 'http:' || protocol === 'https:') return href;
  if (view.origin && view.origin !== 'null') return `${view.origin}/`;
  // A data: frame's origin is opaque: its parent's, where the browser tells it (Chrome), else the referrer.
  const parent = ancestorOrigins?.[0] ?? view.document?.referrer;
  try {
    return parent ? new URL(parent).origin.concat('/') : href;
  } catch {
    // An opaque parent (`null`, a sandboxed frame) names no site.
    return href;
  }
}
