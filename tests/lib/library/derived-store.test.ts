import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookupPapers } from '../../../lib/corpus/lookup';
import { openPaperlensDb } from '../../../lib/db';
import { unfollowAuthor } from '../../../lib/library/authors';
import { paperCoauthors } from '../../../lib/library/derive';
import {
  derivedPart,
  derivedRecord,
  type PaperDerived,
  readDerived,
  readDerivedRange,
  sameDerived,
  storedCoauthors,
  storedDerived,
  withDerived,
  withStoredCoauthors,
} from '../../../lib/library/derived-store';
import type { PaperCoauthor } from '../../../lib/library/schema';
import { seedCorpus } from '../../../lib/library/seed';
import { corpus, freshFactory, libraryPapers } from '../../helpers/db';

const [first, second, third] = [...libraryPapers].sort((a, b) => a.id.localeCompare(b.id));
const novelty = { score: 0.9, closestEarlierId: null, similarity: null };

describe('derived records', () => {
  it('lay their figures and coauthors over a paper, and leave a paper without one as it is', () => {
    const record: PaperDerived = { id: first!.id, novelty, related: [], coauthors: [] };
    expect(withDerived(first!, record)).toEqual({ ...first, novelty, related: [], coauthors: [] });
    expect(withDerived(first!, undefined)).toBe(first);
    // A record without coauthors (a paper no followed author wrote) keeps the paper's.
    const { coauthors: _, ...bare } = record;
    expect(withDerived(first!, bare).coauthors).toEqual(first!.coauthors);
  });

  it('are the derived part of a paper, and compare by what pages show', () => {
    const part = derivedPart(first!);
    expect(Object.keys(part).sort()).toEqual(['coauthors', 'id', 'novelty', 'related']);
    const record = derivedRecord(first!);
    expect(sameDerived(record, derivedRecord(first!))).toBe(true);
    expect(sameDerived(undefined, record)).toBe(false);
    expect(sameDerived(record, { ...record, novelty })).toBe(false);
    expect(sameDerived(record, { ...record, shared: [] })).toBe(false);
  });

  it('are read by key or by the key range of a batch, only for the papers asked', async () => {
    const db = await openPaperlensDb(freshFactory());
    await seedCorpus(db, corpus);
    await db.put('derived', { ...derivedPart(second!), novelty });
    const tx = db.transaction('derived');
    const [byKey, byRange] = await Promise.all([
      readDerived(tx.store, [first!, second!]),
      readDerivedRange(tx.store, [second!, third!]),
    ]);
    expect(byKey.map((p) => p.novelty)).toEqual([first!.novelty, novelty]);
    expect(byRange.map((p) => p.novelty)).toEqual([novelty, third!.novelty]);
    expect(await readDerivedRange(tx.store, [])).toEqual([]);
  });

  it('are what a page’s lookup shows, are written with the bundle and go with their papers', async () => {
    const db = await openPaperlensDb(freshFactory());
    await seedCorpus(db, corpus);
    expect(await db.count('derived')).toBe(corpus.papers.length);
    expect(await db.get('derived', first!.id)).toEqual(derivedRecord(first!));
    await db.put('derived', { ...derivedPart(first!), novelty });
    const { papers } = await lookupPapers(db, { ids: [first!.id], dois: [], titles: [] });
    expect(papers[0]?.novelty).toEqual(novelty);
    await unfollowAuthor(db, 'jan-ludziejewski');
    expect(await db.count('papers')).toBe(0);
    expect(await db.count('derived')).toBe(0);
  });
});

describe('stored coauthors', () => {
  // Few names, so author lists repeat a name and followed authors share coauthors.
  const name = fc.constantFrom('Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov');
  const paper = fc.record({
    authors: fc.array(name, { minLength: 1, maxLength: 6 }),
    followedAuthorIds: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', '12'), { maxLength: 3 }),
  });
  const counts = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', '12'), name, fc.integer({ min: 0, max: 90 })));
  const sharedCounts = (entries: [string, string, number][]) => {
    const byAuthor = new Map<string, Map<string, number>>();
    for (const [authorId, coauthor, n] of entries)
      byAuthor.set(authorId, (byAuthor.get(authorId) ?? new Map()).set(coauthor, n));
    return byAuthor;
  };

  it('are kept as counts by author position, and give back the very list a pass works out', () => {
    fc.assert(
      fc.property(paper, counts, ({ authors, followedAuthorIds }, entries) => {
        const coauthors = paperCoauthors({ authors, followedAuthorIds }, sharedCounts(entries));
        const record = storedDerived({ id: '1', novelty: null, related: [], coauthors }, authors);
        expect(record.coauthors).toBeUndefined();
        expect(JSON.stringify(record)).not.toMatch(/Lovelace|Turing|Hopper|Dijkstra|Liskov/);
        expect(storedCoauthors(record, authors)).toEqual(coauthors);
      }),
      { numRuns: 500 },
    );
  });

  it('keep any other list as it is, so what is read is what was written', () => {
    const coauthor = fc.record({ name, sharedPapers: fc.nat(50), authorId: fc.constantFrom('a', 'b', '12') });
    fc.assert(
      fc.property(paper, fc.array(coauthor, { maxLength: 6 }), ({ authors }, coauthors: PaperCoauthor[]) => {
        const record = storedDerived({ id: '1', novelty: null, related: [], coauthors }, authors);
        expect(storedCoauthors(record, authors)).toEqual(coauthors);
      }),
      { numRuns: 500 },
    );
    // A name not on the paper, and two followed authors' entries interleaved: kept as a list.
    const authors = ['Ada Lovelace', 'Alan Turing'];
    const odd = [{ name: 'Grace Hopper', sharedPapers: 2, authorId: 'a' }];
    expect(storedDerived({ id: '1', novelty: null, related: [], coauthors: odd }, authors).coauthors).toEqual(odd);
  });

  it('are not worked out when a record has none, nor for an author list the paper no longer has (never misnamed)', () => {
    const authors = ['Ada Lovelace', 'Alan Turing'];
    const bare = storedDerived({ id: '1', novelty: null, related: [] }, authors);
    expect(storedCoauthors(bare, authors)).toBeUndefined();
    const coauthors = [{ name: 'Alan Turing', sharedPapers: 3, authorId: 'a' }];
    const record = storedDerived({ id: '1', novelty: null, related: [], coauthors }, authors);
    expect(record.shared).toEqual([['a', [null, 3]]]);
    expect(storedCoauthors(record, authors)).toEqual(coauthors);
    // An import changed the paper's authors and derived data has not caught up: counted afresh by readers instead.
    expect(storedCoauthors(record, [...authors, 'Grace Hopper'])).toBeUndefined();
    expect(storedCoauthors(record, [...authors].reverse())).toBeUndefined();
    expect(
      withDerived({ ...first!, authors: [...authors].reverse(), coauthors: undefined }, record).coauthors,
    ).toBeUndefined();
    expect(
      storedCoauthors(storedDerived({ id: '1', novelty: null, related: [], coauthors: [] }, authors), authors),
    ).toEqual([]);
  });

  it('are carried over verbatim by a pass that did not work them out', () => {
    const record = derivedRecord(first!);
    const carried = withStoredCoauthors({ id: first!.id, novelty, related: [] }, record);
    expect(carried.shared).toBe(record.shared);
    expect(withDerived(first!, carried).coauthors).toEqual(first!.coauthors);
    expect(withStoredCoauthors({ id: first!.id, novelty, related: [] }, undefined)).toEqual({
      id: first!.id,
      novelty,
      related: [],
    });
  });

  it('read in the older form (a list of names) still lay over their paper', () => {
    const listed = { ...derivedPart(first!), novelty };
    expect(withDerived(first!, listed).coauthors).toEqual(first!.coauthors);
  });
});
