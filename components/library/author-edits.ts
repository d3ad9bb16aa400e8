import { plainError } from '../../lib/errors';
import { plural } from '../../lib/format';
import type { FollowedAuthor } from '../../lib/library/schema';
import { sendMessage } from '../../lib/messages';
import type { Notices } from './use-notice';

const MAX_NAME = 200;
const MAX_VARIANTS = 50;

/** Changes to one followed author; each resolves true when it was made. */
export interface AuthorEdits {
  rename(author: FollowedAuthor, name: string): Promise<boolean>;
  /** `text` is the comma-separated spellings, as the user typed them. */
  setVariants(author: FollowedAuthor, text: string): Promise<boolean>;
  unfollow(author: FollowedAuthor): Promise<boolean>;
}

/** The spellings in a comma-separated list: trimmed, each once, the display name left out. */
export function parseVariants(text: string, name: string): string[] {
  const spellings = text.split(',').map((part) => part.replace(/\s+/g, ' ').trim());
  return [...new Set(spellings.filter((part) => part && part !== name))];
}

/** The author edits, reporting what happened through `notices`, then reading the library again. */
export function authorEdits(notices: Notices, reload: () => void): AuthorEdits {
  const refuse = (text: string): false => {
    notices.fail(text);
    return false;
  };
  const send = async (done: () => Promise<string>, failure: string): Promise<boolean> => {
    try {
      notices.say(await done());
      reload();
      return true;
    } catch (e) {
      notices.fail(`${failure}: ${plainError(e)}`);
      return false;
    }
  };
  return {
    async rename(author, text) {
      const name = text.replace(/\s+/g, ' ').trim();
      if (!name || name.length > MAX_NAME) return refuse(`A name has 1 to ${MAX_NAME} characters; type another.`);
      if (name === author.name) return true;
      return send(async () => {
        await sendMessage('updateFollowedAuthor', { id: author.id, name });
        return `Renamed ${author.name} to ${name}.`;
      }, `Could not rename ${author.name}`);
    },
    async setVariants(author, text) {
      const variants = parseVariants(text, author.name);
      const tooLong = variants.find((variant) => variant.length > MAX_NAME);
      if (tooLong) return refuse(`“${tooLong.slice(0, 40)}…” is longer than ${MAX_NAME} characters; shorten it.`);
      if (variants.length > MAX_VARIANTS)
        return refuse(`An author has at most ${MAX_VARIANTS} spellings; remove some.`);
      return send(async () => {
        await sendMessage('updateFollowedAuthor', { id: author.id, variants });
        return variants.length
          ? `${author.name} is now also found as ${variants.join(', ')}.`
          : `${author.name} is now found by that name only.`;
      }, `Could not change the spellings of ${author.name}`);
    },
    async unfollow(author) {
      return send(async () => {
        const { removedPapers } = await sendMessage('unfollowAuthor', { id: author.id });
        return `Unfollowed ${author.name}: ${plural(removedPapers, 'paper')} left the library. Your reading list is unchanged.`;
      }, `Could not unfollow ${author.name}`);
    },
  };
}
