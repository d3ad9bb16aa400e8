import { useEffect, useState } from 'preact/hooks';
import { plainError } from '../lib/errors';
import type { LibraryOverview } from '../lib/message-schemas';
import { sendMessage } from '../lib/messages';

/** "Everyone": the whole library, every followed author's papers and the papers no followed author wrote. */
export const EVERYONE = '';

/** Whose papers a page shows: a followed author's id, or {@link EVERYONE}. */
export interface AuthorChoice {
  chosen: string;
  choose(id: string): void;
}

export interface OverviewChoice extends AuthorChoice {
  overview: LibraryOverview | null;
  error: string | null;
  /** How many papers the choice holds. */
  papers: number;
}

/**
 * Who is followed and how many papers each has (never the papers), and whose papers
 * the page shows: with one followed author (a fresh install) them, with more everyone.
 * Asked for once `ask` is true (a page can let its first answer go ahead of it).
 */
export function useOverviewChoice(ask = true): OverviewChoice {
  const [state, setState] = useState<{ overview: LibraryOverview | null; error: string | null }>({
    overview: null,
    error: null,
  });
  const [picked, choose] = useState<string | null>(null);
  useEffect(() => {
    if (!ask) return;
    sendMessage('getLibraryOverview', undefined).then(
      (overview) => setState({ overview, error: null }),
      (e: unknown) => setState({ overview: null, error: plainError(e) }),
    );
  }, [ask]);
  const authors = state.overview?.authors ?? [];
  const fallback = authors.length === 1 ? (authors[0]?.id ?? EVERYONE) : EVERYONE;
  const chosen = picked !== null && (picked === EVERYONE || authors.some((a) => a.id === picked)) ? picked : fallback;
  const papers = chosen === EVERYONE ? (state.overview?.papers ?? 0) : (state.overview?.paperCounts[chosen] ?? 0);
  return { ...state, chosen, choose, papers };
}
