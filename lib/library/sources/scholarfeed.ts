import { parseProfile } from '../../corpus/parse-profile';
import type { SourceResult } from '../incoming';
import type { NewAuthor } from '../write';

/**
 * A ScholarFeed author profile (the text the bundled corpus came in): the
 * author to follow with the figures the profile gives, and their papers'
 * titles. The profile names no arXiv ids, so its papers join the author by
 * title, among the papers the library already has.
 */
export function parseScholarFeedProfile(
  text: string,
  now = new Date(),
): SourceResult<{ author: NewAuthor; titles: string[] }> {
  try {
    const profile = parseProfile(text);
    return {
      ok: true,
      papers: [],
      titles: profile.entries.map((entry) => entry.title),
      author: {
        name: profile.name,
        profile: {
          hIndex: profile.hIndex,
          citations: profile.citations,
          novelty: profile.novelty,
          aiScore: profile.aiScore,
          papers: profile.papers,
          primaryCategory: profile.primaryCategory,
          source: { kind: 'file', name: 'ScholarFeed profile', at: now.toISOString() },
        },
      },
    };
  } catch (error) {
    return { ok: false, error: `is not a ScholarFeed profile Paperlens can read: ${(error as Error).message}` };
  }
}
