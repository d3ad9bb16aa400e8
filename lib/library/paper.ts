import type { z } from 'zod';
import { categoryCode, categoryName } from '../categories';
import { nameKey } from '../names';
import { latexToText } from '../text/latex';
import { normalizeText } from '../text/normalize';
import type { IncomingPaper } from './incoming';
import { doiKey, type LibraryPaper, type SourceKindSchema } from './schema';

type SourceKind = z.infer<typeof SourceKindSchema>;

/** The category of a paper no source placed in arXiv's taxonomy (a BibTeX entry with only a DOI). */
const UNCATEGORIZED = { primaryCategory: 'other', category: 'other', categoryName: 'Other' } as const;

/** The folded family names of an author list (groups, which have no given name, left out). */
export function familiesOf(authors: readonly string[]): string[] {
  return [
    ...new Set(
      authors.flatMap((name) => {
        const key = nameKey(name);
        return key?.given.length ? [key.family] : [];
      }),
    ),
  ];
}

/** The library key of an incoming paper: its arXiv id, or its DOI. */
export const keyOf = (paper: IncomingPaper): string => paper.arxivId ?? doiKey(paper.doi ?? '');

/**
 * An incoming paper as the library stores it, merged with what the library
 * already holds: the bundled corpus's texts (a checked profile) win over a
 * source's, every other field takes the newer source's value, and what only
 * the stored paper knew (its DOI, code link, followed authors) is kept.
 * Novelty and related papers are worked out afterwards, in the background.
 */
export function toLibraryPaper(
  incoming: IncomingPaper,
  existing: LibraryPaper | undefined,
  context: { followedAuthorIds: readonly string[]; source: SourceKind; at: string },
): LibraryPaper {
  const primary = incoming.primaryCategory;
  const fromSource = {
    title: incoming.title,
    displayTitle: latexToText(incoming.title),
    normalizedTitle: normalizeText(incoming.title),
    authors: incoming.authors,
    authorsTruncated: false,
    date: incoming.date,
    year: Number(incoming.date.slice(0, 4)),
    abstract: incoming.abstract,
    ...(primary
      ? { primaryCategory: primary, category: categoryCode(primary), categoryName: categoryName(primary) ?? primary }
      : UNCATEGORIZED),
  };
  const keepBundled = existing?.sources.includes('bundled');
  const base = existing && keepBundled ? existing : { ...existing, ...fromSource };
  return {
    affiliation: null,
    hasCode: false,
    codeUrl: null,
    notes: null,
    novelty: null,
    related: [],
    ...base,
    // A source with no abstract (BibTeX) never blanks one the library has.
    abstract: base.abstract || incoming.abstract,
    id: existing?.id ?? keyOf(incoming),
    version: Math.max(existing?.version ?? 0, incoming.version ?? 0) || null,
    doi: existing?.doi ?? incoming.doi,
    followedAuthorIds: [...new Set([...(existing?.followedAuthorIds ?? []), ...context.followedAuthorIds])],
    authorFamilies: familiesOf(base.authors ?? incoming.authors),
    sources: [...new Set([...(existing?.sources ?? []), context.source])],
    addedAt: existing?.addedAt ?? context.at,
  } as LibraryPaper;
}

/** Whether writing `next` over `stored` would change what the library shows. */
export function paperChanged(stored: LibraryPaper | undefined, next: LibraryPaper): boolean {
  return !stored || JSON.stringify(stored) !== JSON.stringify({ ...stored, ...next });
}
