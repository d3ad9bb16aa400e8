import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { openPaperlensDb, type PaperlensDatabase } from '../../../lib/db';
import { toJson } from '../../../lib/export/json';
import { IMPORT_LIMITS } from '../../../lib/reading-list/file-schema';
import {
  importReadingList,
  mergeReadingLists,
  parseReadingListFile,
  tooLargeToImport,
} from '../../../lib/reading-list/import';
import type { ReadingListEntry } from '../../../lib/reading-list/schema';
import { listEntries, saveEntry, updateEntry } from '../../../lib/reading-list/store';
import { freshFactory } from '../../helpers/db';
import { entry, savedList } from '../../helpers/reading-list';

const NOW = new Date('2026-11-29T12:00:00Z');
const file = (fields: Record<string, unknown>) =>
  JSON.stringify({
    format: 'paperlens-reading-list',
    version: 1,
    exportedAt: NOW.toISOString(),
    entries: [],
    ...fields,
  });

function errorOf(text: string): string {
  const result = parseReadingListFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

describe('parseReadingListFile', () => {
  it('reads an export back', () => {
    const result = parseReadingListFile(toJson(savedList, NOW));
    expect(result.ok && result.entries.length).toBe(savedList.length);
  });

  it.each([
    [
      'text that is not JSON',
      '{"format": oops',
      /^This file is not JSON \(.*JSON.*\)\. Choose a file made with Paperlens’ “Export as JSON”\.$/,
    ],
    [
      'a Zotero CSL JSON array',
      '[{"id": "krajewski2024", "type": "article"}]',
      /holds a JSON list, not a Paperlens reading list \(CSL JSON from Zotero/,
    ],
    ['a bare number', '42', /holds a single JSON number, not a Paperlens reading list/],
    ['null', 'null', /holds a single JSON null/],
    [
      'a package.json',
      '{"name": "paperlens", "version": "0.1.0"}',
      /not a Paperlens reading list: it lacks "format": "paperlens-reading-list"/,
    ],
    [
      'a newer file version',
      file({ version: 2 }),
      /^This reading list was made by a newer Paperlens \(file version 2\); this version reads version 1\. Update Paperlens, then import it again\.$/,
    ],
    ['a version that is not a number', file({ version: '1' }), /^version: /m],
    ['a missing export date', file({ exportedAt: undefined }), /^exportedAt: /m],
    ['entries that are not a list', file({ entries: {} }), /^entries: /m],
  ])('refuses %s, saying why', (_case, text, message) => {
    expect(errorOf(text)).toMatch(message);
  });

  it('names the entry and field that is wrong', () => {
    const entries = [
      ...savedList.slice(0, 3),
      { ...savedList[3], id: 'arXiv:2402.07871' },
      { ...savedList[4], status: 'done' },
    ];
    expect(errorOf(file({ entries }))).toBe(
      [
        'This reading-list file has problems, so nothing was imported:',
        'entries.3.id: must be a bare arXiv id like 2402.07871 or hep-th/9901001',
        'entries.4.status: Invalid option: expected one of "to-read"|"reading"|"read"',
      ].join('\n'),
    );
  });

  it('refuses an id listed twice', () => {
    const entries = [savedList[0], savedList[1], { ...savedList[0], note: 'again' }];
    expect(errorOf(file({ entries }))).toContain(
      `entries.2.id: arXiv:${savedList[0]?.id} is listed twice (also entries.0)`,
    );
  });

  it('lists the first ten problems and counts the rest', () => {
    const entries = Array.from({ length: 25 }, (_, i) => entry({ id: `bad-${i}` }));
    const error = errorOf(file({ entries }));
    expect(error.split('\n')).toHaveLength(12);
    expect(error).toMatch(/\n…and 15 more problems$/);
  });

  it('refuses a file over 5 MiB before parsing it, saying the limit in MiB and in papers', () => {
    const limit = 'Paperlens imports reading-list files of up to 5 MiB (some 30,000 papers).';
    expect(errorOf(' '.repeat(IMPORT_LIMITS.bytes + 1))).toBe(`This file is too large to be a reading list. ${limit}`);
    expect(errorOf('"é'.padEnd(IMPORT_LIMITS.bytes - 1, 'é'))).toContain(limit);
    expect(tooLargeToImport('big.json')).toBe(`“big.json” is too large to be a reading list. ${limit}`);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.json().map((json) => file({ entries: JSON.parse(json) })),
        ),
        (text) => {
          expect(typeof parseReadingListFile(text).ok).toBe('boolean');
        },
      ),
    );
  });
});

describe('mergeReadingLists', () => {
  const saved = entry({
    id: '2402.07871',
    title: 'Scaling Laws for Fine-Grained Mixture of Experts',
    savedAt: '2026-03-01T00:00:00.000Z',
    status: 'reading',
    note: 'Read section 4.',
    tags: ['MoE', 'scaling'],
    inCorpus: true,
  });

  it('keeps the saved entry’s title and status, the earlier date, and unions tags', () => {
    const incoming = entry({
      id: saved.id,
      title: 'Other title',
      savedAt: '2026-01-01T00:00:00.000Z',
      status: 'read',
      note: 'Read section 4.',
      tags: ['moe', 'to cite', 'Scaling'],
    });
    expect(mergeReadingLists([saved], [incoming])).toEqual({
      toWrite: [{ ...saved, savedAt: '2026-01-01T00:00:00.000Z', tags: ['MoE', 'scaling', 'to cite'] }],
      added: 0,
      updated: 1,
      unchanged: 0,
      notesLeftOut: [],
      tagsLeftOut: 0,
    });
  });

  it.each([
    ['an empty saved note takes the incoming note', '', 'From my laptop.', 'From my laptop.'],
    [
      'a different note is appended after a blank line',
      'Read section 4.',
      'Check Fig. 2.',
      'Read section 4.\n\nCheck Fig. 2.',
    ],
    [
      'a note already contained is not repeated',
      'Read section 4.\n\nCheck Fig. 2.',
      'Check Fig. 2.',
      'Read section 4.\n\nCheck Fig. 2.',
    ],
    ['an empty incoming note changes nothing', 'Read section 4.', '  ', 'Read section 4.'],
    [
      'a note that would grow past the limit is kept as it was',
      'x'.repeat(19_990),
      'Check Fig. 2.',
      'x'.repeat(19_990),
    ],
  ])('merges notes: %s', (_case, mine, theirs, merged) => {
    const [written] = mergeReadingLists([{ ...saved, note: mine }], [{ ...saved, note: theirs }]).toWrite;
    expect(written?.note ?? mine).toBe(merged);
  });

  it('adds new entries and counts entries with nothing new as unchanged', () => {
    const fresh = entry({ id: '1706.03762', title: 'Attention Is All You Need' });
    expect(mergeReadingLists([saved], [fresh, { ...saved, tags: ['moe'] }])).toEqual({
      toWrite: [fresh],
      added: 1,
      updated: 0,
      unchanged: 1,
      notesLeftOut: [],
      tagsLeftOut: 0,
    });
  });

  it('keeps at most 50 tags, saved ones first', () => {
    const many = Array.from({ length: 60 }, (_, i) => `tag ${i}`);
    const merge = mergeReadingLists([saved], [{ ...saved, tags: many }]);
    const [written] = merge.toWrite;
    expect(written?.tags).toHaveLength(50);
    expect(written?.tags.slice(0, 3)).toEqual(['MoE', 'scaling', 'tag 0']);
    // Two saved tags and 60 new ones: 12 did not fit, and the summary says so.
    expect(merge.tagsLeftOut).toBe(12);
    expect(merge.notesLeftOut).toEqual([]);
  });

  it('names the entries whose note from the file did not fit', () => {
    const full = { ...saved, note: 'x'.repeat(19_990) };
    const merge = mergeReadingLists([full], [{ ...saved, note: 'Check Fig. 2.' }]);
    expect(merge.notesLeftOut).toEqual([saved.id]);
    expect(merge).toMatchObject({ updated: 0, unchanged: 1 });
  });

  const ids = fc.constantFrom('2402.07871', '2401.04081', '1706.03762', 'hep-th/9901001', '2604.00001');
  const anyEntry = fc
    .record({
      id: ids,
      savedAt: fc.integer({ min: 0, max: 10 }).map((day) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString()),
      status: fc.constantFrom('to-read', 'reading', 'read'),
      note: fc.constantFrom('', 'a', 'b', 'a\n\nb'),
      tags: fc.uniqueArray(fc.constantFrom('ML', 'ml', 'moe', 'to cite'), { maxLength: 3 }),
    })
    .map((fields) => entry(fields as Partial<ReadingListEntry> & { id: string }));
  const existingList = fc.uniqueArray(anyEntry, { selector: (saved) => saved.id });
  const incomingList = fc.array(anyEntry, { maxLength: 8 });

  /** The list after writing a merge's entries over it. */
  function apply(existing: ReadingListEntry[], toWrite: ReadingListEntry[]): ReadingListEntry[] {
    const byId = new Map(existing.map((saved) => [saved.id, saved]));
    for (const written of toWrite) byId.set(written.id, written);
    return [...byId.values()];
  }

  it('keeps every saved id, adds every incoming id and duplicates none', () => {
    fc.assert(
      fc.property(existingList, incomingList, (existing, incoming) => {
        const merge = mergeReadingLists(existing, incoming);
        const toWriteIds = merge.toWrite.map((written) => written.id);
        expect(new Set(toWriteIds).size).toBe(toWriteIds.length);
        const after = apply(existing, merge.toWrite);
        expect(new Set(after.map((saved) => saved.id))).toEqual(
          new Set([...existing, ...incoming].map((saved) => saved.id)),
        );
        expect(merge.added + merge.updated + merge.unchanged).toBe(new Set(incoming.map((saved) => saved.id)).size);
        for (const before of existing) {
          const kept = after.find((saved) => saved.id === before.id);
          expect(kept).toMatchObject({ title: before.title, status: before.status });
          expect(kept?.note.includes(before.note)).toBe(true);
          expect(kept?.tags.slice(0, before.tags.length)).toEqual(before.tags);
        }
      }),
    );
  });

  it('changes nothing when the same file is imported twice', () => {
    fc.assert(
      fc.property(existingList, incomingList, (existing, incoming) => {
        const once = apply(existing, mergeReadingLists(existing, incoming).toWrite);
        const again = mergeReadingLists(once, incoming);
        expect(again.toWrite).toEqual([]);
        expect(again.added + again.updated).toBe(0);
      }),
    );
  });
});

describe('importReadingList', () => {
  let db: PaperlensDatabase;
  beforeEach(async () => {
    db = await openPaperlensDb(freshFactory());
  });

  it('adds new papers and keeps saved entries and their notes', async () => {
    await saveEntry(db, { id: '2402.07871', title: 'Scaling Laws' }, new Date('2026-03-01T00:00:00Z'));
    await updateEntry(db, '2402.07871', { note: 'Read section 4.', status: 'read', tags: ['moe'] });
    const incoming = [
      entry({ id: '2402.07871', title: 'Other', note: 'Check Fig. 2.', tags: ['MoE', 'to cite'], status: 'to-read' }),
      entry({ id: '1706.03762', title: 'Attention Is All You Need', savedAt: '2026-02-01T00:00:00.000Z' }),
    ];
    expect(await importReadingList(db, incoming)).toMatchObject({ added: 1, updated: 1, unchanged: 0 });
    expect(await listEntries(db)).toEqual([
      expect.objectContaining({ id: '1706.03762', title: 'Attention Is All You Need' }),
      expect.objectContaining({
        id: '2402.07871',
        title: 'Scaling Laws',
        status: 'read',
        note: 'Read section 4.\n\nCheck Fig. 2.',
        tags: ['moe', 'to cite'],
        savedAt: '2026-01-01T00:00:00.000Z',
      }),
    ]);
    expect(await importReadingList(db, incoming)).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
  });

  it('does an import sent twice under one id once, answering the second with the first summary', async () => {
    const incoming = [entry({ id: '1706.03762' }), entry({ id: '2402.07871', note: 'n' })];
    const id = '6f0e2b8a-6d1c-4f57-9d59-0b6f6f1c1a2e';
    const first = await importReadingList(db, incoming, id);
    expect(first).toMatchObject({ added: 2 });
    await updateEntry(db, '2402.07871', { note: 'edited after the import' });
    // The page asks again (the worker restarted before it answered): nothing is merged twice.
    expect(await importReadingList(db, incoming, id)).toEqual(first);
    expect((await db.get('readingList', '2402.07871'))?.note).toBe('edited after the import');
    // Another import is another import.
    expect(await importReadingList(db, incoming, '0c3b2a19-1b2c-4d3e-8f4a-5b6c7d8e9f00')).toMatchObject({ added: 0 });
  });

  it('keeps a paper saved while the import runs', async () => {
    await Promise.all([
      importReadingList(db, [entry({ id: '1706.03762' })]),
      saveEntry(db, { id: '2402.07871', title: 'Scaling Laws' }),
    ]);
    expect((await listEntries(db)).map((saved) => saved.id).sort()).toEqual(['1706.03762', '2402.07871']);
  });

  it('writes nothing when one write fails', async () => {
    await saveEntry(db, { id: '2402.07871', title: 'Scaling Laws' });
    const broken = { ...entry({ id: '2401.04081' }), id: undefined } as unknown as ReadingListEntry;
    await expect(importReadingList(db, [entry({ id: '1706.03762' }), broken])).rejects.toThrow();
    expect((await listEntries(db)).map((saved) => saved.id)).toEqual(['2402.07871']);
  });
});
