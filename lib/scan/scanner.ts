import { hrefMightBePaper } from '../links/detect';
import { doiOfLink } from '../links/doi';
import type { LookupRequest, LookupResponse, PaperSummary } from '../message-schemas';
import { type BadgedLinks, type BadgeLayer, createBadgedLinks } from './badged-links';
import { type Candidate, candidateOf, rawHref } from './candidates';
import { hrefMayHoldId, type LibraryFilter } from './library-filter';
import {
  type BadgeAnchor,
  MENTIONS_PER_PAGE,
  Mention,
  type MentionCache,
  mayHoldMention,
  mentionsIn,
} from './mentions';
import { createPaperCache, type PaperCache } from './paper-cache';
import { forEachInSlices } from './yield';

export interface ScannerOptions {
  document: Document;
  /** The URL relative links resolve against (the document's base URL). */
  pageUrl(): string;
  /** The library's filter, once known; until then any paper id in a URL is looked up. */
  filter(): LibraryFilter | null;
  /** The batched lookup: one message per scan. */
  lookup(request: LookupRequest): Promise<LookupResponse>;
  badges: BadgeLayer;
  /** Called with the ids of the library papers linked from the page whenever that set changes. */
  onPapersChanged?(ids: ReadonlySet<string>): void;
  signal: AbortSignal;
  /** How long mutations are gathered before they are scanned together. */
  flushDelayMs?: number;
}

export interface Scanner {
  /** Scans the whole document once, then watches it for changes. */
  start(): Promise<void>;
  /** Waits until every scan queued so far is done (for tests and benchmarks). */
  idle(): Promise<void>;
  /** The links and text mentions that have a badge, with their paper. */
  linked(): ReadonlyMap<BadgeAnchor, PaperSummary>;
  /** Every paper looked up so far, linked from the page or not. */
  known(): PaperSummary[];
  /** Asks the background again about papers already known (their saved state changed elsewhere). */
  refresh(ids: readonly string[]): Promise<PaperSummary[]>;
  /** Replaces a paper's summary everywhere (after a save), re-rendering its badges. */
  updatePaper(paper: PaperSummary): void;
  /** Scans everything again (settings were switched back on, or the page navigated). */
  rescan(): Promise<void>;
  /** Removes every badge (settings switched off) but keeps what it learned. */
  clear(): void;
}

const EDITABLE = '[contenteditable]:not([contenteditable="false"])';
/**
 * Time a mutation callback may spend badging added links itself before leaving the rest to the batch. It
 * includes the style update the first new badge forces, which the page's own rendering would do anyway.
 */
const SYNC_BUDGET_MS = 10;
/** Of that, what changed hrefs may take in one callback: a page may rewrite a thousand links every frame. */
const HREF_BUDGET_MS = 2;
/**
 * A link whose href changes more than this often in a second keeps changing: it is badged as it is once a
 * second, then, while it keeps at it, every two and four seconds, not on each change.
 */
const CHURN_LIMIT = 3;
const CHURN_WINDOW_MS = 1000;
const CHURN_MAX_DELAY_MS = 4000;
/** Text the page is still changing (typing, streaming) is looked at once it has been still this long. */
const TYPING_QUIET_MS = 1000;

/** What one scanner knows and has queued; the functions below share it. */
interface ScanState {
  options: ScannerOptions;
  cache: PaperCache;
  links: BadgedLinks;
  /** Subtrees added (or links changed) since the last batch. */
  pending: Set<Node>;
  needsSweep: boolean;
  flushTimer: ReturnType<typeof setTimeout> | undefined;
  queue: Promise<void>;
  /** False while switched off: nothing is badged until the next rescan. */
  active: boolean;
  /** How often each link's href changed lately, to tell a link that keeps changing, and when it last did. */
  churn: WeakMap<Element, { since: number; changes: number; churning: boolean }>;
  /** Links that keep changing, looked at together later. */
  churning: Set<Element>;
  churnTimer: ReturnType<typeof setTimeout> | undefined;
  /** How long until they are looked at: longer while links go on changing. */
  churnDelay: number;
  churnFlushedAt: number;
  mentions: MentionCache;
  /** Text nodes changed lately that may mention a paper, looked at once the page stops changing them. */
  typing: Set<Text>;
  typingTimer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Finds the library papers a page links to and keeps exactly one badge per
 * such link while the page changes: added subtrees are scanned (never the
 * whole document per mutation), removed links lose their badges, links whose
 * badge was removed get it back. Links to papers already looked up are
 * badged within the page's own change (see badgeNow); anything else is
 * gathered for `flushDelayMs` and scanned as one batch with one lookup, in
 * slices so no task is long.
 */
export function createScanner(options: ScannerOptions): Scanner {
  const state: ScanState = {
    options,
    cache: createPaperCache(options.lookup),
    links: createBadgedLinks(options.badges, options.onPapersChanged),
    pending: new Set(),
    needsSweep: false,
    flushTimer: undefined,
    queue: Promise.resolve(),
    active: true,
    churn: new WeakMap(),
    churning: new Set(),
    churnTimer: undefined,
    churnDelay: CHURN_WINDOW_MS,
    churnFlushedAt: 0,
    mentions: new WeakMap(),
    typing: new Set(),
    typingTimer: undefined,
  };
  const observer = new MutationObserver((records) => onMutations(state, records));
  options.signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(state.flushTimer);
    clearTimeout(state.churnTimer);
    clearTimeout(state.typingTimer);
    state.links.clear();
  });
  const scanAll = () => enqueue(state, () => scan(state, [options.document.documentElement]));
  return {
    async start() {
      // Once aborted (switched off for good, or the extension went away), nothing starts again.
      if (options.signal.aborted) return;
      state.active = true;
      observer.observe(options.document.documentElement, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['href'],
        characterData: true,
      });
      await scanAll();
    },
    idle: () => enqueue(state, async () => {}),
    linked: () => state.links.map,
    known: () => state.cache.known(),
    refresh: (ids) => state.cache.refresh(ids),
    updatePaper(paper) {
      state.cache.put(paper);
      for (const [anchor, old] of state.links.map) if (old.id === paper.id) state.links.attach(anchor, paper);
    },
    async rescan() {
      if (options.signal.aborted) return;
      state.active = true;
      await scanAll();
    },
    clear() {
      state.active = false;
      state.links.clear();
      state.links.report();
    },
  };
}

function enqueue(state: ScanState, task: () => Promise<void>): Promise<void> {
  state.queue = state.queue.then(task).catch((error: unknown) => console.debug('[paperlens] scan failed', error));
  return state.queue;
}

/** The links in `roots` (each an element or a link), each once. */
function collectAnchors(state: ScanState, roots: Node[]): ArrayLike<Element> {
  const isOwn = (node: Node) => state.options.badges.isOwn(node);
  const [only] = roots;
  // The common cases, a first scan or one added subtree, need no deduplication.
  if (roots.length === 1 && only instanceof Element && only.localName !== 'a' && !isOwn(only)) {
    return only.isConnected ? only.querySelectorAll('a') : [];
  }
  const anchors = new Set<Element>();
  for (const root of roots) {
    if (!(root instanceof Element) || !root.isConnected || isOwn(root)) continue;
    if (root.localName === 'a') anchors.add(root);
    for (const anchor of root.querySelectorAll('a')) anchors.add(anchor);
  }
  return [...anchors];
}

/**
 * The paper `anchor` links to (or mentions) now: null for none (or a link gone, or in editable content),
 * undefined when its candidate has not been looked up yet.
 */
function paperNow(
  state: ScanState,
  anchor: BadgeAnchor,
  pageUrl = state.options.pageUrl(),
  filter = state.options.filter(),
): PaperSummary | null | undefined {
  if (!anchor.isConnected) return null;
  const mention = anchor instanceof Mention;
  const candidate: Candidate | null = mention ? { kind: 'id', value: anchor.id } : candidateOf(anchor, pageUrl, filter);
  const paper = candidate ? state.cache.get(candidate) : null;
  return paper && (mention ? anchor.text.parentElement : anchor)?.closest(EDITABLE) ? null : paper;
}

/** The mentions of library papers in `roots`, each once, with no more badged on the page than MENTIONS_PER_PAGE. */
async function collectMentions(
  state: ScanState,
  roots: Node[],
  filter: LibraryFilter | null,
): Promise<[Mention, Candidate][]> {
  const badged = state.links.map;
  let room = MENTIONS_PER_PAGE;
  for (const anchor of badged.keys()) if (anchor instanceof Mention) room--;
  const found = new Map<Mention, Candidate>();
  for (const root of roots) {
    if (state.options.badges.isOwn(root)) continue;
    for (const mention of await mentionsIn(root, filter, state.mentions, MENTIONS_PER_PAGE, state.options.signal)) {
      if (found.has(mention) || (!badged.has(mention) && room-- <= 0)) continue;
      found.set(mention, { kind: 'id', value: mention.id });
    }
  }
  return [...found];
}

/** Scans `roots` in slices: finds candidates, looks up the unknown ones in one message, then badges. */
async function scan(state: ScanState, roots: Node[]): Promise<void> {
  const { signal } = state.options;
  const found: [BadgeAnchor, Candidate][] = [];
  const pageUrl = state.options.pageUrl();
  const filter = state.options.filter();
  await forEachInSlices(
    collectAnchors(state, roots),
    (anchor) => {
      const candidate = candidateOf(anchor, pageUrl, filter);
      if (candidate) found.push([anchor, candidate]);
      else state.links.detach(anchor);
    },
    { signal },
  );
  await badgeFound(state, found);
  // Plain-text mentions come after the links, so reading the page's text never holds the links' badges up.
  const mentions = await collectMentions(state, roots, filter);
  if (mentions.length && !signal.aborted) await badgeFound(state, mentions);
}

/** Looks up what a scan found in one message, then builds the badges in slices and inserts them at once. */
async function badgeFound(state: ScanState, found: [BadgeAnchor, Candidate][]): Promise<void> {
  const { signal } = state.options;
  await state.cache.resolve(found.map(([, candidate]) => candidate));
  // The page may have moved on while we asked and yielded: a link may be gone or point elsewhere (a changed
  // href to a paper not looked up yet is queued by its mutation), and a save may have updated its paper.
  const toShow: BadgeAnchor[] = [];
  await forEachInSlices(
    found,
    ([anchor]) => {
      const paper = paperNow(state, anchor);
      if (paper && state.active) {
        state.options.badges.prepare?.(anchor, paper);
        toShow.push(anchor);
      } else if (paper !== undefined) state.links.detach(anchor);
    },
    { signal },
  );
  if (signal.aborted || !state.active) return;
  for (const anchor of toShow) {
    const paper = paperNow(state, anchor);
    if (paper) state.links.attach(anchor, paper);
    else if (paper !== undefined) state.links.detach(anchor);
  }
  state.links.report();
}

/**
 * Finds the links in what the page just added (or the link whose href changed)
 * and, when each is already known, puts their papers in `show` to be badged
 * right away, inside the mutation callback: the badges then enter the page in
 * the same task as the page's own change and are laid out with it. Badging
 * them a batch later would make the browser lay out everything around them a
 * second time, which on a long feed costs as much as the page's own update.
 * Returns false when `root` needs the batched scan: a candidate not looked up
 * yet, or the time budget ran out.
 */
function badgeNow(state: ScanState, root: Element, deadline: number, show: [Element, PaperSummary][]): boolean {
  const pageUrl = state.options.pageUrl();
  const filter = state.options.filter();
  const anchors = collectAnchors(state, [root]);
  const mine: [Element, PaperSummary][] = [];
  for (let i = 0; i < anchors.length; i++) {
    if ((i & 15) === 15 && performance.now() > deadline) return false;
    const anchor = anchors[i] as Element;
    const paper = paperNow(state, anchor, pageUrl, filter);
    if (paper === undefined) return false;
    if (paper) mine.push([anchor, paper]);
    else state.links.detach(anchor);
  }
  show.push(...mine);
  return true;
}

/**
 * What to do about a link whose href just changed: nothing when it neither
 * had a badge nor now names a library paper (its text, the other way it could,
 * did not change), which one regex test tells; later, with the others, when it
 * keeps changing; else now.
 */
function hrefChanged(state: ScanState, anchor: Element, now: number): 'skip' | 'now' | 'later' {
  if (!state.links.map.has(anchor)) {
    const href = rawHref(anchor);
    const filter = state.options.filter();
    if (href === null || !(filter ? hrefMayHoldId(filter, href) || doiOfLink(href) : hrefMightBePaper(href)))
      return 'skip';
  }
  const seen = state.churn.get(anchor);
  // A link that was quiet for a while starts afresh; one that keeps changing stays churning.
  if (!seen || now - seen.since > CHURN_WINDOW_MS * (seen.churning ? 2 : 1)) {
    state.churn.set(anchor, { since: now, changes: 1, churning: false });
    return 'now';
  }
  if (seen.churning) {
    seen.since = now;
    return 'later';
  }
  seen.churning = ++seen.changes > CHURN_LIMIT;
  return seen.churning ? 'later' : 'now';
}

/** Looks at the links that keep changing in one batch, each as it is by then; less often while they go on. */
function badgeChurningLater(state: ScanState, anchor: Element, now: number): void {
  state.churning.add(anchor);
  if (state.churnTimer !== undefined) return;
  // The churn stopped a while ago: this is a new one, looked at after a second again.
  if (now - state.churnFlushedAt > 2 * CHURN_MAX_DELAY_MS) state.churnDelay = CHURN_WINDOW_MS;
  state.churnTimer = setTimeout(() => {
    state.churnTimer = undefined;
    state.churnFlushedAt = performance.now();
    for (const link of state.churning) state.pending.add(link);
    state.churning.clear();
    state.churnDelay = Math.min(state.churnDelay * 2, CHURN_MAX_DELAY_MS);
    flush(state);
  }, state.churnDelay);
}

/**
 * Badges `node`'s links now if they are known and there is time (see badgeNow), else leaves it to the batch;
 * text that may mention a paper always goes to the batch.
 */
function badgeOrQueue(state: ScanState, node: Node, budget: number, show: [Element, PaperSummary][]): void {
  if (state.options.badges.isOwn(node)) return;
  if (node.nodeType !== Node.ELEMENT_NODE) {
    if (mayHoldMention(node)) state.pending.add(node);
    return;
  }
  let done = false;
  try {
    done = performance.now() <= budget && badgeNow(state, node as Element, budget, show);
  } catch (error) {
    console.debug('[paperlens] scan failed', error);
  }
  if (!done || mayHoldMention(node)) state.pending.add(node);
}

/** A text node changed: its mentions' badges go, and it is looked at again once the page leaves it alone. */
function textChanged(state: ScanState, text: Text): void {
  for (const mention of state.mentions.get(text) ?? []) state.links.detach(mention);
  if (!mayHoldMention(text)) return;
  state.typing.add(text);
  clearTimeout(state.typingTimer);
  state.typingTimer = setTimeout(() => {
    state.typingTimer = undefined;
    for (const node of state.typing) state.pending.add(node);
    state.typing.clear();
    flush(state);
  }, TYPING_QUIET_MS);
}

/** The page changed: badges what it can at once (see badgeNow) and leaves the rest to the next batch. */
function onMutations(state: ScanState, records: MutationRecord[]): void {
  if (!state.active) return;
  const start = performance.now();
  const show: [Element, PaperSummary][] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as MutationRecord;
    // Most records of a page that keeps rewriting links are settled here, touching nothing else of the record.
    if (record.type === 'attributes') {
      const anchor = record.target as Element;
      const verdict = hrefChanged(state, anchor, start);
      if (verdict === 'later') badgeChurningLater(state, anchor, start);
      else if (verdict === 'now') badgeOrQueue(state, anchor, start + HREF_BUDGET_MS, show);
      continue;
    }
    if (record.type === 'characterData') {
      textChanged(state, record.target as Text);
      continue;
    }
    // A removed link loses its badge at once (a removed subtree's links, at the sweep).
    const removed = record.removedNodes;
    for (const node of removed) if (!node.isConnected) state.links.detach(node as Element);
    if (removed.length) state.needsSweep = true;
    for (const node of record.addedNodes) badgeOrQueue(state, node, start + SYNC_BUDGET_MS, show);
  }
  // Built first, then inserted: building reads the page's styles, which an insertion would make stale.
  for (const [anchor, paper] of show) state.options.badges.prepare?.(anchor, paper);
  for (const [anchor, paper] of show) if (anchor.isConnected) state.links.attach(anchor, paper);
  if (state.links.changed) state.links.report();
  if ((state.pending.size || state.needsSweep) && state.flushTimer === undefined) {
    state.flushTimer = setTimeout(() => flush(state), state.options.flushDelayMs ?? 30);
  }
}

/** Scans what the page added since the last batch, as one batch with one lookup. */
function flush(state: ScanState): void {
  state.flushTimer = undefined;
  const roots = [...state.pending];
  state.pending.clear();
  const sweepNow = state.needsSweep;
  state.needsSweep = false;
  void enqueue(state, async () => {
    if (sweepNow) state.links.sweep();
    if (roots.length) await scan(state, roots);
  });
}
