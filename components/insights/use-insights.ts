import { useEffect, useState } from 'preact/hooks';
import { plainError } from '../../lib/errors';
import type { InsightsData } from '../../lib/insights/insights-data';
import type { FollowedAuthor } from '../../lib/library/schema';
import type { LibraryOverview } from '../../lib/message-schemas';
import { sendMessage } from '../../lib/messages';
import { EVERYONE } from '../use-overview';

export interface InsightsState {
  /** The followed authors and their paper counts, for the author switch (null until they arrive). */
  overview: LibraryOverview | null;
  /** The chosen author's id, or {@link EVERYONE}. */
  chosen: string;
  choose(id: string): void;
  author: FollowedAuthor | null;
  /** The charts shown: the previous view's while the next is on its way, null before the first. */
  data: InsightsData | null;
  /** The chosen view's charts are on their way. */
  loading: boolean;
  error: string | null;
}

/** With one followed author (a fresh install) it is them; with more, everyone (as the popup chooses). */
function chosenOf(authors: readonly FollowedAuthor[], picked: string | null): string {
  if (picked !== null && (picked === EVERYONE || authors.some((author) => author.id === picked))) return picked;
  return authors.length === 1 ? (authors[0]?.id ?? EVERYONE) : EVERYONE;
}

/**
 * Whose insights the page shows, and those insights as the background works
 * them out (`getInsights`): only the charts' data crosses, never the library.
 * Everyone's are asked for first and shown as soon as they say more than one
 * author is followed; then the overview (which counts every author's papers,
 * slow in a large library) for the author switch; with one author, their
 * insights are asked for once the overview names them.
 */
export function useInsights(): InsightsState {
  const [overview, setOverview] = useState<LibraryOverview | null>(null);
  const [picked, choose] = useState<string | null>(null);
  const [data, setData] = useState<InsightsData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const answered = data !== null || error !== null;
  useEffect(() => {
    // Asked once the first charts are in: its counting would hold them up in IndexedDB's queue.
    if (answered)
      sendMessage('getLibraryOverview', undefined).then(setOverview, (e: unknown) => setError(plainError(e)));
  }, [answered]);
  const authors = overview?.authors ?? [];
  const chosen = chosenOf(authors, picked);
  const authorId = overview && chosen !== EVERYONE ? chosen : null;
  useEffect(() => {
    let current = true;
    sendMessage('getInsights', { authorId }).then(
      (next) => current && setData(next),
      (e: unknown) => current && setError(plainError(e)),
    );
    // A slower answer for a view chosen before must not replace the one chosen now.
    return () => {
      current = false;
    };
  }, [authorId]);
  // The previous view stays while one the user chose is on its way; everyone's in a one-author library never shows.
  const fits = data?.authorId === authorId && (overview !== null || data.followed !== 1);
  const shown = fits || picked !== null ? data : null;
  return {
    overview,
    chosen,
    choose,
    author: authors.find((author) => author.id === chosen) ?? null,
    data: shown,
    loading: shown?.authorId !== authorId,
    error,
  };
}
