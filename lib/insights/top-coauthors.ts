// The top-coauthors table's rows: each coauthor's shared papers and years, and their sort orders.
import type { Coauthor } from '../corpus/schema';
import type { LibraryPaper as Paper } from '../library/schema';

export interface CoauthorRow {
  name: string;
  shared: number;
  firstYear: number;
  lastYear: number;
}

export type CoauthorSortKey = keyof CoauthorRow;
export type SortDirection = 'ascending' | 'descending';

/** What the table reads of a coauthor record. */
export type SharedPapers = Pick<Coauthor, 'name' | 'paperIds' | 'count'>;

/**
 * Each coauthor's shared papers and first and last year together, most shared
 * first (then by name). A coauthor none of whose papers is among `papers` is left out.
 */
export function topCoauthors(
  papers: readonly Pick<Paper, 'id' | 'year'>[],
  coauthors: readonly SharedPapers[],
): CoauthorRow[] {
  const yearOf = new Map(papers.map((paper) => [paper.id, paper.year]));
  const rows = coauthors.flatMap((coauthor) => {
    const years = coauthor.paperIds.map((id) => yearOf.get(id)).filter((year) => year !== undefined);
    if (!years.length) return [];
    return [
      {
        name: coauthor.name,
        shared: coauthor.count,
        firstYear: years.reduce((a, b) => Math.min(a, b)),
        lastYear: years.reduce((a, b) => Math.max(a, b)),
      },
    ];
  });
  return sortCoauthors(rows, 'shared', 'descending');
}

/**
 * Each coauthor's papers among `papers`, from the coauthors each paper carries
 * (derived): a coauthor of several followed authors counts each paper once.
 */
export function coauthorsOfPapers(papers: readonly Pick<Paper, 'id' | 'coauthors'>[]): SharedPapers[] {
  const shared = new Map<string, string[]>();
  for (const paper of papers) {
    for (const name of new Set(paper.coauthors?.map((coauthor) => coauthor.name))) {
      const ids = shared.get(name);
      if (ids) ids.push(paper.id);
      else shared.set(name, [paper.id]);
    }
  }
  return [...shared].map(([name, paperIds]) => ({ name, paperIds, count: paperIds.length }));
}

// One collator for every comparison: tens of thousands of coauthors sort in milliseconds, not seconds.
const compareNames = new Intl.Collator('en').compare;

/** Rows sorted by one column; ties keep a fixed order (most shared, then name A–Z). */
export function sortCoauthors(
  rows: readonly CoauthorRow[],
  key: CoauthorSortKey,
  direction: SortDirection,
): CoauthorRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: CoauthorRow, b: CoauthorRow): number => compareNames(a.name, b.name);
  const compare = (a: CoauthorRow, b: CoauthorRow): number =>
    key === 'name' ? byName(a, b) : (a[key] as number) - (b[key] as number);
  return [...rows].sort((a, b) => sign * compare(a, b) || b.shared - a.shared || byName(a, b));
}
