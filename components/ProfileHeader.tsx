import type { AuthorProfile } from '../lib/corpus/schema';
import { percent } from '../lib/format';

/** The author's profile figures, as the source profile shows them; links to the insights page. */
export function ProfileHeader({ author, insightsHref }: { author: AuthorProfile; insightsHref?: string }) {
  const figures: [string, string][] = [
    ['h-index', String(author.hIndex)],
    ['papers', String(author.papers)],
    ['citations', author.citations.toLocaleString('en')],
    ['novelty', percent(author.novelty)],
    ['AI score', String(author.aiScore)],
  ];
  return (
    <header class="profile">
      <div class="profile-title">
        <h1>{author.name}</h1>
        {insightsHref && (
          <a class="insights-link" href={insightsHref} target="_blank" rel="noreferrer">
            Insights
          </a>
        )}
      </div>
      <p class="profile-category" title={author.primaryCategoryName}>
        {author.primaryCategory} · {author.primaryCategoryName}
      </p>
      <dl class="profile-figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
