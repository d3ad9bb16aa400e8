import type { FollowedAuthor } from '../lib/library/schema';
import { type AuthorChoice, EVERYONE } from './use-overview';

/** Picks whose papers the page shows; hidden while only one author is followed (there is nothing to pick). */
export function AuthorSwitch({ authors, choice }: { authors: readonly FollowedAuthor[]; choice: AuthorChoice }) {
  if (authors.length < 2) return null;
  return (
    <label class="author-switch">
      <span>Author</span>
      <select
        value={choice.chosen}
        data-paperlens-author-filter=""
        onChange={(event) => choice.choose(event.currentTarget.value)}
      >
        <option value={EVERYONE}>Everyone ({authors.length})</option>
        {authors.map((author) => (
          <option key={author.id} value={author.id}>
            {author.name}
          </option>
        ))}
      </select>
    </label>
  );
}
