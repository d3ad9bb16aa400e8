import { percent } from '../../lib/format';
import type { Bounded, RelatedRow } from '../../lib/insights/insights-data';
import { DataTable } from './DataTable';

interface Props {
  related: Bounded<RelatedRow>;
  onOpen(id: string): void;
}

/** The newest papers, each with its three most similar library papers (the text vectors behind novelty). */
export function RelatedPapersTable({ related, onOpen }: Props) {
  const { rows, total } = related;
  return (
    <section class="chart chart-wide" aria-labelledby="related-title" id="related">
      <h2 id="related-title">Related papers</h2>
      <p class="chart-caption">
        Each paper's three most similar papers in the library, by the same title-and-abstract vectors as novelty.
        {rows.length < total &&
          ` The ${rows.length} newest of ${total.toLocaleString('en')} papers; every paper's card lists its own.`}
      </p>
      <div class="table-scroll">
        <DataTable class="related-table" columns={['Paper', 'Most similar', 'Second', 'Third']}>
          {rows.map((row) => (
            <tr key={row.id} data-paperlens-id={row.id}>
              <th scope="row">
                <button type="button" class="link-button" onClick={() => onOpen(row.id)}>
                  {row.title}
                </button>
              </th>
              {row.related.map((paper) => (
                <td key={paper.id} data-rank={paper.rank}>
                  <button type="button" class="link-button" onClick={() => onOpen(paper.id)}>
                    {paper.title}
                  </button>{' '}
                  <span class="muted">{percent(paper.similarity)}</span>
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      </div>
    </section>
  );
}
