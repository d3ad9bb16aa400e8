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

/** How far each kind of source is trusted for a paper's texts. */
const TRUST: Record<SourceKind, number> = { bundled: 3, arxiv: 2, file: 1 };

const categoryOf = ({ primaryCategory, category, categoryName }: LibraryPaper) => ({
  primaryCategory,
  category,
  categoryName,
});

/** The library key of an incoming paper: its arXiv id, or its DOI. */
export const keyOf = (paper: IncomingPaper): string => paper.arxivId ?? doiKey(paper.doi ?? '');

/**
 * An incoming paper as the library stores it, merged with what the library
 * already holds. Texts come from the most trusted source that has given the
 * paper (the bundle's checked profile, then arXiv, then a user's file): a
 * BibTeX entry with "and others" and a year never overwrites arXiv's author
 * list and date. A source as trusted gives the newer texts, but never blanks
 * an abstract or a category. What only the stored paper knew (its DOI, code
 * link, followed authors) is kept. Novelty and related papers are worked out
 * afterwards, in the background.
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
  const trusted = existing && Math.max(...existing.sources.map((kind) => TRUST[kind])) > TRUST[context.source];
  const keepCategory = existing && !primary;
  const base =
    !existing || !trusted ? { ...existing, ...fromSource, ...(keepCategory ? categoryOf(existing) : {}) } : existing;
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
