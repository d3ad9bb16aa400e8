import { z } from 'zod';
import { IncomingPaperSchema } from './incoming';
import { ARXIV_ERROR_PREFIX, parseArxivAtom } from './sources/arxiv-atom';

export const ARXIV_API_ORIGIN = 'https://export.arxiv.org/';
/** The host permission the background needs to call the API. */
export const ARXIV_API_PERMISSION = 'https://export.arxiv.org/*';

/** arXiv's search fields (user manual, 5.1): input naming one is already a query. */
const FIELD_PREFIX = /(^|[\s(])(ti|au|abs|co|jr|cat|rn|id|all):/;
/** Letters NFKD does not split into a base letter and an accent. */
const UNSPLIT: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE' };

/**
 * An arXiv author query from what someone typed: `au:Ludziejewski_J` stays as
 * it is; "Jan Ludziejewski" or "Ludziejewski, Jan" becomes `au:Ludziejewski_J`
 * (family name without accents, underscore, first initial; hyphens kept).
 * Throws a plain Error for empty input or a name with no letters.
 */
export function arxivAuthorQuery(input: string): string {
  const typed = input.trim();
  if (!typed)
    throw new Error('Type an author’s name, like Jan Ludziejewski, or an arXiv query, like au:Ludziejewski_J.');
  if (FIELD_PREFIX.test(typed)) return typed;
  const { family, given } = splitName(typed);
  const surname = queryTerm(family);
  if (!surname)
    throw new Error(`Paperlens found no name to search arXiv for in “${typed}”. Type one like Jan Ludziejewski.`);
  const initial = /[\p{L}\p{N}]/u.exec(queryTerm(given))?.[0]?.toUpperCase();
  return initial ? `au:${surname}_${initial}` : `au:${surname}`;
}

function splitName(name: string): { family: string; given: string } {
  const comma = name.indexOf(',');
  if (comma >= 0) return { family: name.slice(0, comma), given: name.slice(comma + 1) };
  const words = name.split(/\s+/);
  return { family: words.at(-1) ?? '', given: words.length > 1 ? (words[0] ?? '') : '' };
}

/** "Pióro" → "Pioro", "del Maestro" → "del_Maestro" (the manual's `au:del_maestro`), "Lopez-Diaz" kept. */
function queryTerm(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łŁøØđĐßæÆ]/g, (letter) => UNSPLIT[letter] ?? letter)
    .replace(/[^\p{L}\p{N}-]+/gu, '_')
    .replace(/^[_-]+|[_-]+$/g, '');
}

/** The API URL for one page of a query, newest submissions first. */
export function arxivQueryUrl(query: string, start: number, maxResults: number): string {
  const params = new URLSearchParams({
    search_query: query,
    start: String(start),
    max_results: String(maxResults),
    sortBy: 'submittedDate',
    sortOrder: 'descending',
  });
  return `${ARXIV_API_ORIGIN}api/query?${params}`;
}

/** One request at a time, each starting at least `spacingMs` after the previous one ended (arXiv asks for 3 s). */
export interface RequestGate {
  run<T>(request: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/** A gate the background shares between every arXiv request, so concurrent imports still take turns. */
export function createRequestGate(spacingMs: number, sleep: Sleep, now: () => number): RequestGate {
  let lastEnd = Number.NEGATIVE_INFINITY;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(request, signal) {
      const turn = queue.then(async () => {
        await pause(sleep, lastEnd + spacingMs - now(), signal);
        try {
          return await request();
        } finally {
          lastEnd = now();
        }
      });
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}

type Sleep = (ms: number) => Promise<void>;

/** Waits `ms` (nothing if ≤ 0), giving up as soon as `signal` aborts. */
function pause(sleep: Sleep, ms: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  if (ms <= 0) return Promise.resolve();
  if (!signal) return sleep(ms);
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    sleep(ms).then(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, reject);
  });
}

/** How far an import got: saved after each page so a stopped service worker can resume. */
export const ArxivProgressSchema = z.object({
  query: z.string(),
  /** Index of the next result to ask for. */
  start: z.number().int().nonnegative(),
  /** Results arXiv has for the query; null until its first page arrived. */
  total: z.number().int().nonnegative().nullable(),
  papers: z.array(IncomingPaperSchema),
});
export type ArxivProgress = z.infer<typeof ArxivProgressSchema>;

/** What the API client needs of `fetch`'s answer (a fake in tests). */
export interface ArxivResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface FetchAuthorPapersOptions {
  /** An arXiv search query, e.g. from {@link arxivAuthorQuery}. */
  query: string;
  fetch: (url: string, init?: { signal?: AbortSignal }) => Promise<ArxivResponse>;
  sleep: Sleep;
  now: () => number;
  /** The background's shared gate; without one, a gate of `spacingMs` for this call alone. */
  gate?: RequestGate;
  pageSize?: number;
  spacingMs?: number;
  maxRetries?: number;
  resume?: { start: number; papers: ArxivProgress['papers'] };
  onPage?: (progress: ArxivProgress & { total: number }) => void | Promise<void>;
  signal?: AbortSignal;
}

export type FetchAuthorPapersResult =
  | { ok: true; papers: ArxivProgress['papers']; total: number }
  | { ok: false; error: string; retryable: boolean; progress: ArxivProgress };

type Settings = Required<Omit<FetchAuthorPapersOptions, 'resume' | 'onPage' | 'signal'>> &
  Pick<FetchAuthorPapersOptions, 'onPage' | 'signal'>;

type PageResult =
  | { ok: true; papers: ArxivProgress['papers']; total: number }
  | { ok: false; error: string; retryable: boolean };

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);
const FIRST_BACKOFF_MS = 5_000;
/** A Retry-After longer than this is not waited out in a service worker that may be stopped meanwhile. */
const MAX_WAIT_MS = 5 * 60_000;

/**
 * Every paper arXiv has for `query`, page by page, politely: one request at a
 * time through the gate, backing off on 429/5xx and network errors, honoring
 * Retry-After. Reports progress after each page and can resume from it.
 * Answers every failure, abort included, as a result; throws only what `onPage` throws.
 */
export async function fetchAuthorPapers(options: FetchAuthorPapersOptions): Promise<FetchAuthorPapersResult> {
  const settings = withDefaults(options);
  const progress: ArxivProgress = {
    query: options.query,
    start: options.resume?.start ?? 0,
    total: null,
    papers: [...(options.resume?.papers ?? [])],
  };
  try {
    return await fetchRemainingPages(settings, progress);
  } catch (error) {
    if (!options.signal?.aborted) throw error;
    const stopped = 'The arXiv import was stopped before every page arrived. Start it again to fetch the rest.';
    return { ok: false, error: stopped, retryable: true, progress };
  }
}

function withDefaults(options: FetchAuthorPapersOptions): Settings {
  const spacingMs = options.spacingMs ?? 3_000;
  return {
    ...options,
    pageSize: options.pageSize ?? 200,
    spacingMs,
    maxRetries: options.maxRetries ?? 4,
    gate: options.gate ?? createRequestGate(spacingMs, options.sleep, options.now),
  };
}

/** Pages until arXiv's total is reached or a page stays empty when asked twice. */
async function fetchRemainingPages(settings: Settings, progress: ArxivProgress): Promise<FetchAuthorPapersResult> {
  let emptyBefore = false;
  // Pages are counted as asked (arXiv may answer fewer entries than a page holds), for the messages.
  let pages = Math.ceil(progress.start / settings.pageSize);
  while (progress.total === null || progress.start < progress.total) {
    const page = await fetchPage(settings, progress.start, ++pages);
    if (!page.ok) return { ok: false, error: page.error, retryable: page.retryable, progress };
    progress.total = page.total;
    // arXiv now and then answers a page in the middle with no entries: ask once more before taking it as the end.
    if (!page.papers.length && (emptyBefore || progress.start >= page.total)) break;
    emptyBefore = !page.papers.length;
    progress.start += page.papers.length;
    progress.papers = withoutRepeats([...progress.papers, ...page.papers]);
    if (page.papers.length) await settings.onPage?.({ ...progress, papers: [...progress.papers], total: page.total });
  }
  return { ok: true, papers: progress.papers, total: progress.total ?? 0 };
}

/** A paper submitted while paging shifts later pages by one, so one may come twice. */
function withoutRepeats(papers: ArxivProgress['papers']): ArxivProgress['papers'] {
  const seen = new Set<string>();
  return papers.filter((paper) => {
    const key = paper.arxivId ?? paper.doi ?? '';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type Answer = { status: number; retryAfterMs: number; body: string } | { status: 'offline'; reason: string };

/** One page, tried up to 1 + maxRetries times. */
async function fetchPage(settings: Settings, start: number, pageNumber: number): Promise<PageResult> {
  const url = arxivQueryUrl(settings.query, start, settings.pageSize);
  for (let attempt = 0; ; attempt++) {
    const answer = await settings.gate.run(() => ask(settings, url), settings.signal);
    if (answer.status === 200) return readPage(answer.body, pageNumber);
    if (typeof answer.status === 'number' && !RETRY_STATUSES.has(answer.status)) return refusal(answer, pageNumber);
    if (attempt >= settings.maxRetries) return givenUp(answer, attempt + 1);
    const wait = Math.max(FIRST_BACKOFF_MS * 2 ** attempt, 'retryAfterMs' in answer ? answer.retryAfterMs : 0);
    if (wait > MAX_WAIT_MS) return tooLongAWait(wait);
    await pause(settings.sleep, wait, settings.signal);
  }
}

async function ask(settings: Settings, url: string): Promise<Answer> {
  try {
    const response = await settings.fetch(url, { signal: settings.signal });
    const body = await response.text();
    return { status: response.status, retryAfterMs: retryAfterMs(response.headers.get('Retry-After')), body };
  } catch (error) {
    settings.signal?.throwIfAborted();
    return { status: 'offline', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Retry-After in seconds; the HTTP-date form is not worth parsing here. */
function retryAfterMs(header: string | null): number {
  return header && /^\d+$/.test(header.trim()) ? Number(header.trim()) * 1000 : 0;
}

function readPage(body: string, pageNumber: number): PageResult {
  const page = parseArxivAtom(body);
  if (page.ok) return { ok: true, papers: page.papers, total: page.total };
  if (page.error.startsWith(ARXIV_ERROR_PREFIX)) {
    return { ok: false, error: `${page.error}. Check the author query and try again.`, retryable: false };
  }
  const where = page.error.replace(/^arXiv's answer/, `arXiv's answer for page ${pageNumber}`);
  return { ok: false, error: `${where}. Nothing was changed; try again later.`, retryable: true };
}

function refusal(answer: { status: number; body: string }, pageNumber: number): PageResult {
  const page = parseArxivAtom(answer.body);
  if (!page.ok && page.error.startsWith(ARXIV_ERROR_PREFIX)) {
    return { ok: false, error: `${page.error}. Check the author query and try again.`, retryable: false };
  }
  const error = `arXiv refused page ${pageNumber} (HTTP ${answer.status}). Check the author query; if it looks right, try again later.`;
  return { ok: false, error, retryable: false };
}

function givenUp(answer: Answer, tries: number): PageResult {
  const error =
    answer.status === 'offline'
      ? `Paperlens could not reach arXiv (${answer.reason}), even after ${tries} tries. Check your connection, then try again.`
      : `arXiv is busy (HTTP ${answer.status}) and still was after ${tries} tries. Try again in a few minutes.`;
  return { ok: false, error, retryable: true };
}

function tooLongAWait(waitMs: number): PageResult {
  const minutes = Math.ceil(waitMs / 60_000);
  return {
    ok: false,
    error: `arXiv asked to wait ${minutes} minutes before asking again. Try again then.`,
    retryable: true,
  };
}
