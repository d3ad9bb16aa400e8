import type { PaperlensDatabase } from '../db';
import { nameKey } from '../names';
import { type ArxivResponse, arxivAuthorQuery, fetchAuthorPapers, type RequestGate } from './arxiv-api';
import type { IncomingPaper } from './incoming';
import type { LibraryJob } from './status';
import { commitLibraryImport, type LibraryImportSummary } from './write';

/** What the arXiv refresh needs from the browser and the rest of the background. */
export interface RefreshEnvironment {
  db(): Promise<PaperlensDatabase>;
  fetch(url: string, init?: { signal?: AbortSignal }): Promise<ArxivResponse>;
  gate: RequestGate;
  sleep(ms: number): Promise<void>;
  now(): number;
  /** Whether the user granted the arXiv API host permission (asked for at their click, never before). */
  mayReachArxiv(): Promise<boolean>;
  /** Where jobs and their progress are kept, so a stopped service worker resumes them. */
  jobs: { get(): Promise<StoredJob[]>; set(jobs: StoredJob[]): Promise<void> };
  /** After a job wrote papers: derived data, open pages, and (after an earlier refresh) the "new" mark. */
  committed(summary: LibraryImportSummary, options: { markNew: boolean }): void;
}

/** A job as stored: what pages show, and the pages already fetched (to resume). */
export interface StoredJob extends LibraryJob {
  progress: { start: number; papers: IncomingPaper[] } | null;
  /** The author was followed by an `au:` query and named after it ("M Pioro"): their papers may spell the name out. */
  settleName?: boolean;
}

const NO_PERMISSION =
  'Paperlens may not reach arXiv yet. Press “Follow on arXiv” or “Refresh now” and allow arxiv.org when your browser asks.';

/** The stored jobs, changed one read-modify-write at a time (two never interleave). */
function createJobStore(env: RefreshEnvironment) {
  let writes: Promise<unknown> = Promise.resolve();
  const edit = <T>(change: (jobs: StoredJob[]) => { jobs: StoredJob[]; result: T }): Promise<T> => {
    const next = writes.then(async () => {
      const { jobs, result } = change(await env.jobs.get());
      await env.jobs.set(jobs);
      return result;
    });
    writes = next.catch(() => {});
    return next;
  };
  return {
    edit,
    /** Changes one author's job (null drops it), stamped with the time. */
    update: (authorId: string, change: (job: StoredJob) => Partial<StoredJob> | null) =>
      edit((jobs) => ({
        jobs: jobs.flatMap((job) => {
          if (job.authorId !== authorId) return [job];
          const changed = change(job);
          return changed ? [{ ...job, ...changed, at: new Date(env.now()).toISOString() }] : [];
        }),
        result: undefined,
      })),
  };
}
type JobStore = ReturnType<typeof createJobStore>;

/** Fetches one job's papers (from the pages it already has) and writes them in one import. */
async function runJob(env: RefreshEnvironment, store: JobStore, job: StoredJob): Promise<void> {
  await store.update(job.authorId, () => ({ state: 'running', error: null }));
  if (!(await env.mayReachArxiv()))
    return store.update(job.authorId, () => ({ state: 'failed', error: NO_PERMISSION }));
  const result = await fetchAuthorPapers({
    query: job.query,
    fetch: env.fetch,
    gate: env.gate,
    sleep: env.sleep,
    now: env.now,
    resume: job.progress ?? undefined,
    onPage: (progress) =>
      store.update(job.authorId, () => ({
        fetched: progress.papers.length,
        total: progress.total,
        progress: { start: progress.start, papers: progress.papers },
      })),
  });
  // Pages already fetched are kept, so Retry goes on from there.
  if (!result.ok) return store.update(job.authorId, () => ({ state: 'failed', error: result.error }));
  const db = await env.db();
  const author = await settleName(db, job, result.papers);
  // Unfollowed while its papers were on their way: nothing to write.
  if (author === null) return store.update(job.authorId, () => null);
  const summary = await commitLibraryImport(db, {
    source: { kind: 'arxiv', name: job.query },
    papers: result.papers,
    follow: null,
    queryAuthorId: job.authorId,
  });
  await markRefreshed(db, job.authorId, new Date(env.now()).toISOString());
  // Papers are new when an earlier refresh did not bring them (a first fetch brings the whole record).
  env.committed(summary, { markNew: author.refreshedBefore });
  await store.update(job.authorId, () => ({
    state: 'done',
    fetched: result.papers.length,
    total: result.total,
    added: summary.addedIds.length,
    progress: null,
  }));
}

/** An author to fetch the papers of. */
export interface RefreshRequestAuthor {
  id: string;
  name: string;
  arxivQuery: string;
  settleName?: boolean;
}

/** The jobs with these authors queued (one already queued or running is left as it is), and how many were. */
function withQueued(jobs: StoredJob[], authors: readonly RefreshRequestAuthor[], at: string) {
  const busy = new Set(jobs.filter((j) => j.state === 'queued' || j.state === 'running').map((j) => j.authorId));
  const fresh = authors.filter((a) => !busy.has(a.id));
  const before = new Map(jobs.map((j) => [j.authorId, j]));
  const next = fresh.map((a): StoredJob => {
    // A failed job of the same query goes on from the pages it already has.
    const kept = before.get(a.id)?.query === a.arxivQuery ? (before.get(a.id)?.progress ?? null) : null;
    return {
      authorId: a.id,
      name: a.name,
      query: a.arxivQuery,
      state: 'queued',
      fetched: kept?.papers.length ?? 0,
      total: null,
      added: 0,
      error: null,
      at,
      progress: kept,
      settleName: a.settleName ?? false,
    };
  });
  return { jobs: [...jobs.filter((j) => !fresh.some((a) => a.id === j.authorId)), ...next], result: fresh.length };
}

/**
 * Runs "Follow on arXiv" and "Refresh now" jobs one after another (the API's
 * terms: one request at a time, about 3 s apart, through the shared gate),
 * keeping each job's fetched pages in storage so a stopped worker resumes
 * where it was. A job writes its papers in one import when every page is in.
 */
export function createArxivRefresh(env: RefreshEnvironment) {
  let running: Promise<void> | null = null;
  const store = createJobStore(env);

  /** Runs queued (and, after a restart, interrupted) jobs until none is left. */
  function drain(): Promise<void> {
    running ??= (async () => {
      for (;;) {
        const next = (await env.jobs.get()).find((job) => job.state === 'queued' || job.state === 'running');
        if (!next) break;
        await runJob(env, store, next).catch((error: unknown) =>
          store.update(next.authorId, () => ({ state: 'failed', error: (error as Error).message })),
        );
      }
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    /** Queues a fetch of each author's papers (a job already queued or running is left as it is). */
    async queue(authors: readonly RefreshRequestAuthor[]): Promise<number> {
      const queued = await store.edit((jobs) => withQueued(jobs, authors, new Date(env.now()).toISOString()));
      void drain();
      return queued;
    },
    /** Picks up jobs a stopped worker left (called when the worker starts). */
    resume: drain,
    /** Forgets the job of an author who is no longer followed. */
    forget: (authorId: string) => store.update(authorId, () => null),
  };
}

/**
 * The author a job fetched for, as it is now (null once unfollowed). One
 * followed by an `au:` query gets the name their papers spell out, unless the
 * user renamed them meanwhile; nobody else is ever renamed by a refresh.
 */
async function settleName(
  db: PaperlensDatabase,
  job: StoredJob,
  papers: readonly IncomingPaper[],
): Promise<{ name: string; refreshedBefore: boolean } | null> {
  const tx = db.transaction('authors', 'readwrite');
  const author = await tx.store.get(job.authorId);
  if (!author) {
    await tx.done;
    return null;
  }
  const full = job.settleName && author.name === job.name ? fullNameFrom(job.name, papers) : author.name;
  if (full !== author.name) await tx.store.put({ ...author, name: full });
  await tx.done;
  return { name: full, refreshedBefore: author.refreshedAt !== null };
}

/** Records when an author's papers last came from arXiv. */
async function markRefreshed(db: PaperlensDatabase, authorId: string, at: string): Promise<void> {
  const tx = db.transaction('authors', 'readwrite');
  const author = await tx.store.get(authorId);
  if (author) await tx.store.put({ ...author, refreshedAt: at });
  await tx.done;
}

/** The author query and display name "Follow on arXiv" uses for what the user typed. */
export function followTarget(input: string): { query: string; name: string } {
  const query = arxivAuthorQuery(input);
  const typed = input.trim();
  if (!/^au:/i.test(typed)) return { query, name: typed.replace(/\s+/g, ' ') };
  // `au:Pioro_M` names nobody in full: show it as "M Pioro" until a paper spells the name out.
  const bare = query.slice(3).replace(/"/g, '');
  const [, family = bare, initial = ''] = /^(.*)_([A-Za-z])$/.exec(bare) ?? [];
  return { query, name: `${initial} ${family.replace(/_/g, ' ')}`.trim() || query };
}

/** The spelling of `name` most papers use (`au:Pioro_M` → "Maciej Pióro"), or `name` when none matches. */
export function fullNameFrom(name: string, papers: readonly IncomingPaper[]): string {
  const key = nameKey(name);
  if (!key) return name;
  const counts = new Map<string, number>();
  for (const paper of papers) {
    for (const written of paper.authors) {
      const other = nameKey(written);
      if (other && other.family === key.family && other.given[0]?.[0] === key.given[0]?.[0]) {
        counts.set(written, (counts.get(written) ?? 0) + 1);
      }
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0] ?? name;
}
