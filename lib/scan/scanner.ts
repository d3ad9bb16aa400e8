import type { LookupRequest, LookupResponse, PaperSummary } from '../message-schemas';
import { type CandidateKey, type CorpusIndex, candidateKey } from './candidates';
import { forEachInSlices } from './yield';

/** Where badges go: the scanner decides which anchors get one, this puts them in the page. */
export interface BadgeLayer {
  /**
   * Builds `paper`'s badge for `anchor` without putting it in the page. Building
   * is the costly part and runs in slices; inserting the built badges then
   * happens in one go, so the page lays out once rather than once per slice.
   */
  prepare?(anchor: Element, paper: PaperSummary): void;
  /** Shows `paper`'s badge right after `anchor`; called again for a badge already there, it only checks it. */
  attach(anchor: Element, paper: PaperSummary): void;
  detach(anchor: Element): void;
  /** Nodes Paperlens itself put in the page, which the scanner ignores. */
  isOwn(node: Node): boolean;
}

export interface ScannerOptions {
  document: Document;
  /** The URL relative links resolve against (the document's base URL). */
  pageUrl(): string;
  /** The corpus ids and titles, once known; until then any paper id in a URL is looked up. */
  corpus(): CorpusIndex | null;
  /** The batched lookup: one message per scan. */
  lookup(request: LookupRequest): Promise<LookupResponse>;
  badges: BadgeLayer;
  /** Called with the ids of the corpus papers linked from the page whenever that set changes. */
  onPapersChanged?(ids: ReadonlySet<string>): void;
  /** Extra ids to look up with the first scan (the arXiv abstract page's own paper). */
  extraIds?: readonly string[];
  /** Called with every paper the lookups return. */
  onPapers?(papers: readonly PaperSummary[]): void;
  signal: AbortSignal;
  /** How long mutations are gathered before they are scanned together. */
  flushDelayMs?: number;
}

export interface Scanner {
  /** Scans the whole document once, then watches it for changes. */
  start(): Promise<void>;
  /** Waits until every scan queued so far is done (for tests and benchmarks). */
  idle(): Promise<void>;
  /** The anchors that have a badge, with their paper. */
  linked(): ReadonlyMap<Element, PaperSummary>;
  /** Every paper looked up so far, linked from the page or not. */
  known(): PaperSummary[];
  /** Replaces a paper's summary everywhere (after a save), re-rendering its badges. */
  updatePaper(paper: PaperSummary): void;
  /** Scans everything again (settings were switched back on, or the page navigated). */
  rescan(): Promise<void>;
  /** Removes every badge (settings switched off) but keeps what it learned. */
  clear(): void;
}

const EDITABLE = '[contenteditable]:not([contenteditable="false"])';
/** Up to this many corpus papers, the first lookup of a page asks for all of them. */
const PREFETCH_MAX = 200;
/**
 * Time a mutation callback may spend badging added links itself before leaving the rest to the batch. It
 * includes the style update the first new badge forces, which the page's own rendering would do anyway.
 */
const SYNC_BUDGET_MS = 10;

/**
 * Finds the corpus papers a page links to and keeps exactly one badge per
 * such link while the page changes: added subtrees are scanned (never the
 * whole document per mutation), removed links lose their badges, links whose
 * badge was removed get it back. Links to papers already looked up are
 * badged within the page's own change (see badgeNow); anything else is
 * gathered for `flushDelayMs` and scanned as one batch with one lookup, in
 * slices so no task is long.
 */
export function createScanner(options: ScannerOptions): Scanner {
  const { document: doc, badges, signal } = options;
  const cache = new Map<CandidateKey, PaperSummary | null>();
  const linked = new Map<Element, PaperSummary>();
  const pendingRoots = new Set<Node>();
  let needsSweep = false;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<void> = Promise.resolve();
  let reportedIds = '';
  let extraIds = options.extraIds ?? [];
  let active = true;
  let prefetched = false;

  const enqueue = (task: () => Promise<void>): Promise<void> => {
    queue = queue.then(task).catch((error: unknown) => console.debug('[paperlens] scan failed', error));
    return queue;
  };

  /** Whether a badge came or went since the toolbar was last told. */
  let changed = false;
  const attach = (anchor: Element, paper: PaperSummary) => {
    try {
      badges.attach(anchor, paper);
    } catch (error) {
      // One link the page does not let us badge (the root of a standalone SVG document, say) never stops the rest.
      console.debug('[paperlens] could not badge a link', error);
      return;
    }
    if (linked.get(anchor) !== paper) changed = true;
    linked.set(anchor, paper);
  };
  const detach = (anchor: Element) => {
    if (!linked.has(anchor)) return;
    badges.detach(anchor);
    linked.delete(anchor);
    changed = true;
  };

  const report = () => {
    changed = false;
    const ids = new Set([...linked.values()].map((paper) => paper.id));
    const key = [...ids].sort().join(',');
    if (key !== reportedIds) {
      reportedIds = key;
      options.onPapersChanged?.(ids);
    }
  };

  const collectAnchors = (roots: Node[]): ArrayLike<Element> => {
    const [only] = roots;
    // The common cases, a first scan or one added subtree, need no deduplication.
    if (roots.length === 1 && only instanceof Element && only.localName !== 'a' && !badges.isOwn(only)) {
      return only.isConnected ? only.querySelectorAll('a') : [];
    }
    const anchors = new Set<Element>();
    for (const root of roots) {
      if (!(root instanceof Element) || !root.isConnected || badges.isOwn(root)) continue;
      if (root.localName === 'a') anchors.add(root);
      for (const anchor of root.querySelectorAll('a')) anchors.add(anchor);
    }
    return [...anchors];
  };

  const resolveUnknown = async (keys: Set<CandidateKey>) => {
    const unknown = [...keys].filter((key) => !cache.has(key));
    if (!unknown.length) return;
    const ids = new Set(unknown.filter((key) => key.startsWith('id:')).map((key) => key.slice(3)));
    const titles = unknown.filter((key) => key.startsWith('title:')).map((key) => key.slice(6));
    // A page that links to one corpus paper often gets more (a feed, a reply): the first lookup asks for the
    // whole (small) corpus, so links added later are badged at once, in the page's own task (see badgeNow).
    const corpus = options.corpus();
    const prefetch = !prefetched && corpus !== null && corpus.ids.size <= PREFETCH_MAX;
    if (prefetch) for (const id of corpus.ids) ids.add(id);
    const { papers } = await options.lookup({ ids: [...ids], titles });
    if (prefetch) prefetched = true;
    for (const paper of papers) {
      cache.set(`id:${paper.id}`, paper);
      cache.set(`title:${paper.normalizedTitle}`, paper);
    }
    for (const key of unknown) if (!cache.has(key)) cache.set(key, null);
    options.onPapers?.(papers);
  };

  /**
   * The paper `anchor` links to now: null for none (or a link gone, or in editable content), undefined when its
   * key has not been looked up yet.
   */
  const paperNow = (
    anchor: Element,
    pageUrl = options.pageUrl(),
    corpus = options.corpus(),
  ): PaperSummary | null | undefined => {
    if (!anchor.isConnected) return null;
    const key = candidateKey(anchor, pageUrl, corpus);
    const paper = key ? cache.get(key) : null;
    return paper && anchor.closest(EDITABLE) ? null : paper;
  };

  const scan = async (roots: Node[]) => {
    const anchors = collectAnchors(roots);
    const found: [Element, CandidateKey][] = [];
    const pageUrl = options.pageUrl();
    const corpus = options.corpus();
    await forEachInSlices(
      anchors,
      (anchor) => {
        const key = candidateKey(anchor, pageUrl, corpus);
        if (key) found.push([anchor, key]);
        else detach(anchor);
      },
      { signal },
    );
    const keys = new Set(found.map(([, key]) => key));
    for (const id of extraIds) keys.add(`id:${id}`);
    extraIds = [];
    await resolveUnknown(keys);
    // The page may have moved on while we asked and yielded: a link may be gone or point elsewhere (a changed
    // href to a paper not looked up yet is queued by its mutation), and a save may have updated its paper.
    const toShow: Element[] = [];
    await forEachInSlices(
      found,
      ([anchor]) => {
        const paper = paperNow(anchor);
        if (paper && active) {
          badges.prepare?.(anchor, paper);
          toShow.push(anchor);
        } else if (paper !== undefined) detach(anchor);
      },
      { signal },
    );
    if (signal.aborted || !active) return;
    for (const anchor of toShow) {
      const paper = paperNow(anchor);
      if (paper) attach(anchor, paper);
      else if (paper !== undefined) detach(anchor);
    }
    report();
  };

  const sweep = () => {
    for (const [anchor, paper] of linked) {
      if (anchor.isConnected) attach(anchor, paper);
      else detach(anchor);
    }
    report();
  };

  const flush = () => {
    flushTimer = undefined;
    const roots = [...pendingRoots];
    pendingRoots.clear();
    const sweepNow = needsSweep;
    needsSweep = false;
    void enqueue(async () => {
      if (sweepNow) sweep();
      if (roots.length) await scan(roots);
    });
  };

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
  const badgeNow = (root: Element, deadline: number, show: [Element, PaperSummary][]): boolean => {
    const pageUrl = options.pageUrl();
    const corpus = options.corpus();
    const anchors = collectAnchors([root]);
    const mine: [Element, PaperSummary][] = [];
    for (let i = 0; i < anchors.length; i++) {
      if ((i & 15) === 15 && performance.now() > deadline) return false;
      const anchor = anchors[i] as Element;
      const paper = paperNow(anchor, pageUrl, corpus);
      if (paper === undefined) return false;
      if (paper) mine.push([anchor, paper]);
      else detach(anchor);
    }
    show.push(...mine);
    return true;
  };

  const observer = new MutationObserver((records) => {
    if (!active) return;
    const deadline = performance.now() + SYNC_BUDGET_MS;
    const show: [Element, PaperSummary][] = [];
    for (const record of records) {
      // A removed link loses its badge at once (a removed subtree's links, at the sweep).
      for (const node of record.removedNodes) if (!node.isConnected) detach(node as Element);
      if (record.removedNodes.length) needsSweep = true;
      const added = record.type === 'attributes' ? [record.target] : record.addedNodes;
      for (const node of added) {
        if (node.nodeType !== Node.ELEMENT_NODE || badges.isOwn(node)) continue;
        let done = false;
        try {
          done = performance.now() <= deadline && badgeNow(node as Element, deadline, show);
        } catch (error) {
          console.debug('[paperlens] scan failed', error);
        }
        if (!done) pendingRoots.add(node);
      }
    }
    // Built first, then inserted: building reads the page's styles, which an insertion would make stale.
    for (const [anchor, paper] of show) badges.prepare?.(anchor, paper);
    for (const [anchor, paper] of show) if (anchor.isConnected) attach(anchor, paper);
    if (changed) report();
    if ((pendingRoots.size || needsSweep) && flushTimer === undefined) {
      flushTimer = setTimeout(flush, options.flushDelayMs ?? 30);
    }
  });

  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(flushTimer);
    for (const anchor of linked.keys()) badges.detach(anchor);
    linked.clear();
  });

  const scanAll = () => enqueue(() => scan([doc.documentElement]));

  return {
    async start() {
      active = true;
      observer.observe(doc.documentElement, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['href'],
      });
      await scanAll();
    },
    idle: () => enqueue(async () => {}),
    linked: () => linked,
    known: () => [...new Set(cache.values())].filter((paper): paper is PaperSummary => paper !== null),
    updatePaper(paper) {
      cache.set(`id:${paper.id}`, paper);
      cache.set(`title:${paper.normalizedTitle}`, paper);
      for (const [anchor, old] of linked) if (old.id === paper.id) attach(anchor, paper);
    },
    rescan() {
      active = true;
      return scanAll();
    },
    clear() {
      active = false;
      for (const anchor of linked.keys()) badges.detach(anchor);
      linked.clear();
      report();
    },
  };
}
