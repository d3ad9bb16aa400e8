/** Control characters (C0, DEL, C1) other than tab and line breaks, which text may hold. */
const CONTROLS = /[^\P{Cc}\t\n\r]/gu;

/** `text` without control characters (a NUL in a page's link text, say), which break files other tools read. */
export function withoutControls(text: string): string {
  return text.replace(CONTROLS, '');
}
