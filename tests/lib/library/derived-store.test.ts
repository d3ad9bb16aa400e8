import { describe, expect, it } from 'vitest';
import { lookupPapers } from '../../../lib/corpus/lookup';
import { openPaperlensDb } from '../../../lib/db';
import { unfollowAuthor } from '../../../lib/library/authors';
import {
  derivedPart,
  type PaperDerived,
  readDerived,
  readDerivedRange,
  sameDerived,
  withDerived,
} from '../../../lib/library/derived-store';
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
    expect(sameDerived(part, derivedPart(first!))).toBe(true);
    expect(sameDerived(undefined, part)).toBe(false);
    expect(sameDerived(part, { ...part, novelty })).toBe(false);
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
    expect(await db.get('derived', first!.id)).toEqual(derivedPart(first!));
    await db.put('derived', { ...derivedPart(first!), novelty });
    const { papers } = await lookupPapers(db, { ids: [first!.id], dois: [], titles: [] });
    expect(papers[0]?.novelty).toEqual(novelty);
    await unfollowAuthor(db, 'jan-ludziejewski');
    expect(await db.count('papers')).toBe(0);
    expect(await db.count('derived')).toBe(0);
  });
});
