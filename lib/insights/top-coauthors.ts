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

/** Each coauthor's shared papers and first and last year together, most shared first (then by name). */
export function topCoauthors(papers: readonly Paper[], coauthors: readonly Coauthor[]): CoauthorRow[] {
  const yearOf = new Map(papers.map((paper) => [paper.id, paper.year]));
  const rows = coauthors.map((coauthor) => {
    const years = coauthor.paperIds.map((id) => yearOf.get(id)).filter((year) => year !== undefined);
    return {
      name: coauthor.name,
      shared: coauthor.count,
      firstYear: Math.min(...years),
      lastYear: Math.max(...years),
    };
  });
  return sortCoauthors(rows, 'shared', 'descending');
}

/** Rows sorted by one column; ties keep a fixed order (most shared, then name A–Z). */
export function sortCoauthors(
  rows: readonly CoauthorRow[],
  key: CoauthorSortKey,
  direction: SortDirection,
): CoauthorRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: CoauthorRow, b: CoauthorRow): number => a.name.localeCompare(b.name, 'en');
  const compare = (a: CoauthorRow, b: CoauthorRow): number =>
    key === 'name' ? byName(a, b) : (a[key] as number) - (b[key] as number);
  return [...rows].sort((a, b) => sign * compare(a, b) || b.shared - a.shared || byName(a, b));
}
