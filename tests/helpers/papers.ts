import type { LookupRequest, LookupResponse, PaperSummary } from '../../lib/message-schemas';
import { buildLibraryFilter, type LibraryFilterMessage, readLibraryFilter } from '../../lib/scan/library-filter';
import { BUNDLED_AUTHOR_ID, corpus, libraryPapers } from './db';

/** The summary the background would return for a corpus paper (shape only; coauthor counts are illustrative). */
export function summaryOf(id: string, saved = false): PaperSummary {
  const paper = libraryPapers.find((p) => p.id === id);
  if (!paper) throw new Error(`no corpus paper ${id}`);
  const { abstract: _abstract, notes: _notes, ...rest } = paper;
  return {
    ...rest,
    followedAuthors: [{ id: BUNDLED_AUTHOR_ID, name: corpus.author.name, color: '#1f5fbf' }],
    coauthors: paper.authors.slice(0, 2).map((name) => ({ name, sharedPapers: 3, authorId: BUNDLED_AUTHOR_ID })),
    closestEarlierTitle: null,
    relatedPapers: paper.related.map((related) => ({
      ...related,
      title: corpus.papers.find((p) => p.id === related.id)?.displayTitle ?? related.id,
    })),
    saved,
  };
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
