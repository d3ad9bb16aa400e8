import { describe, expect, it } from 'vitest';
import { createStaging, STAGING_LOST } from '../../../lib/library/staging';
import { libraryPapers } from '../../helpers/db';
import { incomingPaper } from '../../helpers/library';

const paper = (n: number) =>
  incomingPaper({
    arxivId: `2405.${String(n).padStart(5, '0')}`,
    title: `Paper ${n}`,
    authors: ['Maciej Pióro'],
    abstract: '',
  });

const A = '3f1c3a52-6a3e-4b3f-9a52-0d6f6c1f9e01';
const B = '7d2e9b10-1c4f-4e8a-8f3d-5b6a7c8d9e02';
const GONE = /^This import is no longer waiting \(Paperlens restarted or it was imported\); choose the file again\.$/;
const HOUR = 60 * 60_000;
/** The most a message carries. */
const BATCH = Array.from({ length: 2_000 }, (_, i) => paper(i));

function fakeNow(start = 1_000_000) {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

/** Stages the next batch of an import, numbering batches as a page does (a refused batch takes no number). */
function stager(staging: ReturnType<typeof createStaging>) {
  const next = new Map<string, number>();
  return (id: string, papers: Parameters<typeof staging.add>[2], records?: Parameters<typeof staging.add>[3]) => {
    const count = staging.add(id, next.get(id) ?? 0, papers, records);
    next.set(id, (next.get(id) ?? 0) + 1);
    return count;
  };
}

describe('createStaging', () => {
  it('adds batches up per import, papers and records alike', () => {
    const staging = createStaging();
    const add = stager(staging);
    expect(add(A, [paper(1), paper(2)])).toBe(2);
    expect(add(B, [paper(3)])).toBe(1);
    expect(add(A, [paper(4)], libraryPapers.slice(0, 2))).toBe(5);
    expect(staging.get(A).papers.map((p) => p.arxivId)).toEqual(['2405.00001', '2405.00002', '2405.00004']);
    expect(staging.get(A).records).toEqual(libraryPapers.slice(0, 2));
    expect(staging.get(B).papers.map((p) => p.arxivId)).toEqual(['2405.00003']);
  });

  it('says in a plain sentence that an unknown import is no longer waiting', () => {
    const staging = createStaging();
    const add = stager(staging);
    expect(() => staging.get(A)).toThrow(GONE);
    add(B, [paper(1)]);
    expect(() => staging.get(A)).toThrow(GONE);
  });

  it('forgets an import an hour after its last batch, once the next import stages', () => {
    const clock = fakeNow();
    const staging = createStaging(clock.now);
    const add = stager(staging);
    add(A, [paper(1)]);
    clock.advance(HOUR - 1);
    add(A, [paper(2)]);
    clock.advance(HOUR);
    add(B, [paper(3)]);
    // A's last batch came exactly an hour ago: still kept.
    expect(staging.get(A).papers).toHaveLength(2);
    clock.advance(1);
    add(B, [paper(4)]);
    expect(() => staging.get(A)).toThrow(GONE);
    expect(staging.get(B).papers).toHaveLength(2);
  });

  it('does not hand out an import staged more than an hour ago', () => {
    const clock = fakeNow();
    const staging = createStaging(clock.now);
    const add = stager(staging);
    add(A, [paper(1)]);
    clock.advance(HOUR + 1);
    expect(() => staging.get(A)).toThrow(GONE);
  });

  it('refuses a batch past 250,000 papers before storing any of it', () => {
    const staging = createStaging();
    const add = stager(staging);
    for (let i = 0; i < 124; i++) add(A, BATCH);
    expect(add(B, BATCH.slice(0, 1_999), libraryPapers.slice(0, 1))).toBe(2_000);
    const cap = /^Paperlens takes at most 250,000 papers in one import; import the file in parts\.$/;
    expect(() => add(A, [paper(1)])).toThrow(cap);
    expect(() => add(B, [], libraryPapers.slice(0, 1))).toThrow(cap);
    expect(() => add('new', [paper(1)])).toThrow(cap);
    expect(staging.get(A).papers).toHaveLength(248_000);
    expect(staging.get(B).records).toHaveLength(1);
    expect(() => staging.get('new')).toThrow(GONE);
    // Dropping one import makes room for another.
    staging.drop(B);
    expect(add('new', [paper(1)])).toBe(1);
  });

  it('forgets a dropped import, and dropping twice or an unknown id is harmless', () => {
    const staging = createStaging();
    const add = stager(staging);
    add(A, [paper(1)]);
    add(B, [paper(2)]);
    staging.drop(A);
    staging.drop(A);
    staging.drop('never-staged');
    expect(() => staging.get(A)).toThrow(GONE);
    expect(staging.get(B).papers).toHaveLength(1);
    // Staged again after the drop, an import starts from its first batch.
    expect(staging.add(A, 0, [paper(3)])).toBe(1);
  });

  it('refuses a batch that does not follow the one before (the worker forgot the first ones), and a commit of a count it does not hold', () => {
    const staging = createStaging();
    expect(() => staging.add(A, 1, [paper(1)])).toThrow(STAGING_LOST);
    expect(staging.add(A, 0, [paper(1)])).toBe(1);
    expect(() => staging.add(A, 2, [paper(2)])).toThrow(STAGING_LOST);
    expect(staging.add(A, 1, [paper(2)])).toBe(2);
    expect(staging.get(A, 2).papers).toHaveLength(2);
    expect(() => staging.get(A, 3)).toThrow(STAGING_LOST);
  });
});
