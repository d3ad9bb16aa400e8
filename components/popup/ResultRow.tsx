import { authorLine, formatDate, noveltyExplanation, plural } from '../../lib/format';
import { closestEarlierTitle } from '../../lib/insights/novelty';
import { paperPageUrl } from '../../lib/links/paper-url';
import { isDoiKey } from '../../lib/paper-key';
import type { SearchResult } from '../../lib/search';
import { CategoryChip } from '../CategoryChip';
import { Highlighted } from '../Highlighted';
import { NoveltyMeter } from '../NoveltyMeter';
import { SaveToggle } from '../SaveToggle';

interface ResultRowProps {
  result: SearchResult;
  /** How many papers the author shares with each coauthor, by name. */
  shared: ReadonlyMap<string, number>;
  /** The title of any paper of the author's, by id. */
  titleOf(id: string): string | undefined;
  saved: boolean;
  /** New since the last arXiv refresh, not yet seen. */
  isNew: boolean;
  toggleSave(): void;
}

/** One paper in the results: its title (the link to arXiv), facts, authors, shared coauthors and Save. */
export function ResultRow({ result: { paper, terms }, shared, titleOf, saved, isNew, toggleSave }: ResultRowProps) {
  const coauthors = paper.authors.filter((name) => shared.has(name));
  const byDoi = isDoiKey(paper.id);
  return (
    <li class="result" data-paperlens-id={paper.id}>
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
          title={noveltyExplanation(paper.novelty, closestEarlierTitle(paper.novelty, titleOf))}
        />
        {paper.hasCode && <span class="code-tag">code</span>}
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
            .map((name) => `${name} (${shared.get(name)})`)
            .join(', ')}
          {coauthors.length > 3 ? ` +${coauthors.length - 3}` : ''}
        </p>
      )}
      {/* The reading list keeps arXiv papers: a paper known only by its DOI has no Save. */}
      {!byDoi && <SaveToggle saved={saved} title={paper.displayTitle} onToggle={toggleSave} />}
    </li>
  );
}
