import type { LookupRequest, LookupResponse, PaperSummary } from '../message-schemas';
import type { Candidate, CorpusIndex } from './candidates';

/** Up to this many corpus papers, the first lookup of a page asks for all of them. */
const PREFETCH_MAX = 200;

export interface PaperCache {
  /** The paper a candidate names: null for none, undefined when it has not been looked up yet. */
  get(candidate: Candidate): PaperSummary | null | undefined;
  /** Looks up, in one message, the candidates (and extra ids) not known yet; returns the papers it learned. */
  resolve(candidates: Iterable<Candidate>, extraIds?: readonly string[]): Promise<PaperSummary[]>;
  /** Asks again about papers already known (their saved state changed elsewhere); returns the fresh ones. */
  refresh(ids: readonly string[]): Promise<PaperSummary[]>;
  /** Keeps a paper's newer summary (after a save). */
  put(paper: PaperSummary): void;
  /** Every paper looked up so far. */
  known(): PaperSummary[];
}

/**
 * Everything a page has learned from the background, by id and by normalized
 * title: the one place the page's lookups go through, so nothing is asked twice.
 */
export function createPaperCache(
  lookup: (request: LookupRequest) => Promise<LookupResponse>,
  corpus: () => CorpusIndex | null,
): PaperCache {
  const byId = new Map<string, PaperSummary | null>();
  const byTitle = new Map<string, PaperSummary | null>();
  const mapOf = (kind: Candidate['kind']) => (kind === 'id' ? byId : byTitle);
  const put = (paper: PaperSummary) => {
    byId.set(paper.id, paper);
    byTitle.set(paper.normalizedTitle, paper);
  };
  let prefetched = false;

  return {
    get: (candidate) => mapOf(candidate.kind).get(candidate.value),
    async resolve(candidates, extraIds = []) {
      const unknown = [...candidates].filter((candidate) => !mapOf(candidate.kind).has(candidate.value));
      const ids = new Set([...unknown.filter((c) => c.kind === 'id').map((c) => c.value), ...extraIds]);
      const titles = [...new Set(unknown.filter((c) => c.kind === 'title').map((c) => c.value))];
      if (!ids.size && !titles.length) return [];
      // A page that links to one corpus paper often gets more (a feed, a reply): the first lookup asks for the
      // whole (small) corpus, so links added later are badged at once, in the page's own task.
      const index = corpus();
      const prefetch = !prefetched && index !== null && index.ids.size <= PREFETCH_MAX;
      if (prefetch) for (const id of index.ids) ids.add(id);
      const { papers } = await lookup({ ids: [...ids], titles });
      if (prefetch) prefetched = true;
      for (const paper of papers) put(paper);
      for (const { kind, value } of unknown) if (!mapOf(kind).has(value)) mapOf(kind).set(value, null);
      return papers;
    },
    async refresh(ids) {
      if (!ids.length) return [];
      const { papers } = await lookup({ ids: [...ids], titles: [] });
      return papers;
    },
    put,
    known: () => [...new Set(byId.values())].filter((paper): paper is PaperSummary => paper !== null),
  };
}
