import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { plainError } from '../../lib/errors';
import type { SearchHit, SearchPage, SearchRequest } from '../../lib/message-schemas';
import { sendMessage } from '../../lib/messages';
import type { SearchFacets } from '../../lib/search';

/** Results asked for at a time: three screenfuls (each result's summary is ~2 KB on the wire). */
export const RESULTS_PAGE = 20;
/** While the full index loads behind a restarted worker, the query is asked again this often. */
const RETRY_MS = 400;

export type SearchQuery = Omit<SearchRequest, 'offset' | 'limit'>;

export interface LibrarySearch {
  /** Results in all; null until the first page arrives. */
  total: number | null;
  /** Loaded results by position (undefined: not fetched yet). */
  hits: (SearchHit | undefined)[];
  facets: SearchFacets;
  error: string | null;
  /** The results shown are not yet those of the query as it is now (an answer is on its way). */
  pending: boolean;
  /** Asks for the pages holding results `start`…`end` (the rows about to be drawn). */
  need(start: number, end: number): void;
}

const NO_FACETS: SearchFacets = { categories: [], years: [] };

/**
 * The popup's search, answered by the background a page at a time: the first page
 * when the query, filters, sort or author change (the latest answer wins), the
 * others as the list scrolls to them. Nothing but the shown results crosses over.
 */
export function useLibrarySearch(query: SearchQuery): LibrarySearch {
  const key = JSON.stringify(query);
  const [state, setState] = useState<Omit<LibrarySearch, 'need' | 'pending'> & { key: string | null }>({
    key: null,
    total: null,
    hits: [],
    facets: NO_FACETS,
    error: null,
  });
  // Which query's answers the state holds, and the pages asked for under it.
  const current = useRef({ key, pages: new Set<number>() });

  const fetchPage = useCallback((page: number, forKey: string, request: SearchQuery) => {
    const asked = current.current;
    if (asked.key !== forKey || asked.pages.has(page)) return;
    asked.pages.add(page);
    const offset = page * RESULTS_PAGE;
    sendMessage('searchLibrary', { ...request, offset, limit: RESULTS_PAGE }).then(
      (answer) => {
        if (current.current.key !== forKey) return;
        setState((before) => ({ key: forKey, ...merged(page === 0 ? [] : before.hits, answer, offset) }));
        // Titles and authors only, for now: ask again until the full index is loaded.
        if (!answer.complete && page === 0) setTimeout(() => refetch(forKey, request), RETRY_MS);
      },
      (error: unknown) => {
        asked.pages.delete(page);
        if (current.current.key === forKey)
          setState((before) => ({ ...before, key: forKey, error: plainError(error) }));
      },
    );
  }, []);

  const refetch = useCallback(
    (forKey: string, request: SearchQuery) => {
      if (current.current.key !== forKey) return;
      current.current = { key: forKey, pages: new Set() };
      fetchPage(0, forKey, request);
    },
    [fetchPage],
  );

  useEffect(() => {
    current.current = { key, pages: new Set() };
    fetchPage(0, key, query);
  }, [key]);

  const need = (start: number, end: number) => {
    for (let page = Math.floor(start / RESULTS_PAGE); page <= Math.floor(end / RESULTS_PAGE); page++) {
      if (state.hits[page * RESULTS_PAGE] === undefined) fetchPage(page, current.current.key, query);
    }
  };
  return { ...state, pending: state.key !== key, need };
}

function merged(hits: (SearchHit | undefined)[], answer: SearchPage, offset: number) {
  const next = hits.slice(0, answer.total);
  next.length = answer.total;
  answer.hits.forEach((hit, i) => {
    next[offset + i] = hit;
  });
  return { total: answer.total, hits: next, facets: answer.facets, error: null };
}
