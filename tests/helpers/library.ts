import { type IncomingPaper, type IncomingPaperInput, IncomingPaperSchema } from '../../lib/library/incoming';

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
