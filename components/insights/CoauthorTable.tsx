import { useState } from 'preact/hooks';
import type { Bounded } from '../../lib/insights/insights-data';
import {
  type CoauthorRow,
  type CoauthorSortKey,
  type SortDirection,
  sortCoauthors,
} from '../../lib/insights/top-coauthors';

const COLUMNS: { key: CoauthorSortKey; label: string; first: SortDirection }[] = [
  { key: 'name', label: 'Name', first: 'ascending' },
  { key: 'shared', label: 'Shared papers', first: 'descending' },
  { key: 'firstYear', label: 'First year', first: 'ascending' },
  { key: 'lastYear', label: 'Last year', first: 'descending' },
];

/** The coauthors who shared most papers, with the papers and years shared; each column header sorts the table. */
export function CoauthorTable({ coauthors }: { coauthors: Bounded<CoauthorRow> }) {
  const { rows, total } = coauthors;
  const [sort, setSort] = useState<{ key: CoauthorSortKey; direction: SortDirection }>({
    key: 'shared',
    direction: 'descending',
  });
  const sorted = sortCoauthors(rows, sort.key, sort.direction);
  const choose = (key: CoauthorSortKey, first: SortDirection): void =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: first },
    );

  return (
    <section class="chart chart-wide" aria-labelledby="top-coauthors-title" id="top-coauthors">
      <h2 id="top-coauthors-title">Top coauthors</h2>
      <p class="chart-caption">
        Who the author wrote most papers with, and from when to when; sort by any column.
        {rows.length < total &&
          ` The ${rows.length} with most shared papers of ${total.toLocaleString('en')} coauthors; sorting orders these.`}
      </p>
      <div class="table-scroll">
        <table class="sortable">
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th key={column.key} scope="col" aria-sort={sort.key === column.key ? sort.direction : 'none'}>
                  <button type="button" onClick={() => choose(column.key, column.first)} data-sort={column.key}>
                    {column.label}
                    <span class="sort-arrow" aria-hidden="true">
                      {sort.key === column.key ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.name}>
                <th scope="row">{row.name}</th>
                <td>{row.shared}</td>
                <td>{row.firstYear}</td>
                <td>{row.lastYear}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
