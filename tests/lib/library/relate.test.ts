import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openPaperlensDb, type PaperlensDatabase } from '../../../lib/db';
import { createDbConnection } from '../../../lib/db-connection';
import { createHandlers, type MessageSender, NO_ENVIRONMENT } from '../../../lib/handlers';
import * as similarity from '../../../lib/insights/similarity-index';
import { tokenize } from '../../../lib/insights/text-vectors';
import { recomputeTexts, type TextMemory } from '../../../lib/library/derive-texts';
import { CLOSEST, createPaperRelations } from '../../../lib/library/relate';
import type { LibraryPaper } from '../../../lib/library/schema';
import { seedCorpus } from '../../../lib/library/seed';
import { type RelatePaperRequest, SUMMARY_AUTHORS } from '../../../lib/message-schemas';
import { saveEntry } from '../../../lib/reading-list/store';
import { BUNDLED_AUTHOR_ID, corpus, freshFactory } from '../../helpers/db';
import { generateLibrary } from '../../scale/generate';

// Spies over the real functions: a restarted worker must load the stored index, not build one.
vi.mock('../../../lib/insights/similarity-index', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../lib/insights/similarity-index')>();
  return { ...actual, buildIndex: vi.fn(actual.buildIndex), fromStoredInSlices: vi.fn(actual.fromStoredInSlices) };
});

const WEB: MessageSender = { url: 'https://arxiv.org/abs/2609.00001', tab: { id: 7 } };
const JAN = { id: BUNDLED_AUTHOR_ID, name: 'Jan Ludziejewski', color: expect.stringMatching(/^#[0-9a-f]{6}$/) };

/** How the page would send a library paper's text, reworded a little (so it is not the paper's own). */
const reworded = (paper: { title: string; abstract: string }): RelatePaperRequest => ({
  title: `${paper.title}: a second look`,
  abstract: paper.abstract.replace(/\bwe\b/gi, 'this work').slice(0, Math.ceil(paper.abstract.length * 0.7)),
  authors: ['Ada Lovelace'],
});

const counts = (text: string) => {
  const out = new Map<string, number>();
  for (const token of tokenize(text)) out.set(token, (out.get(token) ?? 0) + 1);
  return out;
};

/**
 * Every library paper's cosine with a text, by brute force and without the index: TF-IDF over title and
 * abstract with the library's smoothed IDF (a word no paper has counts as held by one), rounded to 4
 * decimals; above 0 only, most similar first, ties by id.
 */
function bruteForce(papers: readonly Pick<LibraryPaper, 'id' | 'title' | 'abstract'>[], text: string) {
  const docs = papers.map((paper) => counts(`${paper.title}\n${paper.abstract}`));
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = (term: string) => Math.log((1 + docs.length) / (1 + (df.get(term) ?? 1))) + 1;
  const unit = (doc: Map<string, number>) => {
    const weights = new Map([...doc].map(([term, count]) => [term, count * idf(term)]));
    const norm = Math.hypot(...weights.values());
    return new Map([...weights].map(([term, weight]) => [term, weight / norm]));
  };
  const query = unit(counts(text));
  return papers
    .map((paper, i) => {
      let dot = 0;
      for (const [term, weight] of unit(docs[i]!)) dot += weight * (query.get(term) ?? 0);
      return { id: paper.id, similarity: Math.round(Math.min(1, dot) * 10_000) / 10_000 };
    })
    .filter((found) => found.similarity > 0)
    .sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id));
}

/** A db whose `getAll('papers')` calls are counted (a build from the papers scans them). */
function counting(db: PaperlensDatabase) {
  const scans = { papers: 0 };
  const proxy = new Proxy(db, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (key !== 'getAll') return typeof value === 'function' ? value.bind(target) : value;
      return (...args: Parameters<PaperlensDatabase['getAll']>) => {
        if (args[0] === 'papers') scans.papers++;
        return target.getAll(...args);
      };
    },
  });
  return { connection: createDbConnection(async () => proxy), scans };
}

async function seeded(): Promise<PaperlensDatabase> {
  const db = await openPaperlensDb(freshFactory());
  await seedCorpus(db, corpus);
  return db;
}

describe('relatePaper over the bundled library', () => {
  let db: PaperlensDatabase;
  let memory: TextMemory;
  let papers: LibraryPaper[];

  beforeEach(async () => {
    db = await seeded();
    ({ memory } = await recomputeTexts(db));
    papers = await db.getAll('papers');
  });

  it('puts a paper first for a reworded copy of its text, with the brute-force closest three and their authors', async () => {
    const relate = createPaperRelations(
      createDbConnection(async () => db),
      () => memory,
    );
    for (const paper of papers) {
      const request = reworded(paper);
      const answer = await relate(request);
      const expected = bruteForce(papers, `${request.title}\n${request.abstract}`).slice(0, CLOSEST);
      expect(answer.inLibrary).toBe(false);
      expect(answer.closest[0]?.id).toBe(paper.id);
      expect(answer.closest[0]?.similarity).toBeGreaterThan(0.75);
      expect(answer.closest.map((c) => c.id)).toEqual(expected.map((e) => e.id));
      answer.closest.forEach((close, i) => {
        expect(close.similarity).toBeCloseTo(expected[i]!.similarity, 4);
        const library = papers.find((p) => p.id === close.id)!;
        expect(close.title).toBe(library.displayTitle);
        expect(close.authors).toEqual(library.authors.slice(0, SUMMARY_AUTHORS));
      });
      expect(answer.novelty).toEqual({ similarity: answer.closest[0]?.similarity, closestId: paper.id });
    }
  });

  it('matches followed authors on the author list the way listings do, whatever the spelling', async () => {
    const relate = createPaperRelations(
      createDbConnection(async () => db),
      () => memory,
    );
    const scaling = papers.find((p) => p.id === '2402.07871')!;
    const ask = (authors: string[]) => relate({ ...reworded(scaling), authors });
    expect((await ask(['J. Ludziejewski', 'Ada Lovelace'])).followed).toEqual([JAN]);
    expect((await ask(['Ludziejewski, Jan', '  ', ''])).followed).toEqual([JAN]);
    expect((await ask(['Ada Lovelace', 'Ludziejewski'])).followed).toEqual([]);
    expect((await ask([])).followed).toEqual([]);
  });

  it('says a library paper is in the library and works nothing else out; its followed authors still come', async () => {
    const relate = createPaperRelations(
      createDbConnection(async () => db),
      () => memory,
    );
    const scaling = papers.find((p) => p.id === '2402.07871')!;
    expect(await relate({ ...reworded(scaling), id: scaling.id, authors: scaling.authors })).toEqual({
      inLibrary: true,
      saved: false,
      followed: [JAN],
      closest: [],
      novelty: { similarity: null, closestId: null },
    });
    const outside = await relate({ ...reworded(scaling), id: '2609.00001' });
    expect(outside).toMatchObject({ inLibrary: false, saved: false });
    expect(outside.closest[0]?.id).toBe(scaling.id);
  });

  it('says whether the page’s paper is in the reading list, for the panel’s Save toggle', async () => {
    const relate = createPaperRelations(
      createDbConnection(async () => db),
      () => memory,
    );
    const page = { ...reworded(papers[0]!), id: '2609.00001' };
    await saveEntry(db, { id: page.id, title: page.title });
    expect(await relate(page)).toMatchObject({ inLibrary: false, saved: true, closest: [{}, {}, {}] });
    expect((await relate({ ...page, id: '2609.00002' })).saved).toBe(false);
    expect((await relate({ ...page, id: undefined })).saved).toBe(false);
  });

  it('finds nothing like a text that shares no word with the library', async () => {
    const relate = createPaperRelations(
      createDbConnection(async () => db),
      () => memory,
    );
    const answer = await relate({ title: 'Zebrafish husbandry', abstract: 'Aquarium salinity logs.', authors: [] });
    expect(answer).toEqual({
      inLibrary: false,
      saved: false,
      followed: [],
      closest: [],
      novelty: { similarity: null, closestId: null },
    });
  });
});

describe('relatePaper after a worker restart', () => {
  let db: PaperlensDatabase;
  let memory: TextMemory;

  beforeEach(async () => {
    db = await seeded();
    ({ memory } = await recomputeTexts(db));
    vi.mocked(similarity.buildIndex).mockClear();
    vi.mocked(similarity.fromStoredInSlices).mockClear();
  });

  it('answers from the index derived data stored, loaded once, never rebuilt', async () => {
    const stored = await db.get('meta', 'similarityIndex');
    expect(stored?.value).toMatchObject({ revision: expect.any(Number), index: { version: 2 } });
    const scaling = corpus.papers.find((p) => p.id === '2402.07871')!;
    const live = await createPaperRelations(
      createDbConnection(async () => db),
      () => memory,
    )(reworded(scaling));
    const { connection, scans } = counting(db);
    const relate = createPaperRelations(connection, () => null);
    expect(await relate(reworded(scaling))).toEqual(live);
    expect((await relate(reworded(corpus.papers[0]!))).closest[0]?.id).toBe(corpus.papers[0]!.id);
    expect(similarity.fromStoredInSlices).toHaveBeenCalledTimes(1);
    expect(similarity.buildIndex).not.toHaveBeenCalled();
    expect(scans.papers).toBe(0);
  });

  it('answers from the stored index itself: a copy over fewer papers gives only those', async () => {
    const few = corpus.papers.slice(0, 4).map((p) => ({ id: p.id, date: p.date, text: `${p.title}\n${p.abstract}` }));
    const index = similarity.toStored(similarity.buildIndex(few));
    await db.put('meta', { key: 'similarityIndex', value: { revision: 1, index } });
    vi.mocked(similarity.buildIndex).mockClear();
    const relate = createPaperRelations(
      createDbConnection(async () => db),
      () => null,
    );
    const answer = await relate(reworded(corpus.papers[8]!));
    expect(answer.closest.length).toBeGreaterThan(0);
    expect(answer.closest.every((c) => few.some((p) => p.id === c.id))).toBe(true);
    expect(similarity.buildIndex).not.toHaveBeenCalled();
  });

  it('passes over a stored copy in an older format and builds the index from the papers', async () => {
    const stored = (await db.get('meta', 'similarityIndex'))?.value as { revision: number; index: object };
    const old = { ...stored, index: { ...stored.index, version: 1 } };
    await db.put('meta', { key: 'similarityIndex', value: old as never });
    const live = await createPaperRelations(
      createDbConnection(async () => db),
      () => memory,
    )(reworded(corpus.papers[2]!));
    const relate = createPaperRelations(
      createDbConnection(async () => db),
      () => null,
    );
    expect(await relate(reworded(corpus.papers[2]!))).toEqual(live);
    expect(similarity.fromStoredInSlices).not.toHaveBeenCalled();
    expect(similarity.buildIndex).toHaveBeenCalledTimes(1);
  });

  it('leaves out a paper the stored index has but the library no longer does', async () => {
    const gone = corpus.papers.find((p) => p.id === '2402.07871')!;
    await db.delete('papers', gone.id);
    const relate = createPaperRelations(
      createDbConnection(async () => db),
      () => null,
    );
    const answer = await relate(reworded(gone));
    expect(answer.closest.map((c) => c.id)).not.toContain(gone.id);
    expect(answer.closest).toHaveLength(CLOSEST);
    expect(answer.novelty.closestId).toBe(answer.closest[0]?.id);
  });

  it('takes the worker’s index once derived data has run, and lets the loaded copy go', async () => {
    let live: TextMemory | null = null;
    const relate = createPaperRelations(
      createDbConnection(async () => db),
      () => live,
    );
    const scaling = corpus.papers.find((p) => p.id === '2402.07871')!;
    const before = await relate(reworded(scaling));
    live = memory;
    expect(await relate(reworded(scaling))).toEqual(before);
    live = null;
    // The loaded copy was let go: the stored one is read again.
    await relate(reworded(scaling));
    expect(similarity.fromStoredInSlices).toHaveBeenCalledTimes(2);
  });

  it('builds from the papers only when nothing is stored, and again only when the library changed', async () => {
    await db.delete('meta', 'similarityIndex');
    vi.mocked(similarity.buildIndex).mockClear();
    const { connection, scans } = counting(db);
    const relate = createPaperRelations(connection, () => null);
    const scaling = corpus.papers.find((p) => p.id === '2402.07871')!;
    const first = await relate(reworded(scaling));
    expect(first.closest[0]?.id).toBe(scaling.id);
    await relate(reworded(corpus.papers[1]!));
    expect(similarity.buildIndex).toHaveBeenCalledTimes(1);
    const read = scans.papers;
    expect(read).toBeGreaterThan(0);
    await db.put('meta', { key: 'libraryRevision', value: 99 });
    await relate(reworded(scaling));
    expect(similarity.buildIndex).toHaveBeenCalledTimes(2);
    expect(scans.papers).toBeGreaterThan(read);
  });

  it('answers an empty library with nothing close', async () => {
    const empty = await openPaperlensDb(freshFactory());
    const relate = createPaperRelations(
      createDbConnection(async () => empty),
      () => null,
    );
    expect(await relate(reworded(corpus.papers[0]!))).toMatchObject({ closest: [], novelty: { similarity: null } });
  });
});

describe('relatePaper over a generated library', () => {
  it('gives the brute-force closest papers and the followed authors the papers name', async () => {
    const { papers, authors } = generateLibrary({ papers: 320, authors: 30, seed: 9 });
    const [library, pages] = [papers.slice(0, 300), papers.slice(300)];
    const db = await openPaperlensDb(freshFactory());
    const tx = db.transaction(['papers', 'authors'], 'readwrite');
    await Promise.all([
      ...library.map((paper) => tx.objectStore('papers').put(paper)),
      ...authors.map((author) => tx.objectStore('authors').put(author)),
    ]);
    await tx.done;
    const { memory } = await recomputeTexts(db);
    const relate = createPaperRelations(
      createDbConnection(async () => db),
      () => memory,
    );
    const tag = (id: string) => {
      const { name, color } = authors.find((a) => a.id === id)!;
      return { id, name, color };
    };
    let withFollowed = 0;
    let nearlyAlike = 0;
    for (const page of pages) {
      const answer = await relate({ id: undefined, title: page.title, abstract: page.abstract, authors: page.authors });
      const expected = bruteForce(library, `${page.title}\n${page.abstract}`).slice(0, CLOSEST);
      expect(answer.closest.map((c) => [c.id, c.similarity])).toEqual(
        expected.map((e) => [e.id, expect.closeTo(e.similarity, 4)]),
      );
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      expect([...answer.followed].sort(byId)).toEqual(page.followedAuthorIds.map(tag).sort(byId));
      withFollowed += answer.followed.length > 0 ? 1 : 0;
      nearlyAlike += (answer.closest[0]?.similarity ?? 0) > 0.3 ? 1 : 0;
    }
    // Not a vacuous check: most pages name someone followed and have a close library paper.
    expect(withFollowed).toBeGreaterThan(pages.length / 2);
    expect(nearlyAlike).toBeGreaterThan(pages.length / 2);
  }, 30_000);
});

describe('the relatePaper message', () => {
  const setup = async (textMemory: () => TextMemory | null = () => null) => {
    const db = await seeded();
    const library = { ...NO_ENVIRONMENT.library, textMemory };
    return createHandlers(
      createDbConnection(async () => db),
      undefined,
      { ...NO_ENVIRONMENT, library },
    );
  };

  it('is answered for a web page’s content script, from the worker’s index', async () => {
    const db = await seeded();
    const { memory } = await recomputeTexts(db);
    const handlers = createHandlers(
      createDbConnection(async () => db),
      undefined,
      {
        ...NO_ENVIRONMENT,
        library: { ...NO_ENVIRONMENT.library, textMemory: () => memory },
      },
    );
    vi.mocked(similarity.buildIndex).mockClear();
    vi.mocked(similarity.fromStoredInSlices).mockClear();
    const scaling = corpus.papers.find((p) => p.id === '2402.07871')!;
    const answer = await handlers.relatePaper({ ...reworded(scaling), authors: ['Jan Ludziejewski'] }, WEB);
    expect(answer).toMatchObject({ inLibrary: false, followed: [JAN], novelty: { closestId: scaling.id } });
    expect(answer.closest[0]?.id).toBe(scaling.id);
    expect(similarity.buildIndex).not.toHaveBeenCalled();
    expect(similarity.fromStoredInSlices).not.toHaveBeenCalled();
  });

  it('refuses oversize and garbage requests, naming the field', async () => {
    const handlers = await setup();
    const ok = { title: 'A title', abstract: 'An abstract.', authors: ['Ada Lovelace'] };
    const refused = (data: unknown, field: RegExp) => expect(handlers.relatePaper(data, WEB)).rejects.toThrow(field);
    await refused({ ...ok, title: 'x'.repeat(1_001) }, /^invalid relatePaper request: title: /);
    await refused({ ...ok, abstract: 'x'.repeat(10_001) }, /^invalid relatePaper request: abstract: /);
    await refused({ ...ok, authors: Array.from({ length: 201 }, (_, i) => `Author ${i}`) }, /: authors: /);
    await refused({ ...ok, authors: ['x'.repeat(201)] }, /: authors\.0: /);
    await refused({ ...ok, id: '2402.07871v2' }, /: id: must be a bare arXiv id/);
    await refused({ ...ok, authors: 'Ada Lovelace' }, /: authors: /);
    await refused({ title: 'A title' }, /abstract: [\s\S]*authors: /);
    await refused('<script>', /^invalid relatePaper request: \(root\): /);
    await refused(null, /^invalid relatePaper request/);
    await expect(
      handlers.relatePaper({ ...ok, title: 'x'.repeat(1_000), abstract: 'x'.repeat(10_000) }, WEB),
    ).resolves.toMatchObject({ inLibrary: false });
  });
});
