/** The longest page address and link text an entry keeps (browsers allow addresses of megabytes). */
export const MAX_SOURCE_URL = 2048;
export const MAX_SOURCE_TEXT = 1000;
export const MAX_TITLE = 1000;

/** `text` cut to at most `max` UTF-16 units, never inside a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * A page address short enough to keep as an entry's source: the same address
 * when it fits; else without its fragment, then without its query (which is
 * where long addresses are long); else cut.
 */
export function shortenSourceUrl(address: string): string {
  if (address.length <= MAX_SOURCE_URL) return address;
  try {
    const url = new URL(address);
    url.hash = '';
    if (url.href.length <= MAX_SOURCE_URL) return url.href;
    url.search = '';
    if (url.href.length <= MAX_SOURCE_URL) return url.href;
  } catch {
    // Not a URL: cut it like any text.
  }
  return cutText(address, MAX_SOURCE_URL);
}
