import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeBibtex } from '../../../lib/export/bibtex';
import { type IncomingPaper, IncomingPaperSchema } from '../../../lib/library/incoming';
import { parseBibtexLibrary } from '../../../lib/library/sources/bibtex';

const SAMPLE = readFileSync(new URL('../../fixtures/library/sample.bib', import.meta.url), 'utf8');

function papersOf(text: string): IncomingPaper[] {
  const result = parseBibtexLibrary(text);
  if (!result.ok) throw new Error(result.error);
  return result.papers;
}

/** The one paper an entry with these fields gives (title, author and year filled in unless given). */
function paperOf(fields: string): IncomingPaper | undefined {
  const defaults = ['title', 'author', 'year']
    .filter((name) => !new RegExp(`(?:^|,)\\s*${name}\\s*=`).test(fields))
    .map((name) => ({ title: 'title = {T}', author: 'author = {Ludziejewski, Jan}', year: 'year = {2024}' })[name]);
  return papersOf(`@misc{key,\n${[...defaults, fields].join(',\n')}\n}`)[0];
}

function skippedOf(text: string) {
  const result = parseBibtexLibrary(text);
  if (!result.ok) throw new Error(result.error);
  return result.skipped;
}

function errorOf(text: string): string | null {
  const result = parseBibtexLibrary(text);
  return result.ok ? null : result.error;
}

const SCALING_AUTHORS = [
  'Jakub Krajewski',
  'Jan Ludziejewski',
  'Kamil Adamczewski',
  'Maciej Pióro',
  'Michał Krutul',
  'Szymon Antoniak',
  'Kamil Ciebiera',
  'Krystian Król',
  'Tomasz Odrzygóźdź',
  'Piotr Sankowski',
  'Marek Cygan',
  'Sebastian Jaszczur',
];

describe('reading a BibTeX library', () => {
  const result = parseBibtexLibrary(SAMPLE);
  const papers = result.ok ? result.papers : [];
  const byKey = (id: string) => papers.find((paper) => paper.arxivId === id || paper.doi === id);

  it('reads the papers with an arXiv id or DOI and skips the others with a reason', () => {
    expect(result.ok).toBe(true);
    expect(papers.map((paper) => paper.arxivId ?? paper.doi)).toEqual([
      '2402.07871',
      '2310.15961',
      '2508.09752',
      '2506.10910',
      '2506.22255',
      'hep-th/9711200',
      '10.1002/j.1538-7305.1948.tb01338.x',
    ]);
    expect(result.ok && result.skipped).toEqual([
      { key: 'knuth1984texbook', reason: 'has neither an arXiv id nor a DOI (eprint, url or doi)' },
      { key: 'pioro2024moemamba', reason: 'has no year' },
    ]);
  });

  it('reads a reference manager’s entry in full', () => {
    expect(byKey('2402.07871')).toEqual({
      arxivId: '2402.07871',
      version: 2,
      doi: null,
      title: 'Scaling Laws for Fine-Grained Mixture of Experts',
      authors: SCALING_AUTHORS,
      abstract: '',
      primaryCategory: 'cs.LG',
      categories: ['cs.LG'],
      date: '2024-07-01',
      updated: null,
      journalRef: 'Proceedings of the 41st International Conference on Machine Learning',
      comments: null,
    } satisfies IncomingPaper);
  });

  it.each([
    [
      '2310.15961',
      { version: null, date: '2023-01-01', journalRef: null, title: expect.stringMatching(/^Mixture of Tokens/) },
    ],
    ['2508.09752', { version: 1, date: '2025-08-01', title: 'μ-Parametrization for Mixture of Experts' }],
    [
      '2506.10910',
      {
        doi: '10.48550/arxiv.2506.10910',
        authors: [
          'Mistral-AI',
          'Abhinav Rastogi',
          'Albert Q. Jiang',
          'Andy Lo',
          'Gabrielle Berrada',
          'Guillaume Lample',
        ],
      },
    ],
    [
      '2506.22255',
      {
        date: '2025-06-27',
        title: 'Projected Compression: Trainable Projection for Efficient Transformer Compression',
      },
    ],
    [
      'hep-th/9711200',
      {
        doi: '10.1023/a:1026654312961',
        authors: ['Juan Martin Maldacena'],
        date: '1998-01-01',
        journalRef: 'Adv. Theor. Math. Phys.',
      },
    ],
    ['10.1002/j.1538-7305.1948.tb01338.x', { arxivId: null, authors: ['C. E. Shannon'], date: '1948-07-01' }],
  ])('reads %s', (id, expected) => {
    expect(byKey(id)).toMatchObject(expected);
  });
});

describe('arXiv ids and DOIs in BibTeX', () => {
  it.each([
    ['eprint = {2402.07871}, archivePrefix = {arXiv}', '2402.07871', null],
    ['eprint = {arXiv:2402.07871v3}', '2402.07871', 3],
    ['eprint = {2402.07871}, eprinttype = {arxiv}', '2402.07871', null],
    ['eprint = {2402.07871}', '2402.07871', null],
    ['eprint = {hep-th/9901001v2}, archivePrefix = "arXiv"', 'hep-th/9901001', 2],
    ['journal = {arXiv preprint arXiv:2402.07871}', '2402.07871', null],
    ['journal = {ArXiv}, howpublished = {arXiv: 2310.15961v1}', '2310.15961', 1],
    ['url = {https://arxiv.org/abs/2402.07871v2}', '2402.07871', 2],
    ['url = {https://arxiv.org/pdf/2402.07871.pdf}', '2402.07871', null],
    ['url = {http://export.arxiv.org/abs/hep-th/9901001}', 'hep-th/9901001', null],
    ['url = {https://www.alphaxiv.org/abs/2402.07871}', '2402.07871', null],
    ['doi = {10.48550/arXiv.2402.07871}', '2402.07871', null],
    ['doi = {https://doi.org/10.48550/ARXIV.2310.15961}', '2310.15961', null],
  ])('finds the arXiv id in %s', (fields, id, version) => {
    expect(paperOf(fields)).toMatchObject({ arxivId: id, version });
  });

  it.each([
    ['doi = {10.1000/XYZ.123}', '10.1000/xyz.123'],
    ['doi = {https://doi.org/10.1000/xyz}', '10.1000/xyz'],
    ['doi = {http://dx.doi.org/10.1000/xyz}', '10.1000/xyz'],
    ['doi = {doi:10.1000/xyz}', '10.1000/xyz'],
  ])('reads the DOI in %s', (fields, doi) => {
    expect(paperOf(fields)).toMatchObject({ arxivId: null, doi });
  });

  it.each([
    'eprint = {2402.07871}, archivePrefix = {HAL}',
    'eprint = {12345678}, eprinttype = {pubmed}',
    'journal = {Journal of 2402.07871 Studies}',
    'url = {https://example.com/abs/2402.07871}',
    'eprint = {2402.7871}',
  ])('skips an entry whose only id is not arXiv’s: %s', (fields) => {
    expect(skippedOf(`@misc{key, title = {T}, author = {A B}, year = 2024, ${fields}}`)).toEqual([
      { key: 'key', reason: 'has neither an arXiv id nor a DOI (eprint, url or doi)' },
    ]);
  });
});

describe('dates, titles and names in BibTeX', () => {
  it.each([
    ['year = {2024}', '2024-01-01'],
    ['year = 2024, month = feb', '2024-02-01'],
    ['year = 2024, month = {February}', '2024-02-01'],
    ['year = 2024, month = {Sept.}', '2024-09-01'],
    ['year = 2024, month = {11}', '2024-11-01'],
    ['year = 2024, month = {Spring}', '2024-01-01'],
    ['year = {2024a}', '2024-01-01'],
    ['date = {2025-06-27}', '2025-06-27'],
    ['date = {2025-06}', '2025-06-01'],
    ['date = {2025-06-27/2025-07-01}, year = {1999}', '2025-06-27'],
  ])('dates %s as %s', (fields, date) => {
    expect(paperOf(`eprint = {2402.07871}, ${fields}`)?.date).toBe(date);
  });

  it.each([
    ['{{$\\mu$}-Parametrization for Mixture of Experts}', 'μ-Parametrization for Mixture of Experts'],
    ['{The {BERT} Model: \\emph{Deep} and \\textbf{Bold}}', 'The BERT Model: Deep and Bold'],
    ['{68.4\\% win rate \\& more}', '68.4% win rate & more'],
    ["{Caf{\\'e} na {\\l}{\\k{a}}ce}", 'Café na łące'],
    ['{  Spread\n   over   lines }', 'Spread over lines'],
    ['{H$_2$O and \\LaTeX{} in \\url{https://x.org}}', 'H₂O and LᴬTEX in https://x.org'],
    ['"Quoted {Title}"', 'Quoted Title'],
  ])('turns the title %s into text', (title, text) => {
    expect(paperOf(`eprint = {2402.07871}, title = ${title}`)?.title).toBe(text);
  });

  it.each([
    ['Ludziejewski, Jan', ['Jan Ludziejewski']],
    ["Jan Ludziejewski and Maciej Pi{\\'o}ro", ['Jan Ludziejewski', 'Maciej Pióro']],
    ['van der Berg, Jr., John and de la Cruz, Maria', ['John van der Berg Jr.', 'Maria de la Cruz']],
    ['{Mistral-AI} and {Barnes and Noble, Inc.}', ['Mistral-AI', 'Barnes and Noble, Inc.']],
    ['Lample, Guillaume and others', ['Guillaume Lample']],
  ])('writes the authors %s first name first', (author, authors) => {
    expect(paperOf(`eprint = {2402.07871}, author = {${author}}`)?.authors).toEqual(authors);
  });
});

describe('BibTeX problems', () => {
  it('fails on a syntax error, naming its line', () => {
    const text = `${SAMPLE.split('@article{antoniak2023mixture')[0]}@misc{broken, title = {x} year = 2020}\n`;
    expect(errorOf(text)).toMatch(
      /^line \d+: the BibTeX is broken in an @misc entry \(Token mismatch.*\); check the braces/,
    );
    expect(errorOf('@article{x,\n  title = {Unclosed,\n  year = 2024\n')).toMatch(/^line 4: /);
  });

  it.each([
    ['an empty file', ''],
    ['plain text', 'Just some notes about papers.\nNothing else.'],
    ['only comments and strings', '@comment{nothing here}\n@string{icml = "ICML"}\n@preamble{"x"}'],
  ])('says %s has no BibTeX entries', (_case, text) => {
    expect(errorOf(text)).toBe('the file has no BibTeX entries; choose a .bib file exported from a reference manager');
  });

  it.each([
    ['no title', '@misc{notitle, author = {A B}, year = 2024, eprint = {2402.07871}}', 'has no title'],
    ['no authors', '@misc{noauthor, title = {T}, year = 2024, eprint = {2402.07871}}', 'has no authors'],
    [
      'a bad DOI',
      '@misc{baddoi, title = {T}, author = {A B}, year = 2024, doi = {xyz}}',
      'doi must be a DOI like 10.1000/xyz',
    ],
    [
      'an impossible date',
      '@misc{baddate, title = {T}, author = {A B}, date = {2024-02-30}, doi = {10.1000/x}}',
      'date is invalid (Invalid ISO date)',
    ],
    [
      'unreadable LaTeX',
      '@misc{badtex, title = {\\newcommand}, author = {A B}, year = 2024, doi = {10.1000/x}}',
      'its LaTeX could not be read (missing name for \\newcommand)',
    ],
  ])('skips an entry with %s, naming its key', (_case, text, reason) => {
    const key = /\{(\w+),/.exec(text)![1]!;
    expect(
      parseBibtexLibrary(`${text}\n@misc{fine, title = {T}, author = {A B}, year = 2024, eprint = {2402.07871}}`),
    ).toMatchObject({
      ok: true,
      papers: [{ arxivId: '2402.07871' }],
      skipped: [{ key, reason }],
    });
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
    archive: fc.constantFrom('hep-th', 'math', 'cond-mat', 'quant-ph'),
    year: fc.integer({ min: 1992, max: 2006 }),
    month: fc.integer({ min: 1, max: 12 }),
    n: fc.integer({ min: 1, max: 999 }),
  })
  .map(({ archive, year, month, n }) => `${archive}/${pad(year % 100, 2)}${pad(month, 2)}${pad(n, 3)}`);

// No `<` or `>`: the parser renders markup as HTML tags, so a title spelling one out would lose it.
const titleChar = fc.constantFrom(...'abcxyzABCXYZ0189éłóμ&%$#_^~:,.;!?()[]/+=*@'.split(''));
const word = fc.string({ unit: titleChar, minLength: 1, maxLength: 8 });
const title = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
const namePart = fc
  .tuple(
    fc.constantFrom(...'ABCJKMŁŚŻ'.split('')),
    fc.string({ unit: fc.constantFrom(...'aeiklnoróźćń'.split('')), minLength: 1, maxLength: 8 }),
  )
  .map(([head, tail]) => head + tail);
const author = fc.oneof(
  fc.record({ kind: fc.constant('person' as const), first: namePart, last: namePart, inverted: fc.boolean() }),
  fc.record({
    kind: fc.constant('literal' as const),
    name: fc.array(namePart, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' ')),
  }),
);
type Author = typeof author extends fc.Arbitrary<infer T> ? T : never;

const bibtexAuthor = (a: Author) =>
  a.kind === 'literal' ? `{${a.name}}` : a.inverted ? `${a.last}, ${a.first}` : `${a.first} ${a.last}`;
const writtenAuthor = (a: Author) => (a.kind === 'literal' ? a.name : `${a.first} ${a.last}`);

/** Every way an entry can name its arXiv id, with a version where the shape carries one. */
const ID_SHAPES: ((id: string, version: number) => string)[] = [
  (id, v) => `eprint = {${id}v${v}}, archivePrefix = {arXiv}`,
  (id) => `eprint = {arXiv:${id}}`,
  (id) => `journal = {arXiv preprint arXiv:${id}}`,
  (id, v) => `url = {https://arxiv.org/abs/${id}v${v}}`,
  (id) => `doi = {10.48550/arXiv.${id}}`,
];

describe('BibTeX properties', () => {
  it('reads any generated entry back with its id, title, authors and year', () => {
    fc.assert(
      fc.property(
        fc.oneof(newStyleId, oldStyleId),
        fc.integer({ min: 1, max: 9 }),
        fc.nat(ID_SHAPES.length - 1),
        title,
        fc.array(author, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1991, max: 2030 }),
        (id, version, shape, text, authors, year) => {
          const bib = `@article{k${year},\n  title = {${escapeBibtex(text)}},\n  author = {${authors.map(bibtexAuthor).join(' and ')}},\n  year = {${year}},\n  ${ID_SHAPES[shape]!(id, version)}\n}\n`;
          const [paper] = papersOf(bib);
          expect(paper).toMatchObject({
            arxivId: id,
            title: text,
            authors: authors.map(writtenAuthor),
            date: `${year}-01-01`,
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  const bibtexish = fc
    .array(
      fc.oneof(
        fc.string(),
        fc.constantFrom(
          '@article{',
          '@misc{k,',
          '}',
          '{',
          '"',
          ',',
          '=',
          'title',
          'year = 2024',
          'eprint = {2402.07871}',
          '\\',
          '\\emph{',
          '$',
          '%',
          '\n',
          '#',
          'author = {A and B}',
          '@string{',
          '@comment',
        ),
      ),
      { maxLength: 20 },
    )
    .map((parts) => parts.join(''));

  it('never throws on random text, and gives only valid papers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), bibtexish), (text) => {
        const result = parseBibtexLibrary(text);
        if (result.ok) expect(result.papers.every((paper) => IncomingPaperSchema.safeParse(paper).success)).toBe(true);
        else expect(result.error).toMatch(/\S/);
      }),
      { numRuns: 300 },
    );
  });
});
