import { describe, expect, it } from 'vitest';
import { openPaperlensDb, type PaperlensDatabase } from '../../lib/db';
import { createDbConnection, isClosedConnection } from '../../lib/db-connection';
import { seedCorpus } from '../../lib/library/seed';
import { corpus, freshFactory } from '../helpers/db';

/** Opens the database of one fake browser profile, counting the opens. */
function opener() {
  const factory = freshFactory();
  const opened: PaperlensDatabase[] = [];
  const open = async () => {
    const db = await openPaperlensDb(factory);
    await seedCorpus(db, corpus);
    opened.push(db);
    return db;
  };
  return { factory, opened, open };
}

const countPapers = (db: PaperlensDatabase) => db.count('papers');

describe('createDbConnection', () => {
  it('opens once and shares the connection', async () => {
    const { opened, open } = opener();
    const connection = createDbConnection(open);
    expect(await Promise.all([connection.run(countPapers), connection.run(countPapers)])).toEqual([13, 13]);
    expect(opened).toHaveLength(1);
  });

  it('reopens and runs the work again when the browser closed the connection under it', async () => {
    const { opened, open } = opener();
    const connection = createDbConnection(open);
    await connection.run(countPapers);
    // What Chrome does after a failed write (a full disk): the connection is closed and every later
    // transaction fails with "The database connection is closing".
    opened[0]?.close();
    await expect(opened[0]!.count('papers')).rejects.toSatisfy(isClosedConnection);
    expect(await connection.run(countPapers)).toBe(13);
    expect(opened).toHaveLength(2);
    expect(await connection.run(countPapers)).toBe(13);
    expect(opened).toHaveLength(2);
  });

  it('retries once only, and passes other errors on untouched', async () => {
    const { open } = opener();
    const connection = createDbConnection(open);
    let calls = 0;
    const alwaysClosed = async () => {
      calls++;
      throw new DOMException('The database connection is closing.', 'InvalidStateError');
    };
    await expect(connection.run(alwaysClosed)).rejects.toSatisfy(isClosedConnection);
    expect(calls).toBe(2);
    await expect(connection.run(async () => Promise.reject(new Error('quota')))).rejects.toThrow('quota');
  });

  it('closes for another version instead of blocking its upgrade; reopening an older version then fails plainly', async () => {
    const { factory, opened, open } = opener();
    const connection = createDbConnection(open);
    await connection.run(countPapers);
    // A newer Paperlens (or a test) opens a higher version: ours closes instead of blocking it.
    const request = factory.open('paperlens', 99);
    await new Promise((resolve, reject) => {
      request.onsuccess = () => {
        request.result.close();
        resolve(undefined);
      };
      request.onerror = () => reject(request.error);
    });
    expect(opened).toHaveLength(1);
    // Our version is now older than the stored one, so reopening fails with a clear error, not a hang.
    await expect(connection.run(countPapers)).rejects.toThrow();
    expect(opened).toHaveLength(1);
  });

  it('tries to open again on the next request after an open failed', async () => {
    let fail = true;
    const { open } = opener();
    const connection = createDbConnection(async () => {
      if (fail) throw new Error('disk unavailable');
      return open();
    });
    await expect(connection.run(countPapers)).rejects.toThrow('disk unavailable');
    fail = false;
    expect(await connection.run(countPapers)).toBe(13);
  });
});
