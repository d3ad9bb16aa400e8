import { beforeEach, describe, expect, it } from 'vitest';
import { openPaperlensDb, type PaperlensDatabase } from '../../../lib/db';
import { createStaging, STAGING_GONE, STAGING_LOST, stagedBatches, stagedSize } from '../../../lib/library/staging';
import { freshFactory, libraryPapers } from '../../helpers/db';
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
function stager(db: PaperlensDatabase, staging: ReturnType<typeof createStaging>) {
  const next = new Map<string, number>();
  return async (id: string, papers: Parameters<typeof staging.add>[3], records?: Parameters<typeof staging.add>[4]) => {
    const count = await staging.add(db, id, next.get(id) ?? 0, papers, records);
    next.set(id, (next.get(id) ?? 0) + 1);
    return count;
  };
}

/** Everything staged for an import, read back as the commit reads it. */
async function read(db: PaperlensDatabase, id: string, count: number) {
  const tx = db.transaction('staging');
  const papers: string[] = [];
  const records: string[] = [];
  for await (const batch of stagedBatches(tx.store, id, count)) {
    papers.push(...batch.papers.map((p) => p.arxivId ?? ''));
    records.push(...batch.records.map((r) => r.id));
  }
  await tx.done;
  return { papers, records };
}

describe('createStaging', () => {
  let db: PaperlensDatabase;
  beforeEach(async () => {
    db = await openPaperlensDb(freshFactory());
  });

  it('adds batches up per import, papers and records alike, and reads them back in order', async () => {
    const add = stager(db, createStaging());
    expect(await add(A, [paper(1), paper(2)])).toBe(2);
    expect(await add(B, [paper(3)])).toBe(1);
    expect(await add(A, [paper(4)], libraryPapers.slice(0, 2))).toBe(5);
    expect(await read(db, A, 5)).toEqual({
      papers: ['2405.00001', '2405.00002', '2405.00004'],
      records: libraryPapers.slice(0, 2).map((p) => p.id),
    });
    expect((await read(db, B, 1)).papers).toEqual(['2405.00003']);
    expect(await stagedSize(db.transaction('staging').store, A)).toMatchObject({ batches: 2, total: 5 });
  });

  it('keeps what was staged across a worker restart: a new staging over the same database goes on', async () => {
    await stager(db, createStaging())(A, [paper(1)]);
    const restarted = createStaging();
    expect(await restarted.add(db, A, 1, [paper(2)])).toBe(2);
    expect((await read(db, A, 2)).papers).toEqual(['2405.00001', '2405.00002']);
  });

  it('takes a batch sent again (its answer was lost) in place of the first, and drops those after it', async () => {
    const staging = createStaging();
    await staging.add(db, A, 0, [paper(1)]);
    await staging.add(db, A, 1, [paper(2)]);
    await staging.add(db, A, 2, [paper(3)]);
    expect(await staging.add(db, A, 1, [paper(5)])).toBe(2);
    expect((await read(db, A, 2)).papers).toEqual(['2405.00001', '2405.00005']);
  });

  it('says in a plain sentence that an unknown import is no longer waiting', async () => {
    await stager(db, createStaging())(B, [paper(1)]);
    await expect(read(db, A, 1)).rejects.toThrow(STAGING_GONE);
    expect(STAGING_GONE).toBe(
      'This import is no longer waiting (Paperlens restarted or it was imported); choose the file again.',
    );
  });

  it('forgets an import an hour after its last batch, once the next batch is staged', async () => {
    const clock = fakeNow();
    const add = stager(db, createStaging(clock.now));
    await add(A, [paper(1)]);
    clock.advance(HOUR - 1);
    await add(A, [paper(2)]);
    clock.advance(HOUR);
    await add(B, [paper(3)]);
    // A's last batch came exactly an hour ago: still kept.
    expect((await read(db, A, 2)).papers).toHaveLength(2);
    clock.advance(1);
    await add(B, [paper(4)]);
    await expect(read(db, A, 2)).rejects.toThrow(STAGING_GONE);
    expect(await db.count('staging')).toBe(2);
  });

  it('refuses a batch past 250,000 papers before storing any of it', async () => {
    const staging = createStaging();
    const add = stager(db, staging);
    for (let i = 0; i < 124; i++) await add(A, BATCH);
    expect(await add(B, BATCH.slice(0, 1_999), libraryPapers.slice(0, 1))).toBe(2_000);
    const cap = /^Paperlens takes at most 250,000 papers in one import; import the file in parts\.$/;
    await expect(add(A, [paper(1)])).rejects.toThrow(cap);
    await expect(add(B, [], libraryPapers.slice(0, 1))).rejects.toThrow(cap);
    await expect(add('new', [paper(1)])).rejects.toThrow(cap);
    expect(await stagedSize(db.transaction('staging').store, A)).toMatchObject({ total: 248_000 });
    expect(await stagedSize(db.transaction('staging').store, 'new')).toBeNull();
    // Dropping one import makes room for another.
    await staging.drop(db, B);
    expect(await add('new', [paper(1)])).toBe(1);
  }, 60_000);

  it('forgets a dropped import, and dropping twice or an unknown id is harmless', async () => {
    const staging = createStaging();
    const add = stager(db, staging);
    await add(A, [paper(1)]);
    await add(B, [paper(2)]);
    await staging.drop(db, A);
    await staging.drop(db, A);
    await staging.drop(db, 'never-staged');
    await expect(read(db, A, 1)).rejects.toThrow(STAGING_GONE);
    expect((await read(db, B, 1)).papers).toHaveLength(1);
    // Staged again after the drop, an import starts from its first batch.
    expect(await staging.add(db, A, 0, [paper(3)])).toBe(1);
  });

  it('refuses a batch that does not follow the ones it holds, and a read of a count it does not hold', async () => {
    const staging = createStaging();
    await expect(staging.add(db, A, 1, [paper(1)])).rejects.toThrow(STAGING_LOST);
    expect(await staging.add(db, A, 0, [paper(1)])).toBe(1);
    await expect(staging.add(db, A, 2, [paper(2)])).rejects.toThrow(STAGING_LOST);
    expect(await staging.add(db, A, 1, [paper(2)])).toBe(2);
    expect((await read(db, A, 2)).papers).toHaveLength(2);
    await expect(read(db, A, 3)).rejects.toThrow(STAGING_LOST);
  });
});
