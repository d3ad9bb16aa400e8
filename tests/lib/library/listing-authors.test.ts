import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPaperlensDb, type PaperlensDatabase } from '../../../lib/db';
import { createListingAuthors, LISTING_CHIP_AUTHORS, matchListingAuthors } from '../../../lib/library/listing-authors';
import type { FollowedAuthor } from '../../../lib/library/schema';
import { authorCoauthors, seedCorpus } from '../../../lib/library/seed';
import type { ListingAuthorsRequest } from '../../../lib/message-schemas';
import { BUNDLED_AUTHOR_ID, corpus, freshFactory } from '../../helpers/db';

const JAN = { id: BUNDLED_AUTHOR_ID, name: 'Jan Ludziejewski', color: expect.stringMatching(/^#[0-9a-f]{6}$/) };
const shared = (name: string) => corpus.coauthors.find((c) => c.name === name)?.count;

const PIORO: FollowedAuthor = {
  id: 'maciej-pioro',
  name: 'Maciej Pióro',
  variants: [],
  notVariants: [],
  arxivQuery: 'au:Pioro_M',
  orcid: null,
  scholarFeedId: null,
  color: '#b3261e',
  sources: [],
  refreshedAt: null,
  followedAt: '2026-03-01T00:00:00.000Z',
  profile: null,
};
const PIORO_TAG = { id: PIORO.id, name: PIORO.name, color: PIORO.color };

async function seeded(): Promise<PaperlensDatabase> {
  const db = await openPaperlensDb(freshFactory());
  await seedCorpus(db, corpus);
  return db;
}

/** The seeded library, with Maciej Pióro followed too and two coauthors of his. */
async function withPioro(): Promise<PaperlensDatabase> {
  const db = await seeded();
  await db.put('authors', PIORO);
  for (const chunk of authorCoauthors(PIORO.id, [
    { name: 'Jakub Krajewski', paperIds: ['2405.17234'], count: 9 },
    { name: 'Anna Nowak', paperIds: ['2405.17234'], count: 2 },
  ]))
    await db.put('coauthors', chunk);
  return db;
}

const one = async (db: PaperlensDatabase, authors: string[], id: string | null = null) => {
  const { entries } = await matchListingAuthors(db, { entries: [{ id, authors }] });
  expect(entries).toHaveLength(1);
  return entries[0];
};

describe('matchListingAuthors', () => {
  let db: PaperlensDatabase;
  beforeAll(async () => {
    db = await seeded();
  });

  it('finds coauthors through initials and accents, named as the library names them, most shared first', async () => {
    const entry = await one(db, ['Andy Lo', 'M. Pioro', 'Adam Yang', 'Michal Krutul', 'A. H. Liu', 'Ada Lovelace']);
    expect(entry).toEqual({
      followed: [],
      coauthors: [
        { name: 'Maciej Pióro', sharedPapers: shared('Maciej Pióro'), of: JAN },
        { name: 'Michał Krutul', sharedPapers: shared('Michał Krutul'), of: JAN },
        { name: 'Alexander H. Liu', sharedPapers: shared('Alexander H. Liu'), of: JAN },
        { name: 'Andy Lo', sharedPapers: shared('Andy Lo'), of: JAN },
        { name: 'Adam Yang', sharedPapers: shared('Adam Yang'), of: JAN },
      ],
      moreCoauthorsOf: 0,
      inLibrary: false,
    });
    expect(entry?.coauthors.map((c) => c.sharedPapers)).toEqual([7, 7, 5, 4, 1]);
  });

  it.each([['Jan Ludziejewski'], ['J. Ludziejewski'], ['Ludziejewski, Jan']])(
    'reports %j as the followed author, not as a coauthor',
    async (written) => {
      expect(await one(db, [written, 'Marek Cygan'], '2402.07871')).toEqual({
        followed: [JAN],
        coauthors: [{ name: 'Marek Cygan', sharedPapers: 7, of: JAN }],
        moreCoauthorsOf: 0,
        inLibrary: true,
      });
    },
  );

  it.each([['Mistral-AI'], ['Mistral AI'], ['Cygan'], ['M.'], ['Pioro']])(
    'matches nobody for a group or a bare name (%j)',
    async (written) => {
      expect(await one(db, [written])).toEqual({ followed: [], coauthors: [], moreCoauthorsOf: 0, inLibrary: false });
    },
  );

  it('does not take a different given name for the coauthor ("Marek Pióro" is not "Maciej Pióro")', async () => {
    expect((await one(db, ['Marek Pióro', 'K. Ciebiera']))?.coauthors.map((c) => c.name)).toEqual(['Kamil Ciebiera']);
  });

  it('says a paper is in the library only for a library id', async () => {
    const { entries } = await matchListingAuthors(db, {
      entries: [
        { id: '2402.07871', authors: ['Ada Lovelace'] },
        { id: '2405.17234', authors: ['Jan Ludziejewski'] },
        { id: null, authors: ['Jan Ludziejewski'] },
        { id: 'hep-th/9901001', authors: [] },
        { id: '2402.07871', authors: [] },
      ],
    });
    expect(entries.map((e) => e.inLibrary)).toEqual([true, false, false, false, true]);
  });

  it('answers an empty listing with no entries', async () => {
    expect(await matchListingAuthors(db, { entries: [] })).toEqual({ entries: [] });
  });
});

describe('coauthors kept in chunks', () => {
  it('splits a prolific author’s coauthors into chunks under 32 KB, a name in the last one still found', async () => {
    const many = Array.from({ length: 3_000 }, (_, i) => ({
      name: `Given${i} Family${i}`,
      paperIds: ['2405.17234', '2402.07871'],
      count: 2,
    }));
    const chunks = authorCoauthors(PIORO.id, many);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.map((chunk) => chunk.chunk)).toEqual(chunks.map((_, i) => i));
    for (const chunk of chunks) expect(JSON.stringify(chunk).length).toBeLessThan(40_000);
    expect(chunks.flatMap((chunk) => chunk.coauthors.map((c) => c.name))).toEqual(many.map((c) => c.name));
    const db = await seeded();
    await db.put('authors', PIORO);
    for (const chunk of chunks) await db.put('coauthors', chunk);
    const { entries } = await matchListingAuthors(db, {
      entries: [{ id: null, authors: ['G. Family2999', 'Ada Lovelace'] }],
    });
    expect(entries[0]?.coauthors).toEqual([
      { name: 'Given2999 Family2999', sharedPapers: 2, of: expect.objectContaining({ id: PIORO.id }) },
    ]);
  });
});

describe('matchListingAuthors with two followed authors', () => {
  let db: PaperlensDatabase;
  beforeAll(async () => {
    db = await withPioro();
  });

  it('reports a coauthor of both once per followed author', async () => {
    expect((await one(db, ['J. Krajewski', 'A. Nowak']))?.coauthors).toEqual([
      { name: 'Jakub Krajewski', sharedPapers: 9, of: PIORO_TAG },
      { name: 'Jakub Krajewski', sharedPapers: 7, of: JAN },
      { name: 'Anna Nowak', sharedPapers: 2, of: PIORO_TAG },
    ]);
  });

  it('shows a followed author who is also a coauthor as followed only, in the order the page names them', async () => {
    expect(await one(db, ['M. Pioro', 'Jan Ludziejewski', 'Kamil Ciebiera'], '2401.04081')).toEqual({
      followed: [PIORO_TAG, JAN],
      coauthors: [{ name: 'Kamil Ciebiera', sharedPapers: 5, of: JAN }],
      moreCoauthorsOf: 0,
      inLibrary: true,
    });
  });
});

describe('matchListingAuthors with many followed authors', () => {
  it(`names the coauthors of the ${LISTING_CHIP_AUTHORS} followed authors who share most with them and counts the rest`, async () => {
    const db = await seeded();
    const others = ['Ola Wrona', 'Piotr Sowa', 'Ewa Kania', 'Igor Czapla', 'Zofia Mewa'];
    for (const [i, name] of others.entries()) {
      const id = `author-${i}`;
      await db.put('authors', { ...PIORO, id, name, arxivQuery: null });
      // Anna Nowak shares i + 1 papers with each of them; Zofia Mewa also knows a Jakub Krajewski well.
      const theirs = [{ name: 'Anna Nowak', paperIds: ['2405.17234'], count: i + 1 }];
      if (name === 'Zofia Mewa') theirs.push({ name: 'J. Krajewski', paperIds: ['2405.17234'], count: 3 });
      for (const chunk of authorCoauthors(id, theirs)) await db.put('coauthors', chunk);
    }
    const entry = await one(db, ['Anna Nowak', 'Jakub Krajewski']);
    const tag = (i: number) => expect.objectContaining({ id: `author-${i}`, name: others[i] });
    expect(entry?.coauthors).toEqual([
      { name: 'Jakub Krajewski', sharedPapers: 7, of: JAN },
      { name: 'Anna Nowak', sharedPapers: 5, of: tag(4) },
      { name: 'Anna Nowak', sharedPapers: 4, of: tag(3) },
      { name: 'J. Krajewski', sharedPapers: 3, of: tag(4) },
    ]);
    expect(entry?.moreCoauthorsOf).toBe(3);
  });
});

describe('matchListingAuthors, for any listing', () => {
  const corpusIds = corpus.papers.map((p) => p.id);
  const names = [
    ...corpus.coauthors.map((c) => c.name),
    'Jan Ludziejewski',
    'J. Ludziejewski',
    'M. Pioro',
    'Michal Krutul',
    'Mistral-AI',
    'Anna Nowak',
  ];
  const written = fc.oneof(
    fc.constantFrom(...names),
    fc.string({ minLength: 1, maxLength: 40 }),
    fc
      .tuple(fc.constantFrom('A.', 'M', 'Jan', 'Ł.', ''), fc.constantFrom('Pióro', 'Krajewski', 'Cygan', 'Lo'))
      .map(([given, family]) => `${given} ${family}`.trim()),
  );
  const entry = fc.record({
    id: fc.oneof(fc.constantFrom(...corpusIds), fc.constant(null), fc.constantFrom('2405.17234', 'hep-th/9901001')),
    authors: fc.array(written, { maxLength: 12 }),
  });

  it('answers one entry per request entry, in order, each as it would be alone', async () => {
    const db = await withPioro();
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 8 }), async (entries) => {
        const request: ListingAuthorsRequest = { entries };
        const { entries: answered } = await matchListingAuthors(db, request);
        expect(answered).toHaveLength(entries.length);
        for (const [i, asked] of entries.entries()) {
          expect(answered[i]?.inLibrary).toBe(asked.id !== null && corpusIds.includes(asked.id));
          expect(answered[i]).toEqual((await matchListingAuthors(db, { entries: [asked] })).entries[0]);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('createListingAuthors (the worker’s answer)', () => {
  const listing: ListingAuthorsRequest = {
    entries: [
      { id: '2402.07871', authors: ['Jan Ludziejewski', 'J. Krajewski', 'Marek Cygan'] },
      { id: null, authors: ['M. Pioro', 'A. Nowak', 'Ada Lovelace'] },
    ],
  };
  /** The database as the worker's connection gives it, counting reads of the coauthors store; `fail` makes the next one fail. */
  const counted = (db: PaperlensDatabase) => {
    const reads = { coauthors: 0, fail: false };
    const getAll = (store: 'coauthors', ...rest: []) => {
      if (store === 'coauthors') reads.coauthors++;
      if (reads.fail) {
        reads.fail = false;
        return Promise.reject(new Error('disk trouble'));
      }
      return db.getAll(store, ...rest);
    };
    const view = new Proxy(db, {
      get: (target, prop) => {
        if (prop === 'getAll') return getAll;
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return { reads, answer: createListingAuthors({ run: (work) => work(view) }) };
  };

  it('answers as the database does, reading the coauthors once until the library changes', async () => {
    const db = await withPioro();
    const { reads, answer } = counted(db);
    const expected = await matchListingAuthors(db, listing);
    expect(expected.entries[1]?.coauthors.length).toBeGreaterThan(0);
    expect(await answer(listing)).toEqual(expected);
    expect(reads.coauthors).toBe(1);
    for (let i = 0; i < 5; i++) expect(await answer(listing)).toEqual(expected);
    expect(reads.coauthors).toBe(1);

    // A derived pass rewrites Pióro's coauthors and moves the revision: the next question sees them.
    for (const chunk of authorCoauthors(PIORO.id, [{ name: 'Anna Nowak', paperIds: ['2405.17234'], count: 4 }]))
      await db.put('coauthors', chunk);
    await db.put('meta', { key: 'derivedRevision', value: 99 });
    const [, second] = (await answer(listing)).entries;
    expect(reads.coauthors).toBe(2);
    expect(second?.coauthors).toEqual([{ name: 'Anna Nowak', sharedPapers: 4, of: PIORO_TAG }]);
    expect(second).toEqual((await matchListingAuthors(db, listing)).entries[1]);
  });

  it('reads no coauthors for entries that name nobody', async () => {
    const { reads, answer } = counted(await withPioro());
    expect(await answer({ entries: [{ id: '2402.07871', authors: [] }] })).toEqual({
      entries: [{ followed: [], coauthors: [], moreCoauthorsOf: 0, inLibrary: true }],
    });
    expect(reads.coauthors).toBe(0);
  });

  it('reads the coauthors again after a failed read', async () => {
    const db = await withPioro();
    const { reads, answer } = counted(db);
    reads.fail = true;
    await expect(answer(listing)).rejects.toThrow('disk trouble');
    expect(await answer(listing)).toEqual(await matchListingAuthors(db, listing));
    expect(reads.coauthors).toBe(2);
  });
});
