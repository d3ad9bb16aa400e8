import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ARXIV_API_ORIGIN,
  ARXIV_API_PERMISSION,
  type ArxivResponse,
  arxivAuthorQuery,
  arxivQueryUrl,
  createRequestGate,
  type FetchAuthorPapersOptions,
  fetchAuthorPapers,
} from '../../../lib/library/arxiv-api';
import { parseArxivAtom } from '../../../lib/library/sources/arxiv-atom';
import { fakeClock } from '../../helpers/library';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/arxiv-api/${name}.xml`, import.meta.url), 'utf8');
const PAGE1 = fixture('ludziejewski-page1');
const PAGE2 = fixture('ludziejewski-page2');
/** Page 2's counts with none of its entries: arXiv's occasional empty page in the middle. */
const EMPTY_PAGE2 = PAGE2.replace(/ {2}<entry[\s\S]*<\/entry>\n/, '');

type Clock = ReturnType<typeof fakeClock>;

type Reply = { status?: number; body?: string; retryAfter?: string } | Error;

/** A fake arXiv: answers each request with `route(url, n)` after 400 ms, logging when each started and ended. */
function fakeArxiv(clock: Clock, route: (url: URL, n: number) => Reply) {
  const requests: { url: URL; start: number; end: number }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = async (url: string): Promise<ArxivResponse> => {
    const start = clock.now();
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await Promise.resolve();
    clock.advance(400);
    inFlight -= 1;
    requests.push({ url: new URL(url), start, end: clock.now() });
    const reply = route(new URL(url), requests.length);
    if (reply instanceof Error) throw reply;
    const headers = new Headers(reply.retryAfter ? { 'Retry-After': reply.retryAfter } : {});
    return { status: reply.status ?? 200, headers, text: async () => reply.body ?? '' };
  };
  return {
    fetch,
    requests,
    maxInFlight: () => maxInFlight,
    starts: () => requests.map((r) => r.url.searchParams.get('start')),
  };
}

/** Replies in order, one per request. */
const inOrder =
  (...replies: Reply[]) =>
  (_: URL, n: number): Reply =>
    replies[n - 1] ?? new Error(`unexpected request ${n}`);

/** Jan Ludziejewski's two pages by `start`. */
const ludziejewski = (url: URL): Reply => ({ body: url.searchParams.get('start') === '10' ? PAGE2 : PAGE1 });

function options(clock: Clock, server: ReturnType<typeof fakeArxiv>, extra: Partial<FetchAuthorPapersOptions> = {}) {
  return {
    query: 'au:Ludziejewski_J',
    fetch: server.fetch,
    sleep: clock.sleep,
    now: clock.now,
    pageSize: 10,
    ...extra,
  };
}

describe('arxivAuthorQuery', () => {
  it.each([
    ['Jan Ludziejewski', 'au:Ludziejewski_J'],
    ['Ludziejewski, Jan', 'au:Ludziejewski_J'],
    ['  Maciej Pióro ', 'au:Pioro_M'],
    ['Michał Krutul', 'au:Krutul_M'],
    ['Jan Małaśnicki', 'au:Malasnicki_J'],
    ['Tomasz Odrzygóźdź', 'au:Odrzygozdz_T'],
    ['Alexander H. Liu', 'au:Liu_A'],
    ['Chen-Yo Sun', 'au:Sun_C'],
    ['Jean-Marc Lévy-Leblond', 'au:Levy-Leblond_J'],
    ['Del Maestro, Adrian', 'au:Del_Maestro_A'],
    ['Ludziejewski', 'au:Ludziejewski'],
    ['  au:Ludziejewski_J  ', 'au:Ludziejewski_J'],
    ['au:del_maestro AND ti:checkerboard', 'au:del_maestro AND ti:checkerboard'],
    ['(au:Pioro_M OR au:Ludziejewski_J)', '(au:Pioro_M OR au:Ludziejewski_J)'],
  ])('turns %j into %j', (input, query) => {
    expect(arxivAuthorQuery(input)).toBe(query);
  });

  it.each(['', '   ', '!!! ???'])('refuses %j with a plain sentence', (input) => {
    expect(() => arxivAuthorQuery(input)).toThrow(/^(Type an author’s name|Paperlens found no name)/);
  });
});

describe('arxivQueryUrl', () => {
  it('asks export.arxiv.org for one page, newest submissions first', () => {
    expect(arxivQueryUrl('au:Ludziejewski_J', 10, 200)).toBe(
      'https://export.arxiv.org/api/query?search_query=au%3ALudziejewski_J&start=10&max_results=200&sortBy=submittedDate&sortOrder=descending',
    );
  });

  it('encodes spaces, parentheses and quotes so the query reaches arXiv unchanged', () => {
    const query = 'au:del_maestro ANDNOT (ti:checkerboard OR ti:"quantum criticality")';
    const url = new URL(arxivQueryUrl(query, 0, 10));
    expect(url.searchParams.get('search_query')).toBe(query);
    expect(url.search).not.toMatch(/[ ()"]/);
  });

  it('stays inside the host permission the extension asks for', () => {
    expect(ARXIV_API_ORIGIN).toBe('https://export.arxiv.org/');
    expect(ARXIV_API_PERMISSION).toBe('https://export.arxiv.org/*');
    expect(arxivQueryUrl('au:X', 0, 1).startsWith(ARXIV_API_ORIGIN)).toBe(true);
  });
});

describe('createRequestGate', () => {
  it('runs one request at a time, each starting 3 s after the previous one ended', async () => {
    const clock = fakeClock();
    const gate = createRequestGate(3000, clock.sleep, clock.now);
    const log: string[] = [];
    const request = (name: string) => async () => {
      log.push(`${name} start ${clock.now()}`);
      await Promise.resolve();
      clock.advance(500);
      log.push(`${name} end ${clock.now()}`);
      return name;
    };
    const results = await Promise.all([gate.run(request('a')), gate.run(request('b')), gate.run(request('c'))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual([
      'a start 1000000',
      'a end 1000500',
      'b start 1003500',
      'b end 1004000',
      'c start 1007000',
      'c end 1007500',
    ]);
  });

  it('lets a request whose caller gave up leave the queue without delaying the next', async () => {
    const clock = fakeClock();
    const gate = createRequestGate(3000, clock.sleep, clock.now);
    const controller = new AbortController();
    controller.abort();
    await gate.run(async () => clock.advance(100));
    await expect(gate.run(async () => 'never', controller.signal)).rejects.toThrow();
    const startedAt = await gate.run(async () => clock.now());
    expect(startedAt).toBe(1_000_100 + 3000);
  });
});

describe('fetchAuthorPapers', () => {
  it('pages through every result and reports progress after each page', async () => {
    const clock = fakeClock();
    const server = fakeArxiv(clock, ludziejewski);
    const pages: { start: number; total: number; papers: number }[] = [];
    const result = await fetchAuthorPapers(
      options(clock, server, {
        onPage: (progress) => {
          pages.push({ start: progress.start, total: progress.total, papers: progress.papers.length });
        },
      }),
    );
    expect(result.ok && result.total).toBe(13);
    expect(result.ok && result.papers.map((paper) => paper.arxivId).slice(0, 2)).toEqual(['2603.25551', '2602.11298']);
    expect(result.ok && result.papers.at(-1)?.arxivId).toBe('2310.15961');
    expect(result.ok && result.papers).toHaveLength(13);
    expect(server.starts()).toEqual(['0', '10']);
    expect(server.requests[0]?.url.searchParams.get('max_results')).toBe('10');
    expect(server.requests[0]?.url.searchParams.get('search_query')).toBe('au:Ludziejewski_J');
    expect(pages).toEqual([
      { start: 10, total: 13, papers: 10 },
      { start: 13, total: 13, papers: 13 },
    ]);
  });

  it('asks for 200 results a page unless told otherwise', async () => {
    const clock = fakeClock();
    const server = fakeArxiv(clock, () => ({ body: fixture('pioro-page1') }));
    const result = await fetchAuthorPapers({
      query: 'au:Pioro_M',
      fetch: server.fetch,
      sleep: clock.sleep,
      now: clock.now,
    });
    expect(result).toMatchObject({ ok: true, total: 4 });
    expect(server.requests.map((r) => r.url.searchParams.get('max_results'))).toEqual(['200']);
  });

  it('finishes at once with no papers when arXiv has none', async () => {
    const clock = fakeClock();
    const server = fakeArxiv(clock, inOrder({ body: fixture('empty') }));
    expect(await fetchAuthorPapers(options(clock, server))).toEqual({ ok: true, papers: [], total: 0 });
    expect(server.requests).toHaveLength(1);
  });

  it('leaves at least 3 s between the end of one request and the start of the next', async () => {
    const clock = fakeClock();
    const server = fakeArxiv(clock, ludziejewski);
    await fetchAuthorPapers(options(clock, server));
    const [first, second] = server.requests;
    expect(second!.start - first!.end).toBe(3000);
  });

  it('keeps two concurrent imports on one gate to one request at a time, 3 s apart, also across calls', async () => {
    const clock = fakeClock();
    const server = fakeArxiv(clock, (url) =>
      url.searchParams.get('search_query') === 'au:Pioro_M' ? { body: fixture('pioro-page1') } : ludziejewski(url),
    );
    const gate = createRequestGate(3000, clock.sleep, clock.now);
    const [jan, maciej] = await Promise.all([
      fetchAuthorPapers(options(clock, server, { gate })),
      fetchAuthorPapers(options(clock, server, { gate, query: 'au:Pioro_M' })),
    ]);
    expect(jan).toMatchObject({ ok: true, total: 13 });
    expect(maciej).toMatchObject({ ok: true, total: 4 });
    await fetchAuthorPapers(options(clock, server, { gate, query: 'au:Pioro_M' }));
    expect(server.maxInFlight()).toBe(1);
    expect(server.requests).toHaveLength(4);
    for (const [index, request] of server.requests.entries()) {
      const previous = server.requests[index - 1];
      if (previous) expect(request.start - previous.end).toBeGreaterThanOrEqual(3000);
    }
  });

  it('backs off 5 s, then 10 s, on HTTP 503, then goes on', async () => {
    const clock = fakeClock();
    const server = fakeArxiv(clock, inOrder({ status: 503 }, { status: 503 }, { body: PAGE1 }, { body: PAGE2 }));
    const result = await fetchAuthorPapers(options(clock, server));
    expect(result).toMatchObject({ ok: true, total: 13 });
    expect(clock.sleeps).toEqual([5000, 10_000, 3000]);
    expect(server.starts()).toEqual(['0', '0', '0', '10']);
  });

  it('waits as long as a 429’s Retry-After asks when that is longer than the backoff', async () => {
    const clock = fakeClock();
    const server = fakeArxiv(
      clock,
      inOrder({ status: 429, retryAfter: '30' }, { status: 429, retryAfter: '2' }, { body: fixture('empty') }),
    );
    const result = await fetchAuthorPapers(options(clock, server));
    expect(result).toEqual({ ok: true, papers: [], total: 0 });
    expect(clock.sleeps).toEqual([30_000, 10_000]);
  });

  it('gives up after 1 + maxRetries tries with a retryable, plain error', async () => {
    const clock = fakeClock();
    const server = fakeArxiv(clock, () => ({ status: 503 }));
    const result = await fetchAuthorPapers(options(clock, server));
    expect(result).toEqual({
      ok: false,
      error: 'arXiv is busy (HTTP 503) and still was after 5 tries. Try again in a few minutes.',
      retryable: true,
      progress: { query: 'au:Ludziejewski_J', start: 0, total: null, papers: [] },
    });
    expect(server.requests).toHaveLength(5);
    expect(clock.sleeps).toEqual([5000, 10_000, 20_000, 40_000]);
  });

  it('retries network errors the same way and keeps the pages it already has', async () => {
    const clock = fakeClock();
    const server = fakeArxiv(clock, (url) =>
      url.searchParams.get('start') === '10' ? new TypeError('Failed to fetch') : { body: PAGE1 },
    );
    const result = await fetchAuthorPapers(options(clock, server, { maxRetries: 2 }));
    expect(result).toMatchObject({
      ok: false,
      error:
        'Paperlens could not reach arXiv (Failed to fetch), even after 3 tries. Check your connection, then try again.',
      retryable: true,
      progress: { start: 10, total: 13 },
    });
    expect(!result.ok && result.progress.papers).toHaveLength(10);
    expect(server.starts()).toEqual(['0', '10', '10', '10']);
  });

  it('stops at a cut-off page with a clear message and asks for nothing more', async () => {
    const clock = fakeClock();
    const server = fakeArxiv(clock, inOrder({ body: PAGE1 }, { body: fixture('truncated') }));
    const result = await fetchAuthorPapers(options(clock, server));
    expect(result).toMatchObject({
      ok: false,
      error:
        "arXiv's answer for page 2 is cut off or is not an Atom feed (it does not end with </feed>). Nothing was changed; try again later.",
      retryable: true,
      progress: { start: 10, total: 13 },
    });
    expect(server.requests).toHaveLength(2);
  });

  it('stops at arXiv’s error feed without retrying: the query itself is wrong', async () => {
    const clock = fakeClock();
    const server = fakeArxiv(clock, inOrder({ body: fixture('error') }));
    expect(await fetchAuthorPapers(options(clock, server))).toMatchObject({
      ok: false,
      error: 'arXiv answered with an error: start must be non-negative. Check the author query and try again.',
      retryable: false,
    });
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [
      { status: 400, body: fixture('error') },
      'arXiv answered with an error: start must be non-negative. Check the author query and try again.',
    ],
    [
      { status: 403, body: 'Forbidden' },
      'arXiv refused page 1 (HTTP 403). Check the author query; if it looks right, try again later.',
    ],
  ])('does not retry a refusal (%#)', async (reply, error) => {
    const clock = fakeClock();
    const server = fakeArxiv(clock, inOrder(reply));
    expect(await fetchAuthorPapers(options(clock, server))).toMatchObject({ ok: false, error, retryable: false });
    expect(server.requests).toHaveLength(1);
  });

  it('does not wait out a Retry-After of more than 5 minutes', async () => {
    const clock = fakeClock();
    const server = fakeArxiv(clock, inOrder({ status: 503, retryAfter: '600' }));
    expect(await fetchAuthorPapers(options(clock, server))).toMatchObject({
      ok: false,
      error: 'arXiv asked to wait 10 minutes before asking again. Try again then.',
      retryable: true,
    });
    expect(clock.sleeps).toEqual([]);
  });

  it('resumes from saved progress without asking again for the pages it has', async () => {
    const clock = fakeClock();
    const page1 = parseArxivAtom(PAGE1);
    if (!page1.ok) throw new Error(page1.error);
    const server = fakeArxiv(clock, ludziejewski);
    const result = await fetchAuthorPapers(options(clock, server, { resume: { start: 10, papers: page1.papers } }));
    expect(server.starts()).toEqual(['10']);
    expect(result.ok && result.papers.map((paper) => paper.arxivId)).toEqual([
      ...page1.papers.map((paper) => paper.arxivId),
      '2402.07871',
      '2401.04081',
      '2310.15961',
    ]);
  });

  it('asks once more for a page that comes back empty in the middle, then goes on', async () => {
    const clock = fakeClock();
    const server = fakeArxiv(clock, inOrder({ body: PAGE1 }, { body: EMPTY_PAGE2 }, { body: PAGE2 }));
    const result = await fetchAuthorPapers(options(clock, server));
    expect(result.ok && result.papers).toHaveLength(13);
    expect(server.starts()).toEqual(['0', '10', '10']);
  });

  it('takes a page that is empty twice as the end', async () => {
    const clock = fakeClock();
    const server = fakeArxiv(clock, inOrder({ body: PAGE1 }, { body: EMPTY_PAGE2 }, { body: EMPTY_PAGE2 }));
    const result = await fetchAuthorPapers(options(clock, server));
    expect(result).toMatchObject({ ok: true, total: 13 });
    expect(result.ok && result.papers).toHaveLength(10);
    expect(server.requests).toHaveLength(3);
  });

  it('keeps one copy of a paper that shifted onto the next page while paging', async () => {
    const clock = fakeClock();
    const repeated = PAGE1.slice(PAGE1.lastIndexOf('  <entry'), PAGE1.indexOf('</feed>'));
    const server = fakeArxiv(
      clock,
      inOrder({ body: PAGE1 }, { body: PAGE2.replace('  <entry', `${repeated}  <entry`) }),
    );
    const result = await fetchAuthorPapers(options(clock, server));
    expect(result.ok && result.papers.map((paper) => paper.arxivId)).toHaveLength(13);
    expect(result.ok && new Set(result.papers.map((paper) => paper.arxivId)).size).toBe(13);
  });

  it('stops when aborted between pages, keeping what it has', async () => {
    const clock = fakeClock();
    const server = fakeArxiv(clock, ludziejewski);
    const controller = new AbortController();
    const result = await fetchAuthorPapers(
      options(clock, server, { signal: controller.signal, onPage: () => controller.abort() }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: 'The arXiv import was stopped before every page arrived. Start it again to fetch the rest.',
      retryable: true,
      progress: { start: 10, total: 13 },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('stops when aborted during a backoff, without waiting it out', async () => {
    const clock = fakeClock();
    const server = fakeArxiv(clock, () => ({ status: 503 }));
    const controller = new AbortController();
    const sleep = (ms: number) => {
      clock.sleeps.push(ms);
      controller.abort();
      return new Promise<void>(() => {});
    };
    const result = await fetchAuthorPapers(options(clock, server, { signal: controller.signal, sleep }));
    expect(result).toMatchObject({ ok: false, retryable: true, progress: { start: 0, papers: [] } });
    expect(clock.sleeps).toEqual([5000]);
    expect(server.requests).toHaveLength(1);
  });
});
