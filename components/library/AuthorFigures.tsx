import { formatDate, percent } from '../../lib/format';
import type { ProfileFigures } from '../../lib/library/schema';
import { FigureList, known } from '../FigureList';

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
    <FigureList
      class="profile-figures author-figures"
      figures={figures}
      title={`From ${profile.source.name}, ${formatDate(profile.source.at)}; — means it does not say`}
    />
  );
}
