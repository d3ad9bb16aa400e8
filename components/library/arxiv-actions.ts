import { browser } from 'wxt/browser';
import { plainError } from '../../lib/errors';
import { plural } from '../../lib/format';
import { ARXIV_REFUSED, withArxivPermission } from '../../lib/library/arxiv-permission';
import { sendMessage } from '../../lib/messages';
import type { Notices } from './use-notice';

/** What reaches arXiv from the page; each asks for the host permission first, inside the click. */
export interface ArxivActions {
  /** Resolves true when the author is followed (their papers are then being fetched). */
  follow(query: string): Promise<boolean>;
  /** Some followed authors, or (null) everyone followed on arXiv. */
  refresh(ids: string[] | null): Promise<void>;
}

/** The arXiv actions, reporting what happened through `notices`. Call them straight from a click handler. */
export function arxivActions(notices: Notices, reload: () => void): ArxivActions {
  return {
    async follow(query) {
      const pending = withArxivPermission(browser.permissions, () => sendMessage('followOnArxiv', { query }));
      try {
        if (!(await pending).granted) {
          notices.fail(ARXIV_REFUSED);
          return false;
        }
        notices.say(`Following “${query}” on arXiv. Their papers are being fetched; the progress shows below.`);
        reload();
        return true;
      } catch (e) {
        notices.fail(`Could not follow “${query}” on arXiv: ${plainError(e)}`);
        return false;
      }
    },
    async refresh(ids) {
      const pending = withArxivPermission(browser.permissions, () => sendMessage('refreshFromArxiv', { ids }));
      try {
        const result = await pending;
        if (!result.granted) return notices.fail(ARXIV_REFUSED);
        notices.say(refreshed(result.value.queued));
      } catch (e) {
        notices.fail(`Could not refresh from arXiv: ${plainError(e)}`);
      }
    },
  };
}

function refreshed(queued: number): string {
  if (queued === 0)
    return 'Nothing new to fetch: those authors are being fetched already, or none is followed on arXiv.';
  return `Fetching new papers from arXiv for ${plural(queued, 'author')}; the progress shows below.`;
}
