import { percent } from '../../lib/format';
import type { NoveltyView } from '../../lib/insights/insights-data';
import { DataTable } from './DataTable';

/** The novelty chart's dots as numbers: each paper's date, title, novelty and the reason for it. */
export function NoveltyTable({ novelty }: { novelty: NoveltyView }) {
  const { points, scored, density } = novelty;
  const caption = density
    ? `The ${points.length} most novel of ${scored.toLocaleString('en')} papers (the chart's dots), most novel first`
    : 'Novelty of each paper';
  return (
    <DataTable caption={caption} columns={['Date', 'Paper', 'Novelty', 'Why']}>
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
