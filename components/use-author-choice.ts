import { useMemo, useState } from 'preact/hooks';
import type { LibraryCoauthor } from '../lib/db';
import type { FollowedAuthor, LibraryPaper } from '../lib/library/schema';
import type { Library } from '../lib/message-schemas';

/** "Everyone": the whole library, every followed author's papers and the papers no followed author wrote. */
export const EVERYONE = '';

export interface AuthorChoice {
  /** The chosen author's id, or {@link EVERYONE}. */
  chosen: string;
  choose(id: string): void;
  author: FollowedAuthor | null;
  papers: LibraryPaper[];
  coauthors: LibraryCoauthor[];
}

/**
 * Whose papers a page shows: one followed author, or everyone. With one
 * followed author (a fresh install) it is them; with more, everyone.
 */
export function useAuthorChoice(library: Library | null): AuthorChoice {
  const [picked, choose] = useState<string | null>(null);
  const authors = library?.authors ?? [];
  const fallback = authors.length === 1 ? (authors[0]?.id ?? EVERYONE) : EVERYONE;
  const chosen = picked !== null && (picked === EVERYONE || authors.some((a) => a.id === picked)) ? picked : fallback;
  const view = useMemo(() => {
    const all = { papers: library?.papers ?? [], coauthors: library?.coauthors ?? [] };
    if (chosen === EVERYONE) return all;
    return {
      papers: all.papers.filter((paper) => paper.followedAuthorIds.includes(chosen)),
      coauthors: all.coauthors.filter((coauthor) => coauthor.authorId === chosen),
    };
  }, [library, chosen]);
  return { chosen, choose, author: authors.find((a) => a.id === chosen) ?? null, ...view };
}
