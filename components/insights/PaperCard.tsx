import { useEffect, useRef } from 'preact/hooks';
import { categoryStyle } from '../../lib/categories';
import { authorLine, formatDate, noveltyExplanation, percent } from '../../lib/format';
import { closestEarlierTitle } from '../../lib/insights/novelty';
import { relatedPapers } from '../../lib/insights/related-papers';
import type { LibraryPaper as Paper } from '../../lib/library/schema';
import { abstractUrl } from '../../lib/links/arxiv-id';

interface Props {
  paper: Paper;
  /** Titles of the papers it names that its derived data carries no title for. */
  titles: ReadonlyMap<string, string>;
  onOpen(id: string): void;
  onClose(): void;
}

/** A paper's details in a modal dialog: novelty explained and its related papers (Escape closes it). */
export function PaperCard({ paper, titles, onOpen, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleOf = (id: string): string | undefined => titles.get(id);
  const closest = paper.novelty?.closestEarlierTitle ?? closestEarlierTitle(paper.novelty, titleOf);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  useEffect(() => {
    dialog.current?.querySelector('h2')?.scrollIntoView({ block: 'nearest' });
  }, [paper.id]);

  return (
    <dialog
      ref={dialog}
      class="paper-card"
      aria-labelledby="paper-card-title"
      onClose={onClose}
      data-paperlens-id={paper.id}
    >
      <h2 id="paper-card-title">{paper.displayTitle}</h2>
      <p class="card-meta">
        <abbr class="pl-cat chip" style={categoryStyle(paper.category)} title={paper.categoryName}>
          {paper.category}
        </abbr>{' '}
        {formatDate(paper.date)} · arXiv {paper.id}
      </p>
      <p class="card-authors">{authorLine(paper.authors, paper.authorsTruncated)}</p>
      <p>{noveltyExplanation(paper.novelty, closest)}</p>
      <h3>Related papers</h3>
      <ol class="card-related">
        {relatedPapers(paper, titleOf).map((related) => (
          <li key={related.id} data-rank={related.rank}>
            <button type="button" class="link-button" onClick={() => onOpen(related.id)}>
              {related.title}
            </button>{' '}
            <span class="muted">{percent(related.similarity)} similar</span>
          </li>
        ))}
      </ol>
      <p class="card-actions">
        <a href={abstractUrl(paper.id)} target="_blank" rel="noreferrer">
          Open on arXiv
        </a>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </p>
    </dialog>
  );
}
