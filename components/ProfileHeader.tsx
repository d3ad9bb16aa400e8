import { categoryName } from '../lib/categories';
import { percent } from '../lib/format';
import type { FollowedAuthor } from '../lib/library/schema';
import { FigureList, known } from './FigureList';

/**
 * The header of the popup and the insights page: the chosen followed author's
 * profile figures (as their source gives them), or the library's totals when
 * "Everyone" is chosen.
 */
export function ProfileHeader({
  author,
  papers,
  authors,
  insightsHref,
}: {
  author: FollowedAuthor | null;
  /** Library papers shown (the author's, or all). */
  papers: number;
  /** How many authors are followed (for the totals). */
  authors: number;
  insightsHref?: string;
}) {
  const profile = author?.profile ?? null;
  const figures: [string, string][] = author
    ? [
        ['h-index', known(profile?.hIndex)],
        ['papers', known(profile?.papers ?? papers)],
        ['citations', known(profile?.citations, (n) => n.toLocaleString('en'))],
        ['novelty', known(profile?.novelty, percent)],
        ['AI score', known(profile?.aiScore)],
      ]
    : [
        ['authors followed', String(authors)],
        ['papers', papers.toLocaleString('en')],
      ];
  const category = profile?.primaryCategory;
  return (
    <header class="profile">
      <div class="profile-title">
        <h1>{author ? author.name : 'Everyone you follow'}</h1>
        {insightsHref && (
          <a class="insights-link" href={insightsHref} target="_blank" rel="noreferrer">
            Insights
          </a>
        )}
      </div>
      {category && (
        <p class="profile-category" title={categoryName(category) ?? category}>
          {category} · {categoryName(category) ?? category}
        </p>
      )}
      <FigureList
        class="profile-figures"
        figures={figures}
        title={profile ? `From ${profile.source.name}; — means the source does not say` : ''}
      />
    </header>
  );
}
