import type { LookupRequest, LookupResponse, PaperSummary } from '../message-schemas';
import type { Candidate } from './candidates';

export interface PaperCache {
  /** The paper a candidate names: null for none, undefined when it has not been looked up yet. */
  get(candidate: Candidate): PaperSummary | null | undefined;
  /** Looks up, in one message, the candidates not known yet; returns the papers it learned. */
  resolve(candidates: Iterable<Candidate>): Promise<PaperSummary[]>;
  /** Asks again about papers already known (their saved state changed elsewhere); returns the fresh ones. */
  refresh(ids: readonly string[]): Promise<PaperSummary[]>;
  /** Keeps a paper's newer summary (after a save). */
  put(paper: PaperSummary): void;
  /** Every paper looked up so far. */
  known(): PaperSummary[];
}

/**
 * Everything a page has learned from the background, by id, DOI and
 * normalized title: the one place the page's lookups go through, so nothing
 * is asked twice.
 */
export function createPaperCache(lookup: (request: LookupRequest) => Promise<LookupResponse>): PaperCache {
  const maps = { id: new Map<string, PaperSummary | null>(), doi: new Map(), title: new Map() };
  const mapOf = (kind: Candidate['kind']): Map<string, PaperSummary | null> => maps[kind];
  const put = (paper: PaperSummary) => {
    maps.id.set(paper.id, paper);
    if (paper.doi) maps.doi.set(paper.doi, paper);
    maps.title.set(paper.normalizedTitle, paper);
  };
  let asked = false;

  return {
    get: (candidate) => mapOf(candidate.kind).get(candidate.value),
    async resolve(candidates) {
      const unknown = [...candidates].filter((candidate) => !mapOf(candidate.kind).has(candidate.value));
      const of = (kind: Candidate['kind']) => [...new Set(unknown.filter((c) => c.kind === kind).map((c) => c.value))];
      const [ids, dois, titles] = [of('id'), of('doi'), of('title')];
      if (!ids.length && !dois.length && !titles.length) return [];
      // A page that links to one library paper often gets more (a feed, a reply): the first lookup asks for the
      // whole library when it is small, so links added later are badged at once, in the page's own task.
      const { papers } = await lookup({ ids, dois, titles, wholeIfSmall: !asked });
      asked = true;
      for (const paper of papers) put(paper);
      for (const { kind, value } of unknown) if (!mapOf(kind).has(value)) mapOf(kind).set(value, null);
      return papers;
    },
    async refresh(ids) {
      if (!ids.length) return [];
      const { papers } = await lookup({ ids: [...ids], dois: [], titles: [] });
      return papers;
    },
    put,
    known: () => [...new Set(maps.id.values())].filter((paper): paper is PaperSummary => paper !== null),
  };
}
