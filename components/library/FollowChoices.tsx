import { plural } from '../../lib/format';
import type { FollowOffer } from './use-import-preview';

interface FollowChoicesProps {
  offers: readonly FollowOffer[];
  ticked: readonly string[];
  onToggle(name: string, on: boolean): void;
}

/** Authors the import could follow, each a checkbox. */
export function FollowChoices({ offers, ticked, onToggle }: FollowChoicesProps) {
  if (!offers.length) return null;
  return (
    <fieldset class="follow-choices">
      <legend>Also follow</legend>
      {offers.map(({ name, papers }) => (
        <label key={name}>
          <input
            type="checkbox"
            checked={ticked.includes(name)}
            onChange={(event) => onToggle(name, event.currentTarget.checked)}
          />
          Follow {name} ({plural(papers, 'paper')})
        </label>
      ))}
    </fieldset>
  );
}
