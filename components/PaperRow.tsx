import type { Paper } from '../lib/corpus/schema';

/** One paper in a list: title, category, date and novelty. */
export function PaperRow({ paper }: { paper: Paper }) {
  return (
    <li class="paper-row" data-paperlens-id={paper.id}>
      <a href={`https://arxiv.org/abs/${paper.id}`} target="_blank" rel="noreferrer">
        {paper.displayTitle}
      </a>
      <span class="paper-meta">
        <abbr title={paper.categoryName}>{paper.category}</abbr> · {paper.date} · novelty{' '}
        {Math.round(paper.novelty.score * 100)}%
      </span>
    </li>
  );
}
