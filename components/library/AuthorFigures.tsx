import { formatDate, percent } from '../../lib/format';
import type { ProfileFigures } from '../../lib/library/schema';

/** A figure the source may not give: unknown is "—", never 0. */
const known = (value: number | string | null, show: (n: number) => string = String): string =>
  value === null ? '—' : typeof value === 'string' ? value : show(value);

/** The figures a profile (a ScholarFeed page) gave for an author, as it gave them. */
export function AuthorFigures({ profile }: { profile: ProfileFigures }) {
  const figures: [string, string][] = [
    ['h-index', known(profile.hIndex)],
    ['citations', known(profile.citations, (n) => n.toLocaleString('en'))],
    ['papers (per the profile)', known(profile.papers)],
    ['novelty', known(profile.novelty, percent)],
    ['AI score', known(profile.aiScore)],
    ['primary category', known(profile.primaryCategory)],
  ];
  return (
    <dl
      class="profile-figures author-figures"
      title={`From ${profile.source.name}, ${formatDate(profile.source.at)}; — means it does not say`}
    >
      {figures.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
