import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  detectLibraryFile,
  type LibraryFileKind,
  MAX_TEXT_FILE_BYTES,
  notImportable,
  type ReadBatch,
  readLibraryFile,
  STAGE_BATCH,
  streamLibraryFile,
} from '../../../lib/library/file-import';
import type { FollowedAuthor, LibraryPaper } from '../../../lib/library/schema';
import type { SnapshotFilter } from '../../../lib/library/snapshot-filter';
import { readArxivJsonl } from '../../../lib/library/sources/arxiv-jsonl';
import { libraryFileText } from '../../../lib/library/sources/library-json';
import { libraryPapers } from '../../helpers/db';
import { followedAuthor } from '../../helpers/library';

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));
const PROFILE = new Uint8Array(readFileSync(new URL('../../../data/author-profile.txt', import.meta.url)));

const author = (id: string, name: string, variants: string[] = []) => followedAuthor(id, name, { variants });

const LIBRARY_FILE = libraryFileText(
  { authors: [author('maciej-pioro', 'Maciej Pióro', ['M. Pioro'])], papers: [] },
  new Date('2026-12-03T00:00:00Z'),
);

const bytes = (...values: number[]) => new Uint8Array(values);
const fileOf = (content: Uint8Array | string, name: string) =>
  new File([typeof content === 'string' ? content : new Uint8Array(content)], name);
const head = (content: Uint8Array | string) =>
  new TextDecoder().decode(typeof content === 'string' ? new TextEncoder().encode(content) : content.slice(0, 4096));
const read = (file: File, followed: FollowedAuthor[] = []) => readLibraryFile(file, { followed });

describe('detectLibraryFile', () => {
  it.each<[string, Uint8Array | string, LibraryFileKind]>([
    ['pioro-page1.xml', fixture('arxiv-api/pioro-page1.xml'), 'arxiv-atom'],
    ['ludziejewski-page1.xml', fixture('arxiv-api/ludziejewski-page1.xml'), 'arxiv-atom'],
    ['ludziejewski-page2.xml', fixture('arxiv-api/ludziejewski-page2.xml'), 'arxiv-atom'],
    ['empty.xml', fixture('arxiv-api/empty.xml'), 'arxiv-atom'],
    ['error.xml', fixture('arxiv-api/error.xml'), 'arxiv-atom'],
    ['truncated.xml', fixture('arxiv-api/truncated.xml'), 'arxiv-atom'],
    ['sample.bib', fixture('library/sample.bib'), 'bibtex'],
    ['snapshot-sample.jsonl', fixture('library/snapshot-sample.jsonl'), 'arxiv-jsonl'],
    ['author-profile.txt', PROFILE, 'scholarfeed'],
    ['paperlens-library-2026-12-03.json', LIBRARY_FILE, 'paperlens-library'],
  ])('reads %s as its kind', (name, content, kind) => {
    expect(detectLibraryFile(name, head(content))).toBe(kind);
  });

  it.each<[string, string, LibraryFileKind]>([
    ['the snapshot under its Kaggle name', 'arxiv-metadata-oai-snapshot.json', 'arxiv-jsonl'],
    ['an Atom feed saved as .txt', 'feed.txt', 'arxiv-atom'],
    ['BibTeX saved as .txt', 'refs.txt', 'bibtex'],
    ['a profile saved without an extension', 'profile', 'scholarfeed'],
  ])('goes by content before the name: %s', (_, name, kind) => {
    const content = {
      'arxiv-jsonl': fixture('library/snapshot-sample.jsonl'),
      'arxiv-atom': fixture('arxiv-api/pioro-page1.xml'),
      bibtex: fixture('library/sample.bib'),
      scholarfeed: PROFILE,
      'paperlens-library': LIBRARY_FILE,
    }[kind];
    expect(detectLibraryFile(name, head(content))).toBe(kind);
  });

  it.each<[string, string, Uint8Array | string]>([
    ['a PDF', 'paper.pdf', '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj'],
    ['a PDF renamed .bib', 'paper.bib', '%PDF-1.4\n'],
    ['a PNG', 'figure.png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)],
    ['a JPEG', 'photo.txt', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46)],
    ['a zip', 'export.json', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0)],
    ['a gzip', 'snapshot.jsonl', bytes(0x1f, 0x8b, 0x08, 0)],
    ['an empty file', 'empty.bib', ''],
    ['a blank file', 'blank.txt', ' \n\n '],
    ['an HTML page', 'abs.xml', '<!doctype html><html><body>arXiv</body></html>'],
    ['a Markdown file', 'README.md', fixture('arxiv-api/README.md')],
  ])('refuses %s', (_, name, content) => {
    expect(detectLibraryFile(name, head(content))).toBeNull();
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ maxLength: 4096 }), (name, text) => {
        detectLibraryFile(name, text);
      }),
    );
  });
});

describe('readLibraryFile', () => {
  it('reads an arXiv Atom feed', async () => {
    const result = await read(fileOf(fixture('arxiv-api/pioro-page1.xml'), 'pioro.xml'));
    expect(result).toMatchObject({ ok: true, kind: 'arxiv-atom', follow: null, titles: [] });
    expect(result.ok && result.papers.length).toBe(4);
  });

  it('reads BibTeX and says which entries it skipped', async () => {
    const result = await read(fileOf(fixture('library/sample.bib'), 'sample.bib'));
    if (!result.ok) throw new Error(result.error);
    expect(result.kind).toBe('bibtex');
    expect(result.papers.length).toBeGreaterThan(0);
    expect(result.skipped.length).toBeGreaterThan(0);
    expect(result.skipped[0]?.reason).toMatch(/\w/);
  });

  it('reads a ScholarFeed profile as the author to follow and their titles, with no papers', async () => {
    const result = await read(fileOf(PROFILE, 'profile.txt'));
    if (!result.ok) throw new Error(result.error);
    expect(result.kind).toBe('scholarfeed');
    expect(result.papers).toEqual([]);
    expect(result.follow?.name).toBe('Jan Ludziejewski');
    expect(result.follow?.profile?.hIndex).toBe(27);
    expect(result.titles).toHaveLength(13);
  });

  it('reads a Paperlens library file as records to restore, not as papers', async () => {
    const result = await read(fileOf(LIBRARY_FILE, 'paperlens-library-2026-12-03.json'));
    if (!result.ok) throw new Error(result.error);
    expect(result).toMatchObject({ kind: 'paperlens-library', papers: [], follow: null });
    expect(result.restore?.authors.map((a) => [a.id, a.variants])).toEqual([['maciej-pioro', ['M. Pioro']]]);
    expect(result.restore?.records).toEqual([]);
  });

  it('keeps only the snapshot records that name a followed author, reporting bytes read', async () => {
    const content = fixture('library/snapshot-sample.jsonl');
    const onProgress = vi.fn();
    const result = await readLibraryFile(fileOf(content, 'arxiv-metadata-oai-snapshot.json'), {
      followed: [author('grisha-perelman', 'Grisha Perelman'), author('maciej-pioro', 'Maciej Pióro')],
      onProgress,
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.papers.map((paper) => paper.arxivId).sort()).toEqual([
      '2310.15961',
      '2402.07871',
      '2508.09752',
      'math/0211159',
    ]);
    expect(onProgress).toHaveBeenLastCalledWith(content.length, content.length);
  });

  it('says so when no snapshot record names a followed author', async () => {
    const result = await read(fileOf(fixture('library/snapshot-sample.jsonl'), 'snap.jsonl'), [
      author('nobody', 'Quentin Nobody'),
    ]);
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^“snap\.jsonl” has 8 records and none names an author you follow/),
    });
  });

  describe('with a snapshot filter', () => {
    const SAMPLE = () => fileOf(fixture('library/snapshot-sample.jsonl'), 'snap.jsonl');
    const PERELMAN = author('grisha-perelman', 'Grisha Perelman');
    const PIORO = author('maciej-pioro', 'Maciej Pióro');
    const readFiltered = (snapshot: SnapshotFilter, followed: FollowedAuthor[] = [], file = SAMPLE()) =>
      readLibraryFile(file, { followed, snapshot });
    const ids = (result: Awaited<ReturnType<typeof readLibraryFile>>) => {
      if (!result.ok) throw new Error(result.error);
      return result.papers.map((paper) => paper.arxivId);
    };

    it('keeps the records in the categories alone, an archive taking all its classes', async () => {
      const result = await readFiltered({ followed: false, categories: ['hep-th', 'math'], join: 'and' }, [PERELMAN]);
      expect(ids(result)).toEqual(['0704.0002', 'hep-th/9711200', 'math/0211159']);
    });

    it('keeps the records naming a followed author alone, as without a filter', async () => {
      const result = await readFiltered({ followed: true, categories: [], join: 'or' }, [PERELMAN]);
      expect(ids(result)).toEqual(['math/0211159']);
    });

    it('keeps records naming a followed author and in the categories', async () => {
      const result = await readFiltered({ followed: true, categories: ['cs.LG'], join: 'and' }, [PERELMAN, PIORO]);
      expect(ids(result)).toEqual(['2310.15961', '2402.07871', '2508.09752']);
    });

    it('keeps records naming a followed author or in the categories', async () => {
      const result = await readFiltered({ followed: true, categories: ['hep-th'], join: 'or' }, [PERELMAN]);
      expect(ids(result)).toEqual(['hep-th/9711200', 'math/0211159']);
    });

    it('refuses a filter that keeps nothing before reading the snapshot', async () => {
      const file = SAMPLE();
      const stream = vi.spyOn(file, 'stream');
      const result = await readFiltered({ followed: false, categories: [], join: 'or' }, [PERELMAN], file);
      expect(result).toEqual({
        ok: false,
        error:
          '“snap.jsonl”: the snapshot filter keeps no record: tick “Records naming an author you follow” or name categories (Paperlens does not import the whole snapshot). Nothing was imported.',
      });
      expect(stream).not.toHaveBeenCalled();
    });

    it('refuses a bad category before reading the snapshot, naming it', async () => {
      const file = SAMPLE();
      const stream = vi.spyOn(file, 'stream');
      const result = await readFiltered({ followed: true, categories: ['cs.LG', 'cs..LG'], join: 'or' }, [], file);
      expect(result).toEqual({
        ok: false,
        error:
          '“snap.jsonl”: “cs..LG” is not an arXiv category; write them like cs.LG, stat.ML or hep-th. Nothing was imported.',
      });
      expect(stream).not.toHaveBeenCalled();
    });

    it('says what the filter was when it keeps no record', async () => {
      const result = await readFiltered({ followed: true, categories: ['astro-ph'], join: 'or' });
      expect(result).toEqual({
        ok: false,
        error:
          '“snap.jsonl” has 8 records and none names an author you follow or is in astro-ph; change the snapshot filter, then import the snapshot again. Nothing was imported.',
      });
    });

    it('leaves other kinds of file alone', async () => {
      const result = await readLibraryFile(fileOf(fixture('library/sample.bib'), 'sample.bib'), {
        followed: [],
        snapshot: { followed: false, categories: ['cs..LG'], join: 'or' },
      });
      expect(result.ok && result.kind).toBe('bibtex');
    });
  });

  it('stops reading a snapshot when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await readLibraryFile(fileOf(fixture('library/snapshot-sample.jsonl'), 'snap.jsonl'), {
      followed: [author('maciej-pioro', 'Maciej Pióro')],
      signal: controller.signal,
    });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('cancelled') });
  });

  it('refuses a file that is not importable, with the sentence naming it', async () => {
    const result = await read(fileOf('%PDF-1.7\n', 'x.pdf'));
    expect(result).toEqual({ ok: false, error: notImportable('x.pdf') });
    expect(notImportable('x.pdf')).toBe(
      '“x.pdf” is not a file Paperlens can import: choose an arXiv Atom feed (.xml), the arXiv metadata snapshot (.jsonl), BibTeX (.bib), a ScholarFeed profile (.txt) or a Paperlens library file (.json).',
    );
  });

  it('refuses an oversized file before reading it', async () => {
    const file = fileOf(fixture('library/sample.bib'), 'huge.bib');
    Object.defineProperty(file, 'size', { value: MAX_TEXT_FILE_BYTES + 1 });
    const arrayBuffer = vi.spyOn(file, 'arrayBuffer');
    const text = vi.spyOn(file, 'text');
    const result = await read(file);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^“huge\.bib” is 51 MiB, more than the 50 MiB/) });
    expect(arrayBuffer).not.toHaveBeenCalled();
    expect(text).not.toHaveBeenCalled();
  });

  it('streams a snapshot of any size', async () => {
    const file = fileOf(fixture('library/snapshot-sample.jsonl'), 'snap.jsonl');
    Object.defineProperty(file, 'size', { value: 4 * 1024 ** 3 });
    const result = await read(file, [author('grisha-perelman', 'Grisha Perelman')]);
    expect(result.ok && result.papers.map((paper) => paper.arxivId)).toEqual(['math/0211159']);
  });

  it('names the file that is not UTF-8', async () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('@article{a, title={Pi'),
      0xf3,
      ...new TextEncoder().encode('ro}}\n'),
    ]);
    const result = await read(fileOf(latin1, 'latin1.bib'));
    expect(result).toEqual({
      ok: false,
      error: '“latin1.bib” is not UTF-8 text; save it as UTF-8 and choose it again. Nothing was imported.',
    });
  });

  it("passes a source's error on, naming the file", async () => {
    const result = await read(fileOf(fixture('arxiv-api/error.xml'), 'error.xml'));
    expect(result).toEqual({
      ok: false,
      error: '“error.xml”: arXiv answered with an error: start must be non-negative. Nothing was imported.',
    });
  });

  it('never throws on random bytes, under any of the names it reads', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.constantFrom('a.xml', 'a.jsonl', 'a.json', 'a.bib', 'a.txt', 'a.pdf'),
        async (content, name) => {
          const result = await read(fileOf(content, name), [author('maciej-pioro', 'Maciej Pióro')]);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) expect(result.error).toContain(`“${name}”`);
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** A snapshot line for a paper by `author` (`index` makes its id and title). */
function snapshotLine(index: number, author = 'Maciej Pióro', title = `Paper ${index}`): string {
  const [first, last] = author.split(' ');
  return JSON.stringify({
    id: `2401.${String(index).padStart(5, '0')}`,
    authors: author,
    title,
    categories: 'cs.LG',
    abstract: 'An abstract.',
    versions: [{ version: 'v1', created: 'Mon, 8 Jan 2024 10:00:00 GMT' }],
    authors_parsed: [[last, first, '']],
  });
}

const maciej = [author('maciej-pioro', 'Maciej Pióro')];
const collect = () => {
  const batches: { papers: string[]; records: string[] }[] = [];
  const onBatch = vi.fn(async (batch: ReadBatch) => {
    batches.push({ papers: batch.papers.map((p) => p.arxivId ?? ''), records: batch.records.map((r) => r.id) });
  });
  return { batches, onBatch };
};

describe('streamLibraryFile', () => {
  it('hands a snapshot’s kept papers on in batches of 1,000 as it reads, never holding them all', async () => {
    const lines = Array.from({ length: 2_600 }, (_, i) => snapshotLine(i, i % 10 === 9 ? 'Ada Lovelace' : undefined));
    const { batches, onBatch } = collect();
    const result = await streamLibraryFile(fileOf(lines.join('\n'), 'arxiv-metadata-oai-snapshot.json'), {
      followed: maciej,
      onBatch,
    });
    expect(STAGE_BATCH).toBe(1000);
    expect(batches.map((b) => b.papers.length)).toEqual([1000, 1000, 340]);
    expect(batches.flatMap((b) => b.papers)).toHaveLength(2_340);
    expect(result).toEqual({
      ok: true,
      kind: 'arxiv-jsonl',
      count: 2_340,
      follow: null,
      titles: [],
      skipped: [],
      restoreAuthors: null,
    });
  });

  it('hands on one empty batch for a file without papers (a profile), so its preview finds the import', async () => {
    const { batches, onBatch } = collect();
    const result = await streamLibraryFile(fileOf(PROFILE, 'profile.txt'), { followed: [], onBatch });
    expect(batches).toEqual([{ papers: [], records: [] }]);
    expect(result).toMatchObject({ ok: true, kind: 'scholarfeed', count: 0 });
  });

  it("hands a library file's stored records on in batches, and its authors with the result", async () => {
    const records = Array.from({ length: 2_500 }, (_, i) => ({
      ...libraryPapers[0],
      id: `2401.${String(i).padStart(5, '0')}`,
    })) as LibraryPaper[];
    const jan = author('jan-ludziejewski', 'Jan Ludziejewski');
    const text = libraryFileText({ authors: [jan], papers: records }, new Date());
    const { batches, onBatch } = collect();
    const result = await streamLibraryFile(fileOf(text, 'library.json'), { followed: [], onBatch });
    expect(batches.map((b) => [b.papers.length, b.records.length])).toEqual([
      [0, 1000],
      [0, 1000],
      [0, 500],
    ]);
    expect(result).toMatchObject({ ok: true, kind: 'paperlens-library', count: 2_500 });
    expect(result.ok && result.restoreAuthors?.map((a) => a.id)).toEqual(['jan-ludziejewski']);
  });

  it('stops between batches when cancelled, saying so', async () => {
    const controller = new AbortController();
    const lines = Array.from({ length: 3_000 }, (_, i) => snapshotLine(i));
    const onBatch = vi.fn(async () => controller.abort());
    const result = await streamLibraryFile(fileOf(lines.join('\n'), 'snap.jsonl'), {
      followed: maciej,
      onBatch,
      signal: controller.signal,
    });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('cancelled') });
    expect(onBatch).toHaveBeenCalledOnce();
  });

  it('keeps what reading the whole file keeps, and refuses the same repeats, for any records in any order', async () => {
    const record = fc.record({
      index: fc.integer({ min: 0, max: 30 }),
      author: fc.constantFrom('Maciej Pióro', 'Ada Lovelace', 'M. Pioro'),
      title: fc.constantFrom('One', 'Two'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 60 }), async (records) => {
        const text = records.map((r) => snapshotLine(r.index, r.author, r.title)).join('\n');
        const whole = await readArxivJsonl(fileOf(text, 's.jsonl').stream(), { keep: () => true });
        const { batches, onBatch } = collect();
        const streamed = await streamLibraryFile(fileOf(text, 's.jsonl'), {
          followed: [author('maciej-pioro', 'Maciej Pióro', ['M. Pioro']), author('ada-lovelace', 'Ada Lovelace')],
          onBatch,
        });
        if (!whole.ok) expect(streamed).toEqual({ ok: false, error: expect.stringContaining(whole.error) });
        else if (!whole.papers.length) expect(streamed.ok).toBe(false);
        else expect(batches.flatMap((b) => b.papers)).toEqual(whole.papers.map((p) => p.arxivId));
      }),
      { numRuns: 60 },
    );
  });
});
