import { percent } from '../../lib/format';
import type { NoveltyPoint } from '../../lib/insights/novelty-points';
import { DataTable } from './DataTable';

/** The novelty chart's numbers: each paper's date, title, novelty and the reason for it. */
export function NoveltyTable({ points }: { points: readonly NoveltyPoint[] }) {
  return (
    <DataTable caption="Novelty of each paper" columns={['Date', 'Paper', 'Novelty', 'Why']}>
      {points.map((point) => (
        <tr key={point.id} data-paperlens-id={point.id}>
          <td>{point.date}</td>
          <th scope="row">{point.title}</th>
          <td>{percent(point.score)}</td>
          <td>{point.explanation}</td>
        </tr>
      ))}
    </DataTable>
  );
}
