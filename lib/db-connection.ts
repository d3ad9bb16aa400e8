import { getMeta, type MetaValues, type PaperlensDatabase } from './db';

/** The background's one connection to IndexedDB, opened on first use and reopened when the browser closes it. */
export interface DbConnection {
  /**
   * Runs `work` on the open database. When the connection turns out to be
   * closed (the browser closes it after a failed write, or another version
   * wants the database), it opens a new one and runs `work` once more.
   */
  run<T>(work: (db: PaperlensDatabase) => Promise<T>): Promise<T>;
}

/** Whether an error says the connection is gone: "The database connection is closing." */
export function isClosedConnection(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'InvalidStateError';
}

/**
 * A connection over `open` (which opens, upgrades and seeds the database).
 * Retrying is safe: a transaction on a closed connection never starts, and
 * one cut off by the close is aborted whole, so nothing is written twice.
 */
export function createDbConnection(open: () => Promise<PaperlensDatabase>): DbConnection {
  let pending: Promise<PaperlensDatabase> | undefined;
  let opened: PaperlensDatabase | undefined;
  const forget = (db: PaperlensDatabase) => {
    if (opened !== db) return;
    opened = undefined;
    pending = undefined;
  };
  const watch = (db: PaperlensDatabase) => {
    opened = db;
    // The browser closed it (storage trouble, data cleared): the next request reopens.
    db.addEventListener('close', () => forget(db));
    // Another version of Paperlens wants the database: let it upgrade, and reopen after.
    db.addEventListener('versionchange', () => {
      db.close();
      forget(db);
    });
    return db;
  };
  const connect = (): Promise<PaperlensDatabase> => {
    pending ??= open().then(watch, (error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
  return {
    async run(work) {
      const db = await connect();
      try {
        return await work(db);
      } catch (error) {
        if (!isClosedConnection(error)) throw error;
        forget(db);
        return work(await connect());
      }
    },
  };
}

/** One `meta` value, read in a transaction of its own (so a worker answers others between such reads). */
export const readMeta = <K extends keyof MetaValues>(db: DbConnection, key: K) =>
  db.run((open) => getMeta(open.transaction('meta').store, key));
