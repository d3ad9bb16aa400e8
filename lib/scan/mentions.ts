import { findArxivMentions, mayMentionArxiv } from '../links/text-mentions';
import { filterKey, type LibraryFilter, mayHold } from './library-filter';
import { yieldToMain } from './yield';

/**
 * A plain-text mention of an arXiv id (`arXiv:2402.07871`) in one of the
 * page's text nodes. Its badge goes after that node: the page's text is never
 * split or wrapped. A mention stands only while the node's text is as it was
 * when found; a changed text is looked at afresh.
 */
export class Mention {
  constructor(
    readonly text: Text,
    readonly data: string,
    readonly id: string,
  ) {}

  get isConnected(): boolean {
    return this.text.isConnected && this.text.data === this.data;
  }
}

/** What a badge follows: a link, or a mention in a text node. */
export type BadgeAnchor = Element | Mention;

/** Where text is not the page's prose to annotate: links (badged as links), code the page runs, form fields. */
const NOT_PROSE = 'a,script,style,noscript,template,textarea,select,option,title,svg,math';
const EDITABLE = '[contenteditable]:not([contenteditable="false"])';
/** Mentions badged per page at most: a page of ten thousand citations keeps its first ones. */
export const MENTIONS_PER_PAGE = 300;

/** The mentions found in each text node, kept while its text stays the same (so a rescan finds the same ones). */
export type MentionCache = WeakMap<Text, Mention[]>;

/** The mentions of library papers (as far as the filter tells) in one text node of the page's prose. */
function mentionsOfNode(text: Text, filter: LibraryFilter | null, cache: MentionCache): Mention[] {
  const known = cache.get(text);
  if (known && known[0]?.data === text.data) return known;
  if (!mayMentionArxiv(text.data)) return [];
  const found = findArxivMentions(text.data)
    .filter(({ id }) => !filter || mayHold(filter, filterKey.id(id)))
    .map(({ id }) => new Mention(text, text.data, id));
  // Checked last: on arXiv's own pages most nodes naming an id are links' text, of papers not in the library.
  if (!found.length || text.parentElement?.closest(`${NOT_PROSE},${EDITABLE}`)) return [];
  cache.set(text, found);
  return found;
}

/** The shortest text that can hold a mention (`a/1234567`): whitespace between tags is passed over at once. */
const SHORTEST = 9;
/** How long a walk runs before it yields to the page: a page of 10k links has some 30k text nodes. */
const SLICE_MS = 8;

/**
 * The library-paper mentions in `root` (an element or a text node), at most
 * `room`. One regex test over the subtree's text settles most pages before
 * any node is visited; a walk that must visit them yields to the page every
 * few milliseconds, and stops when `signal` aborts.
 */
export async function mentionsIn(
  root: Node,
  filter: LibraryFilter | null,
  cache: MentionCache,
  room: number,
  signal?: AbortSignal,
): Promise<Mention[]> {
  if (room <= 0 || !root.isConnected) return [];
  if (root.nodeType === Node.TEXT_NODE) return mentionsOfNode(root as Text, filter, cache).slice(0, room);
  if (root.nodeType !== Node.ELEMENT_NODE || !mayMentionArxiv(root.textContent ?? '')) return [];
  const found: Mention[] = [];
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let deadline = performance.now() + SLICE_MS;
  for (let node = walker.nextNode(), i = 0; node && found.length < room; node = walker.nextNode(), i++) {
    const text = node as Text;
    // A link's own text is the commonest place for an id (every entry of an arXiv listing): passed over at once.
    if (text.length >= SHORTEST && mayMentionArxiv(text.data) && text.parentElement?.localName !== 'a') {
      found.push(...mentionsOfNode(text, filter, cache));
    }
    if ((i & 255) === 255 && performance.now() > deadline) {
      await yieldToMain();
      if (signal?.aborted) return [];
      deadline = performance.now() + SLICE_MS;
    }
  }
  return found.slice(0, room);
}

/** Whether text the page added or changed may hold a mention (one regex test). */
export const mayHoldMention = (node: Node): boolean =>
  (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.ELEMENT_NODE) && mayMentionArxiv(node.textContent ?? '');
