import { beforeEach, describe, expect, it } from 'vitest';
import { coauthorNames, corpusKeys, lookupPapers, readLibrary, summarize } from '../../../lib/corpus/lookup';
import { openPaperlensDb, type PaperlensDatabase, seedCorpus } from '../../../lib/db';
import { saveEntry } from '../../../lib/reading-list/store';
import { corpus, freshFactory } from '../../helpers/db';

const paper = (id: string) => corpus.papers.find((p) => p.id === id)!;

describe('the corpus lookup', () => {
  let db: PaperlensDatabase;
  beforeEach(async () => {
    db = await openPaperlensDb(freshFactory());
    await seedCorpus(db, corpus);
  });

  it('finds papers by id and by normalized title, each once, and nothing else', async () => {
    const { papers } = await lookupPapers(db, {
      ids: ['2402.07871', '2402.07871', '1706.03762'],
      titles: ['scaling laws for fine grained mixture of experts', 'attention is all you need'],
    });
    expect(papers.map((p) => p.id)).toEqual(['2402.07871']);
  });

  it('summarizes: no long texts, the followed author, saved state and the titles it names', async () => {
    await saveEntry(db, { id: '2402.07871' });
    const { papers } = await lookupPapers(db, { ids: ['2402.07871', '2401.04081'], titles: [] });
    const scaling = papers.find((p) => p.id === '2402.07871')!;
    expect(scaling).not.toHaveProperty('abstract');
    expect(scaling).not.toHaveProperty('notes');
    expect(scaling.followedAuthors).toEqual([corpus.author.name]);
    expect(scaling.saved).toBe(true);
    expect(papers.find((p) => p.id === '2401.04081')?.saved).toBe(false);
    const closest = paper(paper('2402.07871').novelty.closestEarlierId!);
    expect(scaling.closestEarlierTitle).toBe(closest.displayTitle);
    expect(scaling.relatedPapers.map((r) => r.title)).toEqual(
      paper('2402.07871').related.map((r) => paper(r.id).displayTitle),
    );
  });

  it('counts, for each coauthor on a paper, the corpus papers they share with the author', () => {
    const summary = summarize(paper('2402.07871'), {
      author: 'Jan Ludziejewski',
      sharedPapers: new Map([['Maciej Pióro', 7]]),
      saved: new Set(),
      titles: new Map(),
    });
    expect(summary.coauthors).toEqual([{ name: 'Maciej Pióro', sharedPapers: 7 }]);
    // A related paper whose title is not known is named by its id.
    expect(summary.relatedPapers[0]?.title).toBe(`arXiv:${paper('2402.07871').related[0]?.id}`);
    expect(summary.closestEarlierTitle).toBeNull();
  });

  it('gives content scripts every id and normalized title, and the coauthors most shared first', async () => {
    const keys = await corpusKeys(db);
    expect(keys.ids.sort()).toEqual(corpus.papers.map((p) => p.id).sort());
    expect(keys.titles).toContain('mu parametrization for mixture of experts');
    const { author, names } = await coauthorNames(db);
    expect(author).toBe(corpus.author.name);
    const counts = names.map((name) => corpus.coauthors.find((c) => c.name === name)!.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('reads the library newest first, and says plainly when the corpus is not loaded yet', async () => {
    const library = await readLibrary(db);
    expect(library.author).toEqual(corpus.author);
    const dates = library.papers.map((p) => p.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const empty = await openPaperlensDb(freshFactory());
    await expect(readLibrary(empty)).rejects.toThrow('The corpus is not loaded yet; reopen Paperlens in a moment.');
  });
});
