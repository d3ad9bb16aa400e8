import { normalizeText } from './text/normalize';

export interface Segment {
  text: string;
  match: boolean;
}

/**
 * A word of display text: a Greek letter on its own (so the `μ` of `μTransfer` is a
 * word that normalizes to `mu`), or a run of other letters, digits and combining marks.
 */
const WORD = /[\u00B5\u0370-\u03FF\u1F00-\u1FFF]\p{M}*|(?:(?![\u00B5\u0370-\u03FF\u1F00-\u1FFF])[\p{L}\p{N}\p{M}])+/gu;

/**
 * Splits `text` into segments, marking each word whose normalized form starts with
 * one of `terms` (`Pióro` for `pioro`, `μ` for `mu`, `Scaling` for `scal`).
 *
 * A match marks the whole word, never just the prefix: the folded form can be longer
 * or shorter than the original (`μ` → `mu`, `ß` → `ss`), so a prefix length cannot be
 * mapped back to characters, and a whole marked word reads better anyway.
 *
 * Terms are normalized here too, so search result terms and raw query words both work.
 * The segments always join back to exactly `text`; they are plain text for the UI to
 * render (matches inside `<mark>`), never HTML.
 */
export function highlightSegments(text: string, terms: readonly string[]): Segment[] {
  const prefixes = [...new Set(terms.flatMap((term) => normalizeText(term).split(' ')).filter(Boolean))];
  const segments: Segment[] = [];
  const push = (piece: string, match: boolean) => {
    if (piece === '') return;
    const last = segments.at(-1);
    if (last && !last.match && !match) last.text += piece;
    else segments.push({ text: piece, match });
  };

  let end = 0;
  for (const found of text.matchAll(WORD)) {
    const word = found[0];
    const folded = normalizeText(word).replaceAll(' ', '');
    push(text.slice(end, found.index), false);
    push(word, folded !== '' && prefixes.some((prefix) => folded.startsWith(prefix)));
    end = found.index + word.length;
  }
  push(text.slice(end), false);
  return segments;
}
