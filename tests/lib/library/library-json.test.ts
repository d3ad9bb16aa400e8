import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { readLibrary } from '../../../lib/corpus/lookup';
import { openPaperlensDb, type PaperlensDatabase } from '../../../lib/db';
import { unfollowAuthor, updateAuthor } from '../../../lib/library/authors';
import { commitRestore, previewRestore } from '../../../lib/library/restore';
import { seedCorpus } from '../../../lib/library/seed';
import { libraryFileText, parseLibraryFile } from '../../../lib/library/sources/library-json';
import { parseScholarFeedProfile } from '../../../lib/library/sources/scholarfeed';
import { commitLibraryImport } from '../../../lib/library/write';
import { saveEntry } from '../../../lib/reading-list/store';
import { corpus, freshFactory } from '../../helpers/db';
import { incomingPaper } from '../../helpers/library';

const NOW = new Date('2026-12-03T12:00:00.000Z');
const strip = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "…"');

async function seeded(): Promise<PaperlensDatabase> {
  const db = await openPaperlensDb(freshFactory());
  await seedCorpus(db, corpus, new Date('2026-11-01T00:00:00.000Z'));
  return db;
}

const incoming = (id: string, authors: string[]) =>
  incomingPaper({
    arxivId: id,
    version: 2,
    title: `Paper ${id}`,
    authors,
    abstract: `About ${id}.`,
    date: '2025-01-02',
  });

describe('the Paperlens library file', () => {
  let db: PaperlensDatabase;
  beforeEach(async () => {
    db = await seeded();
    await commitLibraryImport(
      db,
      {
        source: { kind: 'arxiv', name: 'au:Pioro_M' },
        papers: [incoming('2405.00001', ['Maciej Pióro', 'Ada Lovelace'])],
        follow: { name: 'Maciej Pióro', arxivQuery: 'au:Pioro_M' },
      },
      undefined,
      new Date('2026-11-20T00:00:00.000Z'),
    );
    await updateAuthor(db, { id: 'jan-ludziejewski', variants: ['J. Ludziejewski'], color: '#9c2f6b' });
  });

  it('round-trips: exported, imported into a fresh install, exported again, the content is the same', async () => {
    const first = libraryFileText(await readLibrary(db), NOW);
    const parsed = parseLibraryFile(first);
    if (!parsed.ok) throw new Error(parsed.error);
    const fresh = await seeded();
    await saveEntry(fresh, { id: '2402.07871' });
    await commitRestore(fresh, { authors: parsed.authors, records: parsed.records });
    const second = libraryFileText(await readLibrary(fresh), new Date('2027-01-01T00:00:00.000Z'));
    expect(strip(second)).toBe(strip(first));
    expect(await fresh.getAllKeys('readingList')).toEqual(['2402.07871']);
  });

  it('previews a restore without writing, and counts what is new', async () => {
    const parsed = parseLibraryFile(libraryFileText(await readLibrary(db), NOW));
    if (!parsed.ok) throw new Error(parsed.error);
    const fresh = await seeded();
    const preview = await previewRestore(fresh, { authors: parsed.authors, records: parsed.records });
    expect(preview).toMatchObject({ papers: 14, added: 1, noFollowed: 0 });
    // His own paper, and the 7 bundled papers that name him (they became his when he was followed).
    expect(preview.byAuthor.find((a) => a.name === 'Maciej Pióro')).toEqual({
      id: null,
      name: 'Maciej Pióro',
      papers: 8,
    });
    expect(await fresh.count('papers')).toBe(13);
  });

  it('names what is wrong in a bad file and never throws', () => {
    expect(parseLibraryFile('{')).toMatchObject({ ok: false, error: expect.stringMatching(/^is not JSON/) });
    expect(parseLibraryFile('{"format":"paperlens-reading-list"}')).toMatchObject({
      ok: false,
      error: expect.stringContaining('is not a Paperlens library file'),
    });
    const twice = JSON.stringify({
      format: 'paperlens-library',
      version: 1,
      exportedAt: NOW.toISOString(),
      authors: [],
      papers: [corpus.papers[0], corpus.papers[0]].map((p) => ({
        ...p,
        version: null,
        doi: null,
        followedAuthorIds: [],
        authorFamilies: [],
        sources: ['file'],
        addedAt: NOW.toISOString(),
      })),
    });
    expect(parseLibraryFile(twice)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/papers\.1\.id.*listed twice/),
    });
    const polluted = `{"format":"paperlens-library","version":1,"exportedAt":"${NOW.toISOString()}","authors":[],"papers":[],"__proto__":{"polluted":true}}`;
    expect(parseLibraryFile(polluted).ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const dangling = JSON.stringify({
      format: 'paperlens-library',
      version: 1,
      exportedAt: NOW.toISOString(),
      authors: [],
      papers: [{ ...JSON.parse(twice).papers[0], followedAuthorIds: ['somebody'] }],
    });
    expect(parseLibraryFile(dangling)).toMatchObject({
      ok: false,
      error: expect.stringContaining('papers.0.followedAuthorIds: names somebody, whom the file does not follow'),
    });
    fc.assert(fc.property(fc.string(), (text) => void parseLibraryFile(text)));
  });
});

describe('following and unfollowing', () => {
  it('unfollowing takes the papers no other followed author shares, their coauthors, never the reading list', async () => {
    const db = await seeded();
    await commitLibraryImport(db, {
      source: { kind: 'arxiv', name: 'au:Pioro_M' },
      papers: [incoming('2405.00001', ['Maciej Pióro']), incoming('2402.07871', ['Jan Ludziejewski', 'Maciej Pióro'])],
      follow: { name: 'Maciej Pióro' },
    });
    // A bibliography the user imported, one entry of which is his.
    await commitLibraryImport(db, {
      source: { kind: 'file', name: 'reading-group.bib' },
      papers: [incoming('2405.00002', ['Maciej Pióro', 'Ada Lovelace']), incoming('2405.00003', ['Ada Lovelace'])],
      follow: null,
    });
    await saveEntry(db, { id: '2405.00001' });
    expect(await unfollowAuthor(db, 'maciej-pioro')).toEqual({ removedPapers: 1 });
    expect(await db.get('papers', '2405.00001')).toBeUndefined();
    // The imported bibliography stays whole, his entry now nobody's.
    expect((await db.get('papers', '2405.00002'))?.followedAuthorIds).toEqual([]);
    expect(await db.get('papers', '2405.00003')).toBeDefined();
    expect((await db.get('papers', '2402.07871'))?.followedAuthorIds).toEqual(['jan-ludziejewski']);
    expect(await db.getAllKeys('readingList')).toEqual(['2405.00001']);
    expect(await db.getAllKeys('authors')).toEqual(['jan-ludziejewski']);
  });

  it('unfollowing the bundled author empties their papers and keeps a new bundle from following them again', async () => {
    const db = await seeded();
    expect(await unfollowAuthor(db, 'jan-ludziejewski')).toEqual({ removedPapers: 13 });
    await seedCorpus(db, { ...corpus, hash: 'd'.repeat(64) });
    expect(await db.count('papers')).toBe(0);
    expect(await db.count('authors')).toBe(0);
    expect(await db.count('coauthors')).toBe(0);
  });

  it('reads a ScholarFeed profile: the author with the figures it gives, their papers by title', async () => {
    const parsed = parseScholarFeedProfile(readFileSync('data/author-profile.txt', 'utf8'), NOW);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.author.name).toBe('Jan Ludziejewski');
    expect(parsed.author.profile).toMatchObject({ hIndex: 27, citations: 422, novelty: 0.5, aiScore: 58, papers: 13 });
    expect(parsed.titles).toHaveLength(13);
    expect(parseScholarFeedProfile('not a profile')).toMatchObject({
      ok: false,
      error: expect.stringContaining('ScholarFeed'),
    });
    // A profile followed under another name finds its papers in the library by title.
    const db = await seeded();
    const summary = await commitLibraryImport(db, {
      source: { kind: 'file', name: 'profile.txt' },
      papers: [],
      follow: { ...parsed.author, name: 'J. L. (ScholarFeed)' },
      titles: parsed.titles,
    });
    expect(summary.updated).toBe(13);
    expect(await db.countFromIndex('papers', 'by-followed', 'j-l-scholarfeed')).toBe(13);
  });
});
