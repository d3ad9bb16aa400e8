import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { getMeta } from '../db';
import type { DbConnection } from '../db-connection';
import { ARXIV_API_PERMISSION, createRequestGate } from './arxiv-api';
import { recomputeDerived, type TextMemory } from './derive-texts';
import { type LibraryEnvironment, notifyingChanges } from './handlers';
import { createArxivRefresh, type StoredJob } from './refresh';
import { createStaging } from './staging';
import { libraryStatus } from './status';

/** The arXiv jobs and their fetched pages, kept across worker restarts. */
const arxivJobs = storage.defineItem<StoredJob[]>('local:arxivJobs', { fallback: [] });

/**
 * The background's side of the library: staged imports, the arXiv refresh
 * (one request at a time, ~3 s apart, resumed after a restart), and derived
 * data worked out after every change, one run at a time, while pages are
 * told through `libraryStatus`.
 */
export function createLibraryService(
  db: DbConnection,
  /** Called once derived data has caught up with a change (the background then prepares what pages will ask). */
  derivedReady: () => void = () => {},
): LibraryEnvironment & { resume(): Promise<void>; refreshAll(): Promise<number> } {
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const derived = createDeriveQueue(db);
  const refresh = createArxivRefresh({
    db: () => db.run(async (open) => open),
    // Checked before every request, not once a job: a permission taken back stops the next request.
    fetch: async (url, init) => {
      if (!(await browser.permissions.contains({ origins: [ARXIV_API_PERMISSION] }))) {
        throw new Error('Paperlens may no longer reach export.arxiv.org.');
      }
      return fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });
    },
    gate: createRequestGate(3_000, sleep, Date.now),
    sleep,
    now: Date.now,
    mayReachArxiv: () => browser.permissions.contains({ origins: [ARXIV_API_PERMISSION] }),
    jobs: {
      get: () => arxivJobs.getValue(),
      set: async (jobs) => {
        await arxivJobs.setValue(jobs);
        await publish(() => ({ jobs: jobs.map(({ progress: _progress, ...job }) => job) }));
      },
    },
    committed: (summary, { markNew }) =>
      service.libraryChanged({ touchedAuthors: summary.touchedAuthors, addedIds: markNew ? summary.addedIds : [] }),
  });
  const service = {
    staging: createStaging(),
    refresh,
    ...notifyingChanges(({ touchedAuthors, addedIds }) => {
      void (async () => {
        await publish((status) => ({
          derivedReady: false,
          newPapers: [...new Set([...status.newPapers, ...(addedIds ?? [])])],
        }));
        await derived.run(touchedAuthors);
        // Papers unfollowed away meanwhile are no longer new.
        const kept = await db.run(async (open) => {
          const { newPapers } = await libraryStatus.getValue();
          const keys = await Promise.all(newPapers.map((id) => open.getKey('papers', id)));
          return new Set(keys.filter((key) => key !== undefined));
        });
        await publish((status) => ({ derivedReady: true, newPapers: status.newPapers.filter((id) => kept.has(id)) }));
        derivedReady();
      })().catch((error: unknown) => console.error('[paperlens] library update', error));
    }),
    markSeen: () => publish(() => ({ newPapers: [] })),
    textMemory: () => derived.memory(),
    /** Queues every author followed on arXiv (the periodic refresh). */
    refreshAll: async () => {
      const authors = await db.run((open) => open.getAll('authors'));
      return refresh.queue(
        authors.flatMap((a) => (a.arxivQuery ? [{ id: a.id, name: a.name, arxivQuery: a.arxivQuery }] : [])),
      );
    },
    resume: async () => {
      await refresh.resume();
      // A worker stopped while working out derived data leaves it behind: catch up.
      const behind = await db.run(async (open) => {
        const meta = open.transaction('meta').store;
        return (await getMeta(meta, 'derivedRevision')) !== (await getMeta(meta, 'libraryRevision'));
      });
      if (behind) service.libraryChanged({ touchedAuthors: null });
    },
  };
  return service;
}

type Status = Awaited<ReturnType<typeof libraryStatus.getValue>>;
let publishing: Promise<unknown> = Promise.resolve();

/**
 * Tells open pages (and the toolbar) what changed: a new revision, and the
 * fields `change` gives from the status as it is then. Changes run one after
 * another, so two never overwrite each other's fields.
 */
function publish(change: (status: Status) => Partial<Status>): Promise<void> {
  const next = publishing.then(async () => {
    const status = await libraryStatus.getValue();
    const revision = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    await libraryStatus.setValue({ ...status, ...change(status), revision });
  });
  publishing = next.catch(() => {});
  return next;
}

/** Derived data, one run at a time; changes arriving meanwhile are folded into the next run. */
function createDeriveQueue(db: DbConnection) {
  let pending: Set<string> | 'all' | null = null;
  let running: Promise<void> | null = null;
  // The similarity index and its figures, kept while the worker lives: a change then costs what it added.
  let memory: TextMemory | null = null;
  // Runs until a run saw no change land meanwhile and no change is waiting: only then is derived data current.
  const loop = async () => {
    for (let done = false; pending || !done; ) {
      const authors = pending ?? new Set<string>();
      pending = null;
      const touched = authors === 'all' ? 'all' : [...authors];
      ({ done, memory } = await db.run((open) => recomputeDerived(open, memory, touched)));
    }
  };
  return {
    /** The index and figures of the last run, or null before the first since the worker started. */
    memory: () => memory,
    run(touched: readonly string[] | null): Promise<void> {
      if (touched === null || pending === 'all') pending = 'all';
      else pending = new Set([...(pending ?? []), ...touched]);
      running ??= loop().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
