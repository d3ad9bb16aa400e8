import type { PapersPerYear } from '../../lib/insights/papers-per-year';
import { DataTable } from './DataTable';

/** The papers-per-year chart's numbers: a row per year, a column per category, and the year's total. */
export function PapersPerYearTable({ data }: { data: PapersPerYear }) {
  const categoryColumns = data.categories.map((category) => ({
    key: category.code,
    heading: <abbr title={category.name}>{category.code}</abbr>,
  }));
  return (
    <DataTable caption="Papers per year and category" columns={['Year', ...categoryColumns, 'Total']}>
      {data.years.map((row) => (
        <tr key={row.year}>
          <th scope="row">{row.year}</th>
          {data.categories.map((category) => (
            <td key={category.code} data-category={category.code}>
              {row.counts[category.code] ?? 0}
            </td>
          ))}
          <td>{row.total}</td>
        </tr>
      ))}
    </DataTable>
  );
}
