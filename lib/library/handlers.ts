import { readLibrary } from '../corpus/lookup';
import type { PaperlensDatabase } from '../db';
import type { DbConnection } from '../db-connection';
import type { Handlers } from '../handlers';
import {
  AuthorIdRequestSchema,
  FollowOnArxivRequestSchema,
  LibraryImportRequestSchema,
  RefreshRequestSchema,
  RelatePaperRequestSchema,
  StageImportRequestSchema,
  UpdateAuthorRequestSchema,
} from '../message-schemas';
import { unfollowAuthor, updateAuthor } from './authors';
import type { TextMemory } from './derive-texts';
import { papersStaged } from './import-chunks';
import { type ImportProgress, importProgress } from './import-progress';
import { createAuthorMatcher } from './match';
import type { createArxivRefresh } from './refresh';
import { followTarget } from './refresh';
import { createPaperRelations } from './relate';
import { commitRestore, type LibraryRestore, previewRestore } from './restore';
import type { FollowedAuthor, LibraryPaper } from './schema';
import { libraryFileText } from './sources/library-json';
import type { Staging } from './staging';
import {
  commitLibraryImport,
  type ImportProgressReport,
  type LibraryImportSummary,
  previewLibraryImport,
  type StagedLibraryImport,
} from './write';

/** What the library's handlers need beyond the database. */
export interface LibraryEnvironment {
  staging: Staging;
  refresh: Pick<ReturnType<typeof createArxivRefresh>, 'queue' | 'forget'>;
  /** After a write: work out derived data for the touched authors (null: all), tell pages, mark new papers. */
  libraryChanged(change: { touchedAuthors: readonly string[] | null; addedIds?: readonly string[] }): void;
  /** Forgets which papers were new (the popup has shown them). */
  markSeen(): Promise<void>;
  /** Calls `listener` after every change to the library, whoever made it (a page, a refresh, an alarm). */
  onChanged(listener: () => void): void;
  /** The similarity index and figures derived data keeps in the worker (null before its first run since a start). */
  textMemory?(): TextMemory | null;
}

type LibraryChange = Parameters<LibraryEnvironment['libraryChanged']>[0];

/** `libraryChanged` that first tells every `onChanged` listener: the one way changes are heard. */
export function notifyingChanges(
  handle: (change: LibraryChange) => void,
): Pick<LibraryEnvironment, 'libraryChanged' | 'onChanged'> {
  const listeners = new Set<() => void>();
  return {
    libraryChanged: (change) => {
      for (const listener of listeners) listener();
      handle(change);
    },
    onChanged: (listener) => void listeners.add(listener),
  };
}

export type LibraryHandlers = Pick<
  Handlers,
  | 'stageLibraryImport'
  | 'previewLibraryImport'
  | 'commitLibraryImport'
  | 'updateFollowedAuthor'
  | 'unfollowAuthor'
  | 'followOnArxiv'
  | 'refreshFromArxiv'
  | 'exportLibrary'
  | 'markLibrarySeen'
  | 'relatePaper'
>;

type Parse = <T>(schema: import('zod').ZodType<T>, type: string, data: unknown) => T;

/** A file import's three steps: stage its batches, preview them, commit them (each from a library page). */
function importHandlers(
  db: DbConnection,
  env: LibraryEnvironment,
  parse: Parse,
): Pick<Handlers, 'stageLibraryImport' | 'previewLibraryImport' | 'commitLibraryImport'> {
  const plan = (data: unknown, type: string) => {
    const request = parse(LibraryImportRequestSchema, type, data);
    const imported: StagedLibraryImport = {
      source: { kind: 'file', name: request.source },
      staged: {
        importId: request.importId,
        count: request.staged,
        chunks: papersStaged(env.staging, request.importId, request.staged),
      },
      follow: request.follow,
      titles: request.titles ?? [],
    };
    return { request, imported };
  };
  // A file's papers are not "new": that mark is for what a refresh brings since the one before. So the page is
  // not sent their ids either (84k of them cost it a task of hundreds of milliseconds to read).
  const changed = (summary: LibraryImportSummary): LibraryImportSummary => {
    env.libraryChanged({ touchedAuthors: summary.touchedAuthors });
    return { ...summary, addedIds: [] };
  };
  return {
    async stageLibraryImport(data) {
      const { importId, batch, papers, records } = parse(StageImportRequestSchema, 'stageLibraryImport', data);
      return { staged: await db.run((open) => env.staging.add(open, importId, batch, papers, records)) };
    },
    async previewLibraryImport(data) {
      const { request, imported } = plan(data, 'previewLibraryImport');
      const report = reportProgress(request.importId, 'checking');
      try {
        return await db.run(async (open) => {
          if (!request.authors) return previewLibraryImport(open, imported, request.decisions, report);
          return previewRestore(open, await stagedRestore(open, env.staging, request, request.authors));
        });
      } finally {
        report.end();
      }
    },
    async commitLibraryImport(data) {
      const { request, imported } = plan(data, 'commitLibraryImport');
      const report = reportProgress(request.importId, 'importing');
      try {
        return changed(
          await db.run(async (open) => {
            if (!request.authors) return commitLibraryImport(open, imported, request.decisions, new Date(), report);
            const restore = await stagedRestore(open, env.staging, request, request.authors);
            const summary = await commitRestore(open, restore);
            await env.staging.drop(open, request.importId);
            return summary;
          }),
        );
      } finally {
        env.staging.forget(request.importId);
        report.end();
      }
    },
  };
}

/** The library page's reads and writes: imports (staged, previewed, committed), authors, arXiv, export; an abstract page's relatePaper. */
export function libraryHandlers(db: DbConnection, env: LibraryEnvironment, parse: Parse): LibraryHandlers {
  const relate = createPaperRelations(db, () => env.textMemory?.() ?? null);
  return {
    ...importHandlers(db, env, parse),
    relatePaper: async (data) => relate(parse(RelatePaperRequestSchema, 'relatePaper', data)),
    async updateFollowedAuthor(data) {
      const request = parse(UpdateAuthorRequestSchema, 'updateFollowedAuthor', data);
      await db.run((open) => updateAuthor(open, request));
      env.libraryChanged({ touchedAuthors: null });
    },
    async unfollowAuthor(data) {
      const { id } = parse(AuthorIdRequestSchema, 'unfollowAuthor', data);
      const result = await db.run((open) => unfollowAuthor(open, id));
      await env.refresh.forget(id);
      env.libraryChanged({ touchedAuthors: [] });
      return result;
    },
    async followOnArxiv(data) {
      const { query: typed } = parse(FollowOnArxivRequestSchema, 'followOnArxiv', data);
      const { query, name } = followTarget(typed);
      const { author, created } = await db.run((open) => followByQuery(open, query, name));
      // Followed by an `au:` query, a new author is named after it until their papers spell the name out.
      const settleName = created && /^au:/i.test(typed.trim());
      await env.refresh.queue([{ id: author.id, name: author.name, arxivQuery: query, settleName }]);
      env.libraryChanged({ touchedAuthors: [] });
      return { authorId: author.id };
    },
    async refreshFromArxiv(data) {
      const { ids } = parse(RefreshRequestSchema, 'refreshFromArxiv', data);
      const authors = await db.run((open) => open.getAll('authors'));
      const chosen = authors.filter((a) => a.arxivQuery && (ids === null || ids.includes(a.id)));
      const queued = await env.refresh.queue(
        chosen.map((a) => ({ id: a.id, name: a.name, arxivQuery: a.arxivQuery ?? '' })),
      );
      return { queued };
    },
    markLibrarySeen: () => env.markSeen(),
    async exportLibrary() {
      const library = await db.run(readLibrary);
      return libraryFileText(library, new Date());
    },
  };
}

/** A Paperlens library file's staged records, with its authors: restored as they are (such files are read whole, up to 50 MB). */
async function stagedRestore(
  db: PaperlensDatabase,
  staging: Staging,
  { importId, staged }: { importId: string; staged: number },
  authors: readonly FollowedAuthor[],
): Promise<LibraryRestore> {
  const tx = db.transaction('staging');
  const records: LibraryPaper[] = [];
  for await (const batch of staging.batches(tx.store, importId, staged)) records.push(...batch.records);
  await tx.done;
  return { authors, records };
}

/** Tells the page how far the background is with an import, at most four times a second; `end` clears it. */
function reportProgress(importId: string, step: ImportProgress['step']): ImportProgressReport & { end(): void } {
  let last = 0;
  const report = (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - last < 250) return;
    last = now;
    void importProgress.setValue({ importId, step, done, total }).catch(() => {});
  };
  return Object.assign(report, { end: () => void importProgress.setValue(null).catch(() => {}) });
}

/**
 * The followed author an arXiv query names: one already followed by it, else
 * the one followed author its name matches ("J Ludziejewski" is Jan
 * Ludziejewski; the query is given to them), else a new one.
 */
async function followByQuery(db: PaperlensDatabase, query: string, name: string) {
  const find = async () => {
    const authors = await db.getAll('authors');
    const [only, ...others] = createAuthorMatcher(authors).match([name]).ids;
    const byName = only && !others.length ? authors.find((a) => a.id === only) : undefined;
    return authors.find((a) => a.arxivQuery === query) ?? byName;
  };
  const known = await find();
  if (known && !known.arxivQuery) await updateAuthor(db, { id: known.id, arxivQuery: query });
  if (!known)
    await commitLibraryImport(db, {
      source: { kind: 'arxiv', name: query },
      papers: [],
      follow: { name, arxivQuery: query },
    });
  const author = await find();
  if (!author) throw new Error(`Could not follow ${name}; try again.`);
  return { author, created: !known };
}
