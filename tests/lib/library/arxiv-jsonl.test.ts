import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { type IncomingPaper, IncomingPaperSchema } from '../../../lib/library/incoming';
import {
  authorNamesOf,
  type ReadArxivJsonlOptions,
  readArxivJsonl,
  SNAPSHOT_FIELDS,
} from '../../../lib/library/sources/arxiv-jsonl';
import { latexToText } from '../../../lib/text/latex';

const SAMPLE = readFileSync(new URL('../../fixtures/library/snapshot-sample.jsonl', import.meta.url));
const SAMPLE_LINES = SAMPLE.toString('utf8').trimEnd().split('\n');
const corpus: { papers: { id: string; title: string; authors: string[]; date: string; primaryCategory: string }[] } =
  JSON.parse(readFileSync(new URL('../../../data/corpus.json', import.meta.url), 'utf8'));

const keepAll = () => true;
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The bytes as a stream, cut into chunks at the given offsets. */
function streamOf(bytes: Uint8Array, cuts: readonly number[] = []): ReadableStream<Uint8Array> {
  const edges = [...new Set([0, ...cuts.map((cut) => Math.min(cut, bytes.length)), bytes.length])].sort(
    (a, b) => a - b,
  );
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      if (next >= edges.length - 1) return controller.close();
      controller.enqueue(bytes.slice(edges[next], edges[next + 1]));
      next++;
    },
  });
}

function read(text: string | Uint8Array, options: Partial<ReadArxivJsonlOptions> = {}) {
  return readArxivJsonl(streamOf(typeof text === 'string' ? utf8(text) : text), { keep: keepAll, ...options });
}

async function papersOf(text: string | Uint8Array, options: Partial<ReadArxivJsonlOptions> = {}) {
  const result = await read(text, options);
  if (!result.ok) throw new Error(result.error);
  return result.papers;
}

async function errorOf(text: string | Uint8Array, options: Partial<ReadArxivJsonlOptions> = {}) {
  const result = await read(text, options);
  return result.ok ? null : result.error;
}

/** A sample record, changed: `sampleRecord(1, { title: undefined })` drops its title. */
function sampleRecord(index: number, changes: Record<string, unknown> = {}): string {
  const record = { ...JSON.parse(SAMPLE_LINES[index]!), ...changes };
  return JSON.stringify(record);
}

const byId = async () => new Map((await papersOf(SAMPLE)).map((paper) => [paper.arxivId, paper]));

describe('reading the arXiv JSON Lines snapshot', () => {
  it('reads every record of the sample in file order', async () => {
    const result = await read(SAMPLE);
    expect(result).toMatchObject({ ok: true, lines: 8, kept: 8 });
    expect(result.ok && result.papers.map((paper) => paper.arxivId)).toEqual([
      '0704.0001',
      '0704.0002',
      'hep-th/9711200',
      'math/0211159',
      '1207.7214',
      '2310.15961',
      '2402.07871',
      '2508.09752',
    ]);
  });

  it('maps every field of a record', async () => {
    expect((await byId()).get('0704.0001')).toEqual({
      arxivId: '0704.0001',
      version: 2,
      doi: '10.1103/physrevd.76.013009',
      title: 'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies',
      authors: ['C. Balázs', 'E. L. Berger', 'P. M. Nadolsky', 'C. -P. Yuan'],
      abstract: expect.stringMatching(/^A fully differential calculation .* judicious selection of events\.$/),
      primaryCategory: 'hep-ph',
      categories: ['hep-ph'],
      date: '2007-04-02',
      updated: '2008-11-13',
      journalRef: 'Phys.Rev.D76:013009,2007',
      comments: '37 pages, 15 figures; published version',
    } satisfies IncomingPaper);
  });

  it.each([
    ['0704.0002', { categories: ['math.CO', 'cs.CG'], primaryCategory: 'math.CO', doi: null, journalRef: null }],
    [
      'hep-th/9711200',
      { version: 3, date: '1997-11-27', doi: '10.1023/a:1026654312961', authors: ['Juan M. Maldacena'] },
    ],
    ['math/0211159', { version: 1, date: '2002-11-11', updated: '2008-11-26', authors: ['Grisha Perelman'] }],
    ['1207.7214', { authors: ['ATLAS Collaboration'], date: '2012-07-31', journalRef: 'Phys.Lett. B716 (2012) 1-29' }],
    ['2508.09752', { title: '$\\mu$-Parametrization for Mixture of Experts', comments: null }],
  ])('reads %s', async (id, expected) => {
    expect((await byId()).get(id)).toMatchObject(expected);
  });

  it.each(['2310.15961', '2402.07871', '2508.09752'])(
    'gives paper %s of Jan Ludziejewski the title, authors, date and category the corpus has',
    async (id) => {
      const paper = (await byId()).get(id);
      const known = corpus.papers.find((entry) => entry.id === id)!;
      expect(latexToText(paper!.title)).toBe(latexToText(known.title));
      expect(paper).toMatchObject({ authors: known.authors, date: known.date, primaryCategory: known.primaryCategory });
    },
  );

  it('keeps only what the filter keeps, showing it the authors and categories of each record', async () => {
    const seen: unknown[] = [];
    const result = await read(SAMPLE, {
      keep: (record) => {
        seen.push(record);
        return record.authors.includes('Jan Ludziejewski');
      },
    });
    expect(result).toMatchObject({ ok: true, lines: 8, kept: 3 });
    expect(result.ok && result.papers.map((paper) => paper.arxivId)).toEqual([
      '2310.15961',
      '2402.07871',
      '2508.09752',
    ]);
    expect(seen[1]).toEqual({ authors: ['Ileana Streinu', 'Louis Theran'], categories: ['math.CO', 'cs.CG'] });
  });

  it('handles CRLF, blank lines and a last line without a newline, counting records only', async () => {
    const text = `\r\n${SAMPLE_LINES[0]}\r\n\r\n   \n${SAMPLE_LINES[1]}\r\n${SAMPLE_LINES[2]}`;
    expect(await read(text)).toMatchObject({ ok: true, lines: 3, kept: 3 });
    expect(await errorOf(`\n\n${sampleRecord(0)}\n\n{`)).toMatch(/^line 5 is not JSON/);
  });

  it('documents the fields it reads', () => {
    for (const field of ['id', 'authors_parsed', 'versions', 'update_date', 'categories', 'journal-ref']) {
      expect(SNAPSHOT_FIELDS).toContain(field);
    }
  });
});

describe('authorNamesOf', () => {
  it.each([
    [[['Ludziejewski', 'Jan', '']], 'x', ['Jan Ludziejewski']],
    [[['ATLAS Collaboration', '', '']], 'x', ['ATLAS Collaboration']],
    [
      [
        ['Smith', 'John', 'Jr'],
        ['  Pióro ', 'Maciej\n ', ''],
      ],
      'x',
      ['John Smith Jr', 'Maciej Pióro'],
    ],
    [[['Lone']], 'x', ['Lone']],
    [[], 'A. One, B. Two and C. Three', ['A. One', 'B. Two', 'C. Three']],
    [null, 'A. One, B. Two, and C. Three', ['A. One', 'B. Two', 'C. Three']],
    [undefined, 'A. One (MIT, USA), B. Two\n  (Oxford) and C. Three', ['A. One', 'B. Two', 'C. Three']],
    [[['', '', '']], 'Fallback Name', ['Fallback Name']],
  ])('reads %j / %j', (parsed, authors, expected) => {
    expect(authorNamesOf({ authors_parsed: parsed, authors })).toEqual(expected);
  });
});

describe('snapshot errors', () => {
  const line1 = sampleRecord(0);
  const line2 = (changes: Record<string, unknown>) => `${line1}\n${sampleRecord(1, changes)}\n`;

  it.each([
    ['a missing field', line2({ title: undefined }), 'line 2 (arXiv 0704.0002): title is missing'],
    ['a field of the wrong type', line2({ categories: 5 }), 'line 2 (arXiv 0704.0002): categories must be text'],
    ['empty categories', line2({ categories: ' ' }), 'line 2 (arXiv 0704.0002): categories is empty'],
    ['a bad id', line2({ id: 'arXiv:2402.07871' }), /^line 2 \(arXiv arXiv:2402\.07871\): id must be a bare arXiv id/],
    ['no id', line2({ id: undefined }), 'line 2: id is missing'],
    ['no versions', line2({ versions: [] }), 'line 2 (arXiv 0704.0002): versions is empty'],
    [
      'a bad version date',
      line2({ versions: [{ version: 'v1', created: '2007-03-31' }] }),
      'line 2 (arXiv 0704.0002): versions.0.created must be a date like "Mon, 2 Apr 2007 19:18:42 GMT"',
    ],
    [
      'a bad update date',
      line2({ update_date: '13/12/2008' }),
      /^line 2 \(arXiv 0704\.0002\): update_date must be a date/,
    ],
    ['an impossible date', line2({ update_date: '2008-02-30' }), /^line 2 \(arXiv 0704\.0002\): update_date must be/],
    ['a blank title', line2({ title: ' \n ' }), 'line 2 (arXiv 0704.0002): has no title'],
    ['no authors', line2({ authors: '', authors_parsed: [] }), 'line 2 (arXiv 0704.0002): has no authors'],
    ['a bad DOI', line2({ doi: 'doi:xyz' }), 'line 2 (arXiv 0704.0002): doi must be a DOI like 10.1000/xyz'],
    ['a bad category', line2({ categories: 'CS.LG' }), /^line 2 \(arXiv 0704\.0002\): categories is invalid \(/],
    ['a line that is not JSON', `${line1}\n{"id": "0704.0002",\n`, /^line 2 is not JSON \(.+\)$/],
    ['a line that is a list', `${line1}\n[1, 2]\n`, 'line 2 is not an arXiv record (it holds a list)'],
    ['a line that is a number', `${line1}\n42\n`, 'line 2 is not an arXiv record (it holds a number)'],
  ])('names the line and field for %s', async (_case, text, expected) => {
    const error = await errorOf(text);
    if (typeof expected === 'string') expect(error).toBe(expected);
    else expect(error).toMatch(expected);
  });

  it('reports invalid UTF-8 on the line that holds it', async () => {
    const bytes = new Uint8Array([...utf8(`${line1}\n{"title": "caf`), 0xc3, 0x28, ...utf8('"}\n')]);
    expect(await errorOf(bytes)).toBe('line 2 is not valid UTF-8');
    const cut = new Uint8Array([...utf8(`${line1}\n"abc`), 0xe2, 0x82]);
    expect(await errorOf(cut)).toBe('line 2 is not valid UTF-8');
  });

  it('stops at a line longer than the limit, naming it', async () => {
    const long = `${line1}\n${sampleRecord(1, { abstract: 'x'.repeat(5_000) })}\n`;
    expect(await errorOf(long, { maxLineBytes: 4_096 })).toBe('line 2 is longer than 4096 bytes');
    expect(await errorOf(`${line1}\n${'x'.repeat(1024 * 1024 + 1)}`)).toBe('line 2 is longer than 1 MiB');
  });

  it('keeps a repeated record once when it says the same', async () => {
    const result = await read(`${line1}\n${SAMPLE_LINES[1]}\n${JSON.stringify(JSON.parse(line1), null, 0)}\n`);
    expect(result).toMatchObject({ ok: true, lines: 3, kept: 2 });
  });

  it('fails on a repeated record that says something else', async () => {
    const changed = sampleRecord(0, { title: 'Another title' });
    expect(await errorOf(`${line1}\n${SAMPLE_LINES[1]}\n${changed}\n`)).toBe(
      'line 3 repeats arXiv 0704.0001 from line 1 with different content',
    );
  });

  it('does not compare records the filter drops', async () => {
    const changed = sampleRecord(0, { title: 'Another title' });
    const result = await read(`${line1}\n${changed}\n`, { keep: () => false });
    expect(result).toMatchObject({ ok: true, lines: 2, kept: 0 });
  });

  const PDF = new Uint8Array([...utf8('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, ...utf8('\n1 0 obj\n')]);
  const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x08, 0x00, 0x08, 0x00, 0xa3, 0x7e, 0x0a]);

  it.each([
    ['a PDF', PDF],
    ['a zip archive', ZIP],
    ['a pretty-printed JSON array', `[\n  ${line1}\n]\n`],
    ['a one-line JSON array', `[${line1}]\n`],
    ['a Paperlens library export', '{"format":"paperlens-library","version":1,"papers":[]}\n'],
    ['a CSV file', 'id,title\n2402.07871,Scaling Laws\n'],
  ])('says %s is not an arXiv JSON Lines snapshot, on line 1', async (_case, input) => {
    expect(await errorOf(input)).toMatch(
      /^line 1\b.*, so this is not an arXiv JSON Lines snapshot; choose arxiv-metadata/,
    );
  });

  it('blames only the record once the file has shown it is a snapshot', async () => {
    expect(await errorOf(`${line1}\n[1]\n`)).not.toContain('not an arXiv JSON Lines snapshot');
  });

  it('never lets __proto__ or constructor keys reach an object prototype', async () => {
    const hostile = sampleRecord(0)
      .replace(
        /^\{/,
        '{"__proto__": {"polluted": "yes", "id": "9999.99999"}, "constructor": {"prototype": {"polluted": "c"}}, ',
      )
      .replace('"version": "v1"', '"version": "v1", "__proto__": {"polluted": "v"}');
    expect(JSON.parse(hostile)).toHaveProperty('__proto__');
    const [paper] = await papersOf(`${hostile}\n`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(paper)).toBe(Object.prototype);
    expect(paper).toMatchObject({ arxivId: '0704.0001', date: '2007-04-02' });
    expect(Object.keys(paper!)).not.toContain('__proto__');
  });
});

describe('reading as a stream', () => {
  it('stops when cancelled, and cancels the stream', async () => {
    const controller = new AbortController();
    const cancel = vi.fn();
    const stream = streamOf(SAMPLE, [100, 5_000]);
    const reader = stream.getReader();
    const watched = new ReadableStream<Uint8Array>({
      pull: async (sink) => {
        const chunk = await reader.read();
        if (chunk.done) sink.close();
        else sink.enqueue(chunk.value);
      },
      cancel,
    });
    const keep = () => {
      controller.abort();
      return true;
    };
    expect(await readArxivJsonl(watched, { keep, signal: controller.signal })).toEqual({
      ok: false,
      error: 'the import was cancelled at line 2',
    });
    expect(cancel).toHaveBeenCalled();
  });

  it('reports a stream that fails to read', async () => {
    const failing = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(utf8(`${SAMPLE_LINES[0]}\n`));
        controller.error(new Error('NotReadableError: the file changed'));
      },
    });
    expect(await readArxivJsonl(failing, { keep: keepAll })).toEqual({
      ok: false,
      error: 'the file could not be read (NotReadableError: the file changed); try again',
    });
  });

  it('reads 20,000 records holding only the kept ones, reporting progress every 64 KiB', async () => {
    const followed = 'Jan Ludziejewski';
    const lines = Array.from({ length: 20_000 }, (_, i) => {
      const author = i % 100 === 0 ? followed : `Author ${i}`;
      return JSON.stringify({
        id: `2401.${String(i + 1).padStart(5, '0')}`,
        authors: `${author}, Someone Else`,
        title: `Paper number ${i}`,
        categories: i % 2 ? 'cs.LG' : 'stat.ML cs.LG',
        abstract: '  An abstract\nover two lines.\n',
        versions: [{ version: 'v1', created: 'Mon, 8 Jan 2024 10:00:00 GMT' }],
        update_date: '2024-01-09',
        authors_parsed: [author.split(' ').reverse().concat(''), ['Else', 'Someone', '']],
      });
    });
    const bytes = utf8(`${lines.join('\n')}\n`);
    const cuts = Array.from({ length: Math.ceil(bytes.length / 65_536) }, (_, i) => i * 65_536);
    const reports: [number, number][] = [];
    const result = await readArxivJsonl(streamOf(bytes, cuts), {
      keep: (record) => record.authors.includes(followed),
      onProgress: (read, count) => reports.push([read, count]),
    });
    expect(result).toMatchObject({ ok: true, lines: 20_000, kept: 200 });
    expect(result.ok && result.papers.every((paper) => paper.authors[0] === followed)).toBe(true);
    expect(reports.at(-1)).toEqual([bytes.length, 20_000]);
    for (let i = 1; i < reports.length - 1; i++) {
      expect(reports[i]![0] - reports[i - 1]![0]).toBeGreaterThanOrEqual(65_536);
    }
  });
});

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const newStyleId = fc
  .record({ year: fc.integer({ min: 7, max: 29 }), month: fc.integer({ min: 1, max: 12 }) })
  .filter(({ year, month }) => year > 7 || month >= 4)
  .chain(({ year, month }) => {
    const width = year < 15 ? 4 : 5;
    return fc.integer({ min: 1, max: 10 ** width - 1 }).map((n) => `${pad(year, 2)}${pad(month, 2)}.${pad(n, width)}`);
  });

const oldStyleId = fc
  .record({
    archive: fc.constantFrom('hep-th', 'hep-ph', 'math', 'cond-mat', 'astro-ph', 'quant-ph', 'gr-qc', 'cs'),
    year: fc.integer({ min: 1992, max: 2006 }),
    month: fc.integer({ min: 1, max: 12 }),
    n: fc.integer({ min: 1, max: 999 }),
  })
  .map(({ archive, year, month, n }) => `${archive}/${pad(year % 100, 2)}${pad(month, 2)}${pad(n, 3)}`);

const letters = fc.constantFrom(...'abcdefXYZ019éłμ$\\{}^_-:,.()'.split(''));
const word = fc.string({ unit: letters, minLength: 1, maxLength: 10 });
const space = fc.constantFrom(' ', '\n  ', '  ', '\t');
/** Words with snapshot-style line breaks between them, and the text they collapse to. */
const spacedText = fc
  .array(fc.tuple(word, space), { minLength: 1, maxLength: 8 })
  .map((parts) => ({ raw: parts.map(([w, s]) => w + s).join(''), text: parts.map(([w]) => w).join(' ') }));
const name = fc.string({ unit: fc.constantFrom(...'AĆŁabcłóźz.-'.split('')), minLength: 1, maxLength: 8 });
const category = fc.constantFrom('cs.LG', 'cs.CL', 'hep-th', 'math.AG', 'cond-mat.mes-hall', 'q-bio.NC', 'stat.ML');
const instant = fc.date({
  min: new Date('1991-08-01T00:00:00Z'),
  max: new Date('2030-12-31T23:59:59Z'),
  noInvalidDate: true,
});

const generatedRecord = fc.record({
  id: fc.oneof(newStyleId, oldStyleId),
  title: spacedText,
  abstract: fc.option(spacedText, { nil: undefined }),
  authors: fc.array(
    fc.record({ first: fc.option(name, { nil: '' }), last: name, suffix: fc.option(name, { nil: '' }) }),
    {
      minLength: 1,
      maxLength: 5,
    },
  ),
  categories: fc.uniqueArray(category, { minLength: 1, maxLength: 3 }),
  versions: fc.array(instant, { minLength: 1, maxLength: 4 }),
  update: fc.option(instant, { nil: null }),
  doi: fc.option(fc.tuple(fc.integer({ min: 1000, max: 99999 }), word), { nil: null }),
  journalRef: fc.option(spacedText, { nil: null }),
  comments: fc.option(spacedText, { nil: null }),
  unpaddedDays: fc.boolean(),
});

type Generated = typeof generatedRecord extends fc.Arbitrary<infer T> ? T : never;

/** `Mon, 02 Apr 2007 …` as toUTCString writes it, or `Mon, 2 Apr 2007 …` as the snapshot does. */
const created = (date: Date, unpadded: boolean) =>
  unpadded ? date.toUTCString().replace(/, 0(\d)/, ', $1') : date.toUTCString();

function renderLine(record: Generated): string {
  return JSON.stringify({
    id: record.id,
    submitter: 'Someone',
    authors: record.authors.map((a) => `${a.first} ${a.last}`).join(', '),
    title: record.title.raw,
    comments: record.comments?.raw ?? null,
    'journal-ref': record.journalRef?.raw ?? null,
    doi: record.doi && `10.${record.doi[0]}/${record.doi[1]}`,
    'report-no': null,
    categories: record.categories.join(' '),
    license: null,
    abstract: record.abstract && `  ${record.abstract.raw}\n`,
    versions: record.versions.map((date, i) => ({ version: `v${i + 1}`, created: created(date, record.unpaddedDays) })),
    update_date: record.update?.toISOString().slice(0, 10) ?? null,
    authors_parsed: record.authors.map((a) => [a.last, a.first, a.suffix]),
  });
}

function expectedPaper(record: Generated): IncomingPaper {
  return {
    arxivId: record.id,
    version: record.versions.length,
    doi: record.doi && `10.${record.doi[0]}/${record.doi[1]}`.toLowerCase(),
    title: record.title.text,
    authors: record.authors.map((a) => [a.first, a.last, a.suffix].filter(Boolean).join(' ')),
    abstract: record.abstract?.text ?? '',
    primaryCategory: record.categories[0]!,
    categories: record.categories,
    date: record.versions[0]!.toISOString().slice(0, 10),
    updated: record.update?.toISOString().slice(0, 10) ?? null,
    journalRef: record.journalRef?.text ?? null,
    comments: record.comments?.text ?? null,
  };
}

describe('snapshot reading properties', () => {
  it('reads any record written as a snapshot line back as the paper it describes', async () => {
    await fc.assert(
      fc.asyncProperty(generatedRecord, async (record) => {
        expect(await papersOf(`${renderLine(record)}\n`)).toEqual([expectedPaper(record)]);
      }),
    );
  });

  const tricky = utf8(
    `\r\n${SAMPLE_LINES.slice(0, 4).join('\r\n')}\n\n${sampleRecord(4, { title: 'Ünïcödé — 𝜇 ✓ 日本語' })}\n${SAMPLE_LINES.slice(5).join('\n')}`,
  );
  const broken = new Uint8Array([...SAMPLE.subarray(0, 2_000), 0xf0, 0x9f, 0x98, ...SAMPLE.subarray(2_000)]);

  it.each([
    ['a readable file', tricky],
    ['a file with invalid UTF-8', broken],
  ])('gives the same result for %s however the stream is cut', async (_case, bytes) => {
    const whole = await readArxivJsonl(streamOf(bytes), { keep: keepAll });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 40 }), async (cuts) => {
        expect(await readArxivJsonl(streamOf(bytes, cuts), { keep: keepAll })).toEqual(whole);
      }),
    );
  });

  const validOrRejected = (result: Awaited<ReturnType<typeof readArxivJsonl>>) =>
    result.ok
      ? result.papers.every((paper) => IncomingPaperSchema.safeParse(paper).success)
      : typeof result.error === 'string' && result.error.length > 0;

  it('never throws on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), fc.array(fc.nat(2_000)), async (bytes, cuts) => {
        expect(validOrRejected(await readArxivJsonl(streamOf(bytes, cuts), { keep: keepAll }))).toBe(true);
      }),
    );
  });

  it('never throws on lines of random JSON mixed with records', async () => {
    const line = fc.oneof(fc.json(), generatedRecord.map(renderLine), fc.constantFrom('', '\r', '{', '[]', 'null'));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 10 }), async (lines) => {
        expect(validOrRejected(await read(lines.join('\n')))).toBe(true);
      }),
    );
  });
});
