import { ARXIV_ID_CANDIDATE, parseArxivId } from './arxiv-id';

/** One arXiv id mentioned in plain text, such as a reference list entry. */
export interface TextMention {
  /** The bare id without its version, as {@link parseArxivId} returns it. */
  id: string;
  /** UTF-16 offset where the whole mention (prefix, id, version) starts. */
  start: number;
  /** UTF-16 offset just past the mention. */
  end: number;
}

// What may introduce an id: `arXiv:` / `arXiv ` (any spaces, nbsp and newlines included),
// an arxiv.org URL written as text, or the arXiv DOI with or without its resolver.
const PREFIX = [
  String.raw`(?:https?://)?(?:(?:www|export)\.)?arxiv\.org/(?:abs|pdf|html)/(?:arxiv:)?`,
  String.raw`(?:doi:\s*|(?:https?://)?(?:dx\.)?doi\.org/)?10\.48550/arxiv\.`,
  String.raw`arxiv(?:\s*:|\s)\s*`,
].join('|');

// The lookbehind makes runs like `a-a-a…` start only once (linear time) and rejects ids
// inside longer words; the lookahead rejects ids whose digits or words go on.
const MENTION = new RegExp(String.raw`(?<![\w.-])(${PREFIX})?(${ARXIV_ID_CANDIDATE})(?:\.pdf\b)?(?!\w|\.\d)`, 'gi');

// Every prefix contains `arxiv`, and a bare old-style id ends its archive in a letter.
const MAY_MENTION = /arxiv|[a-z]\/\d{7}/i;

/**
 * Cheap prefilter for a text node: false means {@link findArxivMentions} finds nothing
 * in `text`; true means it might.
 */
export function mayMentionArxiv(text: string): boolean {
  return MAY_MENTION.test(text);
}

/**
 * The arXiv ids mentioned in plain text, in order, at most `limit` of them: after `arXiv:`,
 * in arxiv.org URLs or arXiv DOIs written as text, or bare when old-style
 * (`hep-th/9901001`). A bare new-style number is never a mention: it is too often a page
 * number, a version or a price. Never throws.
 */
export function findArxivMentions(text: string, limit = 50): TextMention[] {
  const found: TextMention[] = [];
  if (limit <= 0 || !mayMentionArxiv(text)) return found;
  for (const match of text.matchAll(MENTION)) {
    const mention = toMention(match);
    if (mention) found.push(mention);
    if (found.length >= limit) break;
  }
  return found;
}

function toMention(match: RegExpExecArray): TextMention | null {
  const [whole, prefix, candidate = ''] = match;
  const parsed = parseArxivId(candidate);
  // Bare new-style numbers are too ambiguous; bare old-style ids carry their archive.
  if (!parsed || (prefix === undefined && !parsed.id.includes('/'))) return null;
  const start = match.index;
  return { id: parsed.id, start, end: start + whole.length };
}
