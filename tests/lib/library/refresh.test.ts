import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getMeta, openPaperlensDb, type PaperlensDatabase } from '../../../lib/db';
import { type ArxivResponse, createRequestGate } from '../../../lib/library/arxiv-api';
import { unfollowAuthor, updateAuthor } from '../../../lib/library/authors';
import type { IncomingPaper } from '../../../lib/library/incoming';
import { createArxivRefresh, followTarget, fullNameFrom, type StoredJob } from '../../../lib/library/refresh';
import { seedCorpus } from '../../../lib/library/seed';
import { parseArxivAtom } from '../../../lib/library/sources/arxiv-atom';
import { commitLibraryImport, type LibraryImportSummary } from '../../../lib/library/write';
import { saveEntry } from '../../../lib/reading-list/store';
import { BUNDLED_AUTHOR_ID, corpus, freshFactory } from '../../helpers/db';
import { fakeClock as fakeClockAt, incomingPaper } from '../../helpers/library';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/arxiv-api/${name}.xml`, import.meta.url), 'utf8');
const PAGE1 = fixture('ludziejewski-page1');
const PAGE2 = fixture('ludziejewski-page2');
const PIORO = fixture('pioro-page1');
const TRUNCATED = fixture('truncated');

const LUDZIEJEWSKI = 'au:Ludziejewski_J';
const PIORO_QUERY = 'au:Pioro_M';
/** Page 2 of Jan Ludziejewski's papers: the three oldest, all in the bundled corpus. */
const OLDEST = ['2402.07871', '2401.04081', '2310.15961'];
/** The two invented papers of pioro-page1.xml, in no bundle. */
const INVENTED = ['2405.17234', '2405.04312'];

const papersOf = (xml: string): IncomingPaper[] => {
  const page = parseArxivAtom(xml);
  if (!page.ok) throw new Error(page.error);
  return page.papers;
};

const fakeClock = () => fakeClockAt(Date.UTC(2026, 2, 2, 9, 0, 0));
type Clock = ReturnType<typeof fakeClock>;

type Reply = { status: number; body: string; retryAfter?: string };
const ok = (body: string): Reply => ({ status: 200, body });
/** Replies by query, then by `start`; a list is answered one reply per request, the last one repeated. */
type Routes = Record<string, Record<number, Reply | Reply[]>>;

const JAN_ROUTES: Routes = { [LUDZIEJEWSKI]: { 0: ok(PAGE1), 10: ok(PAGE2) } };
const PIORO_ROUTES: Routes = { [PIORO_QUERY]: { 0: ok(PIORO) } };

/** A fake arXiv API: each request takes 400 ms of the fake clock; logs when each began and ended. */
function fakeArxiv(clock: Clock, routes: Routes, onRequest?: (query: string, start: number) => Promise<void>) {
  const requests: { query: string; start: number; maxResults: string | null; began: number; ended: number }[] = [];
  const asked = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = async (url: string): Promise<ArxivResponse> => {
    const params = new URL(url).searchParams;
    const query = params.get('search_query') ?? '';
    const start = Number(params.get('start'));
    const began = clock.now();
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await onRequest?.(query, start);
    await Promise.resolve();
    clock.advance(400);
    inFlight -= 1;
    requests.push({ query, start, maxResults: params.get('max_results'), began, ended: clock.now() });
    const route = routes[query]?.[start];
    if (!route) throw new Error(`no fixture for ${query} from ${start}`);
    const n = asked.get(`${query} ${start}`) ?? 0;
    asked.set(`${query} ${start}`, n + 1);
    const reply = Array.isArray(route) ? (route[Math.min(n, route.length - 1)] as Reply) : route;
    const headers = new Headers(reply.retryAfter ? { 'Retry-After': reply.retryAfter } : {});
    return { status: reply.status, headers, text: async () => reply.body };
  };
  return { fetch, requests, maxInFlight: () => maxInFlight };
}

interface SetupOptions {
  routes: Routes;
  mayReachArxiv?: boolean;
  jobs?: StoredJob[];
  /** Runs inside each request, before arXiv answers (to change the library meanwhile). */
  onRequest?: (db: PaperlensDatabase, query: string, start: number) => Promise<void>;
}

async function setup({ routes, mayReachArxiv = true, jobs = [], onRequest }: SetupOptions) {
  const db = await openPaperlensDb(freshFactory());
  await seedCorpus(db, corpus);
  const clock = fakeClock();
  const arxiv = fakeArxiv(clock, routes, onRequest && ((query, start) => onRequest(db, query, start)));
  let stored = structuredClone(jobs);
  const committed: LibraryImportSummary[] = [];
  const marks: boolean[] = [];
  const refresh = createArxivRefresh({
    db: async () => db,
    fetch: arxiv.fetch,
    gate: createRequestGate(3_000, clock.sleep, clock.now),
    sleep: clock.sleep,
    now: clock.now,
    mayReachArxiv: async () => mayReachArxiv,
    jobs: {
      get: async () => structuredClone(stored),
      set: async (next) => {
        stored = structuredClone(next);
      },
    },
    committed: (summary, { markNew }) => {
      committed.push(summary);
      marks.push(markNew);
    },
  });
  return { db, clock, arxiv, refresh, committed, marks, jobs: () => stored };
}

const JAN = { id: BUNDLED_AUTHOR_ID, name: 'Jan Ludziejewski', arxivQuery: LUDZIEJEWSKI };

/** Follows `au:Pioro_M` as "Follow on arXiv" does: the author first, under the name the query gives. */
async function followPioro(db: PaperlensDatabase) {
  const { query, name } = followTarget(PIORO_QUERY);
  await commitLibraryImport(db, {
    source: { kind: 'arxiv', name: query },
    papers: [],
    follow: { name, arxivQuery: query },
  });
  const author = (await db.getAll('authors')).find((a) => a.arxivQuery === query);
  if (!author) throw new Error('au:Pioro_M was not followed');
  // As "Follow on arXiv" queues a new author followed by an `au:` query.
  return { id: author.id, name: author.name, arxivQuery: query, settleName: true };
}

const revision = async (db: PaperlensDatabase) => getMeta(db.transaction('meta').store, 'libraryRevision');

const storedJob = (fields: Partial<StoredJob>): StoredJob => ({
  authorId: JAN.id,
  name: JAN.name,
  query: LUDZIEJEWSKI,
  state: 'queued',
  fetched: 0,
  total: null,
  added: 0,
  error: null,
  at: '2026-03-02T08:00:00.000Z',
  progress: null,
  ...fields,
});

describe('createArxivRefresh', () => {
  it('follows Jan Ludziejewski over two pages and writes his papers in one import', async () => {
    const { db, clock, arxiv, refresh, committed, jobs } = await setup({ routes: JAN_ROUTES });
    // As if the bundle held only his ten newest papers: the three oldest are new to the library.
    for (const id of OLDEST) await db.delete('papers', id);
    const before = await revision(db);

    expect(await refresh.queue([JAN])).toBe(1);
    await refresh.resume();

    expect(arxiv.requests.map((r) => [r.query, r.start])).toEqual([
      [LUDZIEJEWSKI, 0],
      [LUDZIEJEWSKI, 10],
    ]);
    const papers = await db.getAll('papers');
    expect(papers.map((p) => p.id).sort()).toEqual(corpus.papers.map((p) => p.id).sort());
    for (const paper of papers) {
      expect(paper.followedAuthorIds).toContain(JAN.id);
      expect(paper.sources).toContain('arxiv');
      expect(paper.sources.includes('bundled')).toBe(!OLDEST.includes(paper.id));
    }
    expect(committed).toHaveLength(1);
    expect([...(committed[0]?.addedIds ?? [])].sort()).toEqual([...OLDEST].sort());
    expect(await revision(db)).toBe((before ?? 0) + 1);
    const author = await db.get('authors', JAN.id);
    expect(author?.refreshedAt).toBe(new Date(clock.now()).toISOString());
    expect(author?.sources.map((s) => [s.kind, s.name])).toContainEqual(['arxiv', LUDZIEJEWSKI]);
    expect(jobs()).toEqual([
      expect.objectContaining({
        authorId: JAN.id,
        state: 'done',
        fetched: 13,
        total: 13,
        added: 3,
        error: null,
        progress: null,
      }),
    ]);
  });

  it('keeps an existing bundled paper bundled and adds nothing the library already has', async () => {
    const { db, refresh, committed } = await setup({ routes: JAN_ROUTES });
    await refresh.queue([JAN]);
    await refresh.resume();
    expect(committed.map((s) => s.addedIds)).toEqual([[]]);
    expect((await db.get('papers', '2402.07871'))?.sources).toEqual(['bundled', 'arxiv']);
    expect(await db.count('papers')).toBe(corpus.papers.length);
  });

  it('leaves the reading list as it was', async () => {
    const { db, refresh } = await setup({ routes: { ...JAN_ROUTES, ...PIORO_ROUTES } });
    await saveEntry(db, { id: '2402.07871' });
    await saveEntry(db, { id: INVENTED[0] as string, title: 'Routing Tokens to Experts' });
    const before = await db.getAll('readingList');
    await refresh.queue([JAN, await followPioro(db)]);
    await refresh.resume();
    expect(await db.get('papers', INVENTED[0] as string)).toBeDefined();
    expect(await db.getAll('readingList')).toEqual(before);
  });

  it('asks arXiv one request at a time, 3 s apart, with two authors queued', async () => {
    const { db, arxiv, refresh, jobs } = await setup({ routes: { ...JAN_ROUTES, ...PIORO_ROUTES } });
    expect(await refresh.queue([JAN, await followPioro(db)])).toBe(2);
    await refresh.resume();
    expect(arxiv.requests.map((r) => [r.query, r.start])).toEqual([
      [LUDZIEJEWSKI, 0],
      [LUDZIEJEWSKI, 10],
      [PIORO_QUERY, 0],
    ]);
    expect(arxiv.maxInFlight()).toBe(1);
    for (const [previous, next] of arxiv.requests.slice(0, -1).map((r, i) => [r, arxiv.requests[i + 1]] as const)) {
      expect(next?.began ?? 0).toBeGreaterThanOrEqual(previous.ended + 3_000);
    }
    expect(jobs().map((j) => j.state)).toEqual(['done', 'done']);
  });

  it('does not reach arXiv without the permission, and says how to give it', async () => {
    const { db, arxiv, refresh, committed, jobs } = await setup({ routes: JAN_ROUTES, mayReachArxiv: false });
    const before = await db.getAll('papers');
    await refresh.queue([JAN]);
    await refresh.resume();
    expect(arxiv.requests).toEqual([]);
    expect(jobs()).toEqual([expect.objectContaining({ state: 'failed', fetched: 0 })]);
    expect(jobs()[0]?.error).toMatch(/allow arxiv\.org/);
    expect(committed).toEqual([]);
    expect(await db.getAll('papers')).toEqual(before);
  });

  it('waits and asks again when arXiv answers 503, then finishes', async () => {
    const routes: Routes = {
      [LUDZIEJEWSKI]: { 0: [{ status: 503, body: 'Service Unavailable', retryAfter: '8' }, ok(PAGE1)], 10: ok(PAGE2) },
    };
    const { arxiv, refresh, jobs, committed } = await setup({ routes });
    await refresh.queue([JAN]);
    await refresh.resume();
    expect(arxiv.requests.map((r) => r.start)).toEqual([0, 0, 10]);
    const [busy, retry] = arxiv.requests;
    expect((retry?.began ?? 0) - (busy?.ended ?? 0)).toBeGreaterThanOrEqual(8_000);
    expect(jobs()).toEqual([expect.objectContaining({ state: 'done', fetched: 13, error: null })]);
    expect(committed).toHaveLength(1);
  });

  it('fails on a cut-off answer with a plain sentence, changing nothing and keeping the pages it has', async () => {
    const routes: Routes = { [LUDZIEJEWSKI]: { 0: ok(PAGE1), 10: ok(TRUNCATED) } };
    const { db, refresh, committed, jobs } = await setup({ routes });
    const papers = await db.getAll('papers');
    const authors = await db.getAll('authors');
    const before = await revision(db);
    await refresh.queue([JAN]);
    await refresh.resume();
    const [job] = jobs();
    expect(job).toMatchObject({ state: 'failed', fetched: 10, total: 13 });
    expect(job?.error).toMatch(/^arXiv's answer for page \d+ is cut off.*Nothing was changed; try again later\.$/);
    expect(job?.error).not.toMatch(/Error:|undefined|\n/);
    expect(job?.progress?.start).toBe(10);
    expect(job?.progress?.papers.map((p) => p.arxivId)).toEqual(papersOf(PAGE1).map((p) => p.arxivId));
    expect(committed).toEqual([]);
    expect(await db.getAll('papers')).toEqual(papers);
    expect(await db.getAll('authors')).toEqual(authors);
    expect(await revision(db)).toBe(before);
  });

  it('names the second page as page 2 when it is the one cut off', async () => {
    const routes: Routes = { [LUDZIEJEWSKI]: { 0: ok(PAGE1), 10: ok(TRUNCATED) } };
    const { refresh, jobs } = await setup({ routes });
    await refresh.queue([JAN]);
    await refresh.resume();
    expect(jobs()[0]?.error).toMatch(/^arXiv's answer for page 2 /);
  });

  it('goes on from the pages it kept when the failed job is retried', async () => {
    const routes: Routes = { [LUDZIEJEWSKI]: { 0: ok(PAGE1), 10: [ok(TRUNCATED), ok(PAGE2)] } };
    const { arxiv, refresh, jobs } = await setup({ routes });
    await refresh.queue([JAN]);
    await refresh.resume();
    expect(jobs()[0]?.state).toBe('failed');
    await refresh.queue([JAN]);
    await refresh.resume();
    expect(jobs()[0]?.state).toBe('done');
    expect(arxiv.requests.map((r) => r.start)).toEqual([0, 10, 10]);
  });

  it('resumes a job a stopped worker left running from the page it had reached', async () => {
    const interrupted = storedJob({
      state: 'running',
      fetched: 10,
      total: 13,
      progress: { start: 10, papers: papersOf(PAGE1) },
    });
    const { db, arxiv, refresh, jobs, committed } = await setup({ routes: JAN_ROUTES, jobs: [interrupted] });
    for (const id of OLDEST) await db.delete('papers', id);
    await refresh.resume();
    expect(arxiv.requests.map((r) => r.start)).toEqual([10]);
    expect(jobs()).toEqual([expect.objectContaining({ state: 'done', fetched: 13, total: 13, progress: null })]);
    expect(await db.count('papers')).toBe(13);
    expect([...(committed[0]?.addedIds ?? [])].sort()).toEqual([...OLDEST].sort());
  });

  it('names an au:Pioro_M follow as its papers spell the name', async () => {
    const { db, refresh, committed } = await setup({ routes: PIORO_ROUTES });
    const pioro = await followPioro(db);
    expect(pioro.name).toBe('M Pioro');
    await refresh.queue([pioro]);
    await refresh.resume();
    expect((await db.get('authors', pioro.id))?.name).toBe('Maciej Pióro');
    expect(await db.count('authors')).toBe(2);
    for (const id of ['2502.05172', '2401.04081', ...INVENTED]) {
      expect((await db.get('papers', id))?.followedAuthorIds).toContain(pioro.id);
    }
    expect([...(committed[0]?.addedIds ?? [])].sort()).toEqual([...INVENTED].sort());
  });

  it('keeps the name the user gave an au:Pioro_M follow while it was being fetched', async () => {
    const { db, refresh } = await setup({
      routes: PIORO_ROUTES,
      onRequest: async (open) => {
        const pioro = (await open.getAll('authors')).find((a) => a.arxivQuery === PIORO_QUERY);
        if (pioro) await updateAuthor(open, { id: pioro.id, name: 'Maciej Pióro (IDEAS)' });
      },
    });
    const pioro = await followPioro(db);
    await refresh.queue([pioro]);
    await refresh.resume();
    expect((await db.get('authors', pioro.id))?.name).toBe('Maciej Pióro (IDEAS)');
    expect(await db.count('authors')).toBe(2);
    expect((await db.get('papers', INVENTED[0] as string))?.followedAuthorIds).toEqual([pioro.id]);
  });

  it('adds no second job for an author already queued or running', async () => {
    const { refresh, jobs } = await setup({ routes: JAN_ROUTES });
    expect(await refresh.queue([JAN])).toBe(1);
    expect(await refresh.queue([JAN])).toBe(0);
    expect(jobs().filter((j) => j.authorId === JAN.id)).toHaveLength(1);
    await refresh.resume();
    // A finished job is replaced by the next refresh, not kept beside it.
    expect(await refresh.queue([JAN])).toBe(1);
    expect(jobs().filter((j) => j.authorId === JAN.id)).toHaveLength(1);
    await refresh.resume();
  });

  it('runs both authors when two are queued at the same moment', async () => {
    const { db, arxiv, refresh, jobs } = await setup({ routes: { ...JAN_ROUTES, ...PIORO_ROUTES } });
    const pioro = await followPioro(db);
    expect(await Promise.all([refresh.queue([JAN]), refresh.queue([pioro])])).toEqual([1, 1]);
    await refresh.resume();
    expect(jobs().map((j) => [j.authorId, j.state])).toEqual([
      [JAN.id, 'done'],
      [pioro.id, 'done'],
    ]);
    expect(new Set(arxiv.requests.map((r) => r.query))).toEqual(new Set([LUDZIEJEWSKI, PIORO_QUERY]));
  });

  it('forgets the job of an author, keeping the others', async () => {
    const { db, refresh, jobs } = await setup({ routes: { ...JAN_ROUTES, ...PIORO_ROUTES } });
    const pioro = await followPioro(db);
    await refresh.queue([JAN, pioro]);
    await refresh.resume();
    await refresh.forget(pioro.id);
    expect(jobs().map((j) => j.authorId)).toEqual([JAN.id]);
  });

  it('does not follow again an author unfollowed while their papers were being fetched', async () => {
    let unfollowed = false;
    const { db, refresh, jobs } = await setup({
      routes: PIORO_ROUTES,
      onRequest: async (open) => {
        const pioro = (await open.getAll('authors')).find((a) => a.arxivQuery === PIORO_QUERY);
        if (!pioro || unfollowed) return;
        unfollowed = true;
        await unfollowAuthor(open, pioro.id);
        await refresh.forget(pioro.id);
      },
    });
    await refresh.queue([await followPioro(db)]);
    await refresh.resume();
    expect(unfollowed).toBe(true);
    expect(jobs()).toEqual([]);
    expect((await db.getAll('authors')).map((a) => a.id)).toEqual([JAN.id]);
  });
});

describe('followTarget', () => {
  it.each([
    ['Jan Ludziejewski', LUDZIEJEWSKI, 'Jan Ludziejewski'],
    ['  Maciej   Pióro ', PIORO_QUERY, 'Maciej Pióro'],
    ['Ludziejewski, Jan', LUDZIEJEWSKI, 'Ludziejewski, Jan'],
    ['au:Pioro_M', PIORO_QUERY, 'M Pioro'],
    ['  au:Ludziejewski_J ', LUDZIEJEWSKI, 'J Ludziejewski'],
    ['au:Ludziejewski', 'au:Ludziejewski', 'Ludziejewski'],
    ['ti:mixture', 'ti:mixture', 'ti:mixture'],
  ])('%j → %s named %j', (input, query, name) => {
    expect(followTarget(input)).toEqual({ query, name });
  });

  it('throws a plain sentence for empty input', () => {
    expect(() => followTarget('   ')).toThrow(/Type an author’s name/);
  });

  it('keeps a family name with a particle together (au:del_Maestro_A)', () => {
    expect(followTarget('au:del_Maestro_A').name).toBe('A del Maestro');
  });
});

const incoming = (authors: string[], arxivId = '2405.00001') =>
  incomingPaper({ arxivId, title: 'A paper', authors, abstract: '' });

describe('fullNameFrom', () => {
  it('finds "Maciej Pióro" for M Pioro on his papers', () => {
    expect(fullNameFrom('M Pioro', papersOf(PIORO))).toBe('Maciej Pióro');
  });

  it('takes the spelling most papers use, the longer one on a tie', () => {
    const papers = [
      incoming(['M. Pioro', 'Ada Lovelace'], '2405.00001'),
      incoming(['M. Pioro'], '2405.00002'),
      incoming(['Maciej Pióro'], '2405.00003'),
    ];
    expect(fullNameFrom('M Pioro', papers)).toBe('M. Pioro');
    expect(fullNameFrom('M Pioro', papers.slice(1))).toBe('Maciej Pióro');
  });

  it.each([
    ['another initial', 'J Pioro'],
    ['another family name', 'M Cygan-Smith'],
    ['no name at all', ''],
  ])('keeps the name when no author matches (%s)', (_, name) => {
    expect(fullNameFrom(name, papersOf(PIORO))).toBe(name);
  });

  it('never renames an author the user follows by name, and marks papers new only after an earlier refresh', async () => {
    const { db, refresh, marks } = await setup({ routes: JAN_ROUTES });
    await updateAuthor(db, { id: JAN.id, name: 'J. Ludziejewski (me)' });
    await refresh.queue([{ ...JAN, name: 'J. Ludziejewski (me)' }]);
    await refresh.resume();
    expect((await db.get('authors', JAN.id))?.name).toBe('J. Ludziejewski (me)');
    await refresh.queue([{ ...JAN, name: 'J. Ludziejewski (me)' }]);
    await refresh.resume();
    // The first fetch brings the whole record; what later refreshes bring is new.
    expect(marks).toEqual([false, true]);
  });
});
