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
  /** Replaces a paper's summary everywhere (after a save), re-rendering its badges. */
  updatePaper(paper: PaperSummary): void;
  /** Scans everything again (settings were switched back on, or the page navigated). */
  rescan(): Promise<void>;
  /** Removes every badge (settings switched off) but keeps what it learned. */
  clear(): void;
}

const EDITABLE = '[contenteditable]:not([contenteditable="false"])';

/**
 * Finds the corpus papers a page links to and keeps exactly one badge per
 * such link while the page changes: added subtrees are scanned (never the
 * whole document per mutation), removed links lose their badges, links whose
 * badge was removed get it back. Mutations are gathered for `flushDelayMs`
 * and scanned as one batch with one lookup; work is sliced so no task is long.
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

  const enqueue = (task: () => Promise<void>): Promise<void> => {
    queue = queue.then(task).catch((error: unknown) => console.debug('[paperlens] scan failed', error));
    return queue;
  };

  const report = () => {
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
    const ids = unknown.filter((key) => key.startsWith('id:')).map((key) => key.slice(3));
    const titles = unknown.filter((key) => key.startsWith('title:')).map((key) => key.slice(6));
    const { papers } = await options.lookup({ ids, titles });
    for (const paper of papers) {
      cache.set(`id:${paper.id}`, paper);
      cache.set(`title:${paper.normalizedTitle}`, paper);
    }
    for (const key of unknown) if (!cache.has(key)) cache.set(key, null);
    options.onPapers?.(papers);
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
        else if (linked.has(anchor)) {
          badges.detach(anchor);
          linked.delete(anchor);
        }
      },
      { signal },
    );
    const keys = new Set(found.map(([, key]) => key));
    for (const id of extraIds) keys.add(`id:${id}`);
    extraIds = [];
    await resolveUnknown(keys);
    const toShow: [Element, PaperSummary][] = [];
    await forEachInSlices(
      found,
      ([anchor, key]) => {
        const paper = cache.get(key);
        if (paper && anchor.isConnected && !anchor.closest(EDITABLE) && active) {
          badges.prepare?.(anchor, paper);
          toShow.push([anchor, paper]);
        } else if (linked.has(anchor)) {
          badges.detach(anchor);
          linked.delete(anchor);
        }
      },
      { signal },
    );
    if (signal.aborted || !active) return;
    for (const [anchor, paper] of toShow) {
      // The page may have moved on while we yielded.
      if (!anchor.isConnected) continue;
      badges.attach(anchor, paper);
      linked.set(anchor, paper);
    }
    report();
  };

  const sweep = () => {
    for (const [anchor, paper] of linked) {
      if (anchor.isConnected) badges.attach(anchor, paper);
      else {
        badges.detach(anchor);
        linked.delete(anchor);
      }
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
   * A link the scanner already knows (re-added by a page that moves links around)
   * gets its badge back at once, without waiting for the batch; so does a removed
   * link lose it. Anything else waits for the batch.
   */
  const reattachKnown = (node: Node): boolean => {
    if (!(node instanceof Element) || node.localName !== 'a' || !node.isConnected) return false;
    const key = candidateKey(node, options.pageUrl(), options.corpus());
    const paper = key ? cache.get(key) : undefined;
    if (!paper || node.closest(EDITABLE)) return false;
    badges.attach(node, paper);
    linked.set(node, paper);
    return true;
  };

  const observer = new MutationObserver((records) => {
    if (!active) return;
    for (const record of records) {
      if (record.type === 'attributes') {
        pendingRoots.add(record.target);
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && !badges.isOwn(node) && !reattachKnown(node)) pendingRoots.add(node);
      }
      for (const node of record.removedNodes) {
        if (linked.has(node as Element) && !node.isConnected) {
          badges.detach(node as Element);
          linked.delete(node as Element);
        }
      }
      if (record.removedNodes.length) needsSweep = true;
    }
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
    updatePaper(paper) {
      cache.set(`id:${paper.id}`, paper);
      cache.set(`title:${paper.normalizedTitle}`, paper);
      for (const [anchor, old] of linked) {
        if (old.id === paper.id) {
          linked.set(anchor, paper);
          badges.attach(anchor, paper);
        }
      }
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
