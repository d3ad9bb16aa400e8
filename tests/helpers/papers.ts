import { summarize } from '../../lib/corpus/lookup';
import type { FollowedAuthor } from '../../lib/library/schema';
import type { LookupRequest, LookupResponse, PaperSummary } from '../../lib/message-schemas';
import { buildLibraryFilter, type LibraryFilterMessage, readLibraryFilter } from '../../lib/scan/library-filter';
import { BUNDLED_AUTHOR_ID, corpus, libraryPapers } from './db';

/** The summary the background returns for a corpus paper, made by the background's own `summarize`. */
export function summaryOf(id: string, saved = false): PaperSummary {
  const paper = libraryPapers.find((p) => p.id === id);
  if (!paper) throw new Error(`no corpus paper ${id}`);
  const author = { id: BUNDLED_AUTHOR_ID, name: corpus.author.name, color: '#1f5fbf' } as FollowedAuthor;
  return summarize(paper, {
    authors: new Map([[BUNDLED_AUTHOR_ID, author]]),
    sharedPapers: new Map(),
    saved: new Set(saved ? [id] : []),
    titles: new Map(),
  });
}

/**
 * A lookup over the real corpus that records every request it gets. The corpus is small, so `wholeIfSmall` gets
 * all of it, as from the background; `large` answers as a library too large for that would.
 */
export function recordingLookup({ large = false } = {}) {
  const requests: LookupRequest[] = [];
  const lookup = async (request: LookupRequest): Promise<LookupResponse> => {
    requests.push(request);
    const papers = corpus.papers
      .filter(
        (paper) =>
          (request.wholeIfSmall && !large) ||
          request.ids.includes(paper.id) ||
          request.titles.includes(paper.normalizedTitle),
      )
      .map((paper) => summaryOf(paper.id));
    return { papers };
  };
  return { requests, lookup };
}

export const corpusIds = corpus.papers.map((paper) => paper.id);

/** What the background's getLibraryFilter answers for the real corpus. */
export const corpusFilterMessage: LibraryFilterMessage = buildLibraryFilter({
  ids: corpusIds,
  dois: [],
  titles: corpus.papers.map((paper) => paper.normalizedTitle),
  papers: corpusIds.length,
});
export const corpusFilter = readLibraryFilter(corpusFilterMessage)!;
