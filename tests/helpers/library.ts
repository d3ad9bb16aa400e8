import { type IncomingPaper, type IncomingPaperInput, IncomingPaperSchema } from '../../lib/library/incoming';
import type { FollowedAuthor } from '../../lib/library/schema';

/** An incoming paper as a source would give it: a plain arXiv cs.LG paper unless `input` says otherwise. */
export const incomingPaper = (input: Partial<IncomingPaperInput> = {}): IncomingPaper =>
  IncomingPaperSchema.parse({
    arxivId: '2405.00001',
    version: 1,
    doi: null,
    title: 'Sparse Upcycling at Scale',
    authors: ['Maciej Pióro', 'Ada Lovelace'],
    abstract: 'We upcycle dense checkpoints into sparse mixtures of experts.',
    primaryCategory: 'cs.LG',
    categories: ['cs.LG'],
    date: '2024-05-02',
    updated: null,
    journalRef: null,
    comments: null,
    ...input,
  });

/** A fake clock: sleeping moves time forward at once and is logged. */
export function fakeClock(start = 1_000_000) {
  let time = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
    },
  };
}

/** A followed author as the library stores one, with no source, refresh or profile unless `extra` gives them. */
export const followedAuthor = (id: string, name: string, extra: Partial<FollowedAuthor> = {}): FollowedAuthor => ({
  id,
  name,
  variants: [],
  notVariants: [],
  arxivQuery: null,
  orcid: null,
  scholarFeedId: null,
  color: '#1f5fbf',
  sources: [],
  refreshedAt: null,
  followedAt: '2026-01-01T00:00:00.000Z',
  profile: null,
  ...extra,
});
