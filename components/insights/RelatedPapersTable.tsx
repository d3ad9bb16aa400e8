import { percent } from '../../lib/format';
import { relatedPapers } from '../../lib/insights/related-papers';
import type { LibraryPaper as Paper } from '../../lib/library/schema';
import { DataTable } from './DataTable';

interface Props {
  papers: readonly Paper[];
  onOpen(id: string): void;
}

/** For each paper, its three most similar corpus papers (the text vectors behind novelty). */
export function RelatedPapersTable({ papers, onOpen }: Props) {
  const newestFirst = [...papers].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  return (
    <section class="chart chart-wide" aria-labelledby="related-title" id="related">
      <h2 id="related-title">Related papers</h2>
      <p class="chart-caption">
        Each paper's three most similar papers in the corpus, by the same title-and-abstract vectors as novelty.
      </p>
      <div class="table-scroll">
        <DataTable class="related-table" columns={['Paper', 'Most similar', 'Second', 'Third']}>
          {newestFirst.map((paper) => (
            <tr key={paper.id} data-paperlens-id={paper.id}>
              <th scope="row">
                <button type="button" class="link-button" onClick={() => onOpen(paper.id)}>
                  {paper.displayTitle}
                </button>
              </th>
              {relatedPapers(paper, papers).map((related) => (
                <td key={related.id} data-rank={related.rank}>
                  <button type="button" class="link-button" onClick={() => onOpen(related.id)}>
                    {related.title}
                  </button>{' '}
                  <span class="muted">{percent(related.similarity)}</span>
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      </div>
    </section>
  );
}
