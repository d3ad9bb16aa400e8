import { authorLine, formatDate, noveltyExplanation, plural } from '../../lib/format';
import { paperPageUrl } from '../../lib/links/paper-url';
import type { PaperSummary, SearchHit } from '../../lib/message-schemas';
import { isDoiKey } from '../../lib/paper-key';
import { CategoryChip } from '../CategoryChip';
import { Highlighted } from '../Highlighted';
import { NoveltyMeter } from '../NoveltyMeter';
import { SaveToggle } from '../SaveToggle';

interface ResultRowProps {
  hit: SearchHit;
  /** The followed author whose coauthors are named, or null for every followed author's. */
  authorId: string | null;
  saved: boolean;
  /** New since the last arXiv refresh, not yet seen. */
  isNew: boolean;
  toggleSave(): void;
  /** Where the row sits in the whole list (it is drawn only when in view), and how to measure it. */
  position: { index: number; of: number; measure(element: Element | null): void };
}

/** The paper's coauthors shared with the chosen author (or anyone followed), in author-list order, each named once. */
function sharedCoauthors(paper: PaperSummary, authorId: string | null): [string, number][] {
  const shared = new Map<string, number>();
  for (const { name, sharedPapers, authorId: of } of paper.coauthors) {
    if (authorId === null || of === authorId) shared.set(name, Math.max(shared.get(name) ?? 0, sharedPapers));
  }
  return [...shared];
}

/** One paper in the results: its title (the link to arXiv), facts, authors, shared coauthors and Save. */
export function ResultRow({ hit: { paper, terms }, authorId, saved, isNew, toggleSave, position }: ResultRowProps) {
  const coauthors = sharedCoauthors(paper, authorId);
  const byDoi = isDoiKey(paper.id);
  return (
    <li
      class="result"
      data-paperlens-id={paper.id}
      data-index={position.index}
      aria-posinset={position.index + 1}
      aria-setsize={position.of}
      ref={position.measure}
    >
      <a
        class="result-title"
        href={paperPageUrl(paper)}
        target="_blank"
        rel="noreferrer"
        title={byDoi ? `Open doi:${paper.doi}` : `Open arXiv:${paper.id}`}
      >
        <Highlighted text={paper.displayTitle} terms={terms} />
      </a>
      <div class="result-meta">
        <CategoryChip code={paper.category} name={paper.categoryName} />
        <time dateTime={paper.date}>{formatDate(paper.date)}</time>
        <NoveltyMeter
          score={paper.novelty?.score ?? null}
          title={noveltyExplanation(paper.novelty, paper.closestEarlierTitle)}
        />
        {paper.codeUrl && <span class="code-tag">code</span>}
        {isNew && (
          <span class="new-tag" data-paperlens-new="">
            new
          </span>
        )}
      </div>
      <p class="result-authors">
        {/* A row has room for five names: "et al." stands for the rest, known or not. */}
        <Highlighted
          text={authorLine(paper.authors.slice(0, 5), paper.authors.length > 5 || paper.authorsTruncated)}
          terms={terms}
        />
      </p>
      {coauthors.length > 0 && (
        <p class="result-coauthors">
          {plural(coauthors.length, 'coauthor')}:{' '}
          {coauthors
            .slice(0, 3)
            .map(([name, count]) => `${name} (${count})`)
            .join(', ')}
          {coauthors.length > 3 ? ` +${coauthors.length - 3}` : ''}
        </p>
      )}
      {/* The reading list keeps arXiv papers: a paper known only by its DOI has no Save. */}
      {!byDoi && <SaveToggle saved={saved} title={paper.displayTitle} onToggle={toggleSave} />}
    </li>
  );
}
