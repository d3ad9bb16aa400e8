import { type Creator, parse } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citationKeys, escapeBibtex, toBibtex } from '../../../lib/export/bibtex';
import { libraryPapers } from '../../helpers/db';
import { entry, HOSTILE_TITLE, papersById, savedList } from '../../helpers/reading-list';

/** Parses as Better BibTeX does for Zotero, without sentence-casing titles. */
function parseBib(text: string) {
  return parse(text, { english: false });
}

function creatorName(creator: Creator): string {
  return creator.name ?? [creator.firstName, creator.prefix, creator.lastName].filter(Boolean).join(' ');
}

/** `$\mu$` parses back as the mathematical italic `𝜇`; compatibility normalization makes it `μ` again. */
const nfkc = (text: string | undefined) => text?.normalize('NFKC');

describe('BibTeX export', () => {
  const bib = toBibtex(savedList, papersById);
  const library = parseBib(bib);
  const byEprint = new Map(library.entries.map((parsed) => [parsed.fields.eprint, parsed]));

  it('parses without errors into one @misc per saved paper', () => {
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(savedList.length);
    expect(new Set(library.entries.map((parsed) => parsed.type))).toEqual(new Set(['misc']));
  });

  it.each(libraryPapers.map((paper) => [paper.id, paper] as const))(
    'keeps every field of corpus paper %s',
    (id, paper) => {
      const parsed = byEprint.get(id);
      expect(nfkc(parsed?.fields.title)).toBe(nfkc(paper.displayTitle));
      expect(parsed?.fields.author?.map(creatorName)).toEqual([
        ...paper.authors,
        ...(paper.authorsTruncated ? ['others'] : []),
      ]);
      expect(parsed?.fields).toMatchObject({
        year: String(paper.year),
        eprint: id,
        archiveprefix: 'arXiv',
        primaryclass: paper.primaryCategory,
        url: `https://arxiv.org/abs/${id}`,
      });
    },
  );

  it('keeps diacritics in names as UTF-8', () => {
    expect(bib).toContain('Maciej Pióro');
    expect(byEprint.get('2402.07871')?.fields.author?.map(creatorName)).toContain('Tomasz Odrzygóźdź');
  });

  it('writes a corpus title’s math as LaTeX math and braces words with inner capitals', () => {
    expect(bib).toContain('title = {{$\\mu$}-Parametrization for Mixture of Experts}');
    expect(bib).toContain('title = {{MoE-Mamba:} Efficient Selective State Space Models with Mixture of Experts}');
    expect(bib).toContain('title = {Voxtral {TTS}}');
  });

  it('keeps a hostile title literal, with no author and the year from the id', () => {
    const parsed = byEprint.get('2604.00001');
    expect(parsed?.fields.title).toBe(HOSTILE_TITLE);
    expect(parsed?.fields.author).toBeUndefined();
    expect(parsed?.fields).toMatchObject({ year: '2026', archiveprefix: 'arXiv' });
    expect(parsed?.fields.primaryclass).toBeUndefined();
  });

  it('turns tags into keywords and the note into annote', () => {
    const parsed = byEprint.get('2604.00001');
    expect(parsed?.fields.keywords).toEqual(['=cmd', 'evil tag', 'to cite']);
    expect(parsed?.fields.annote).toContain('50% & {braces}');
    expect(parsed?.fields.annote).toContain('<script>alert(1)</script>');
  });

  it('exports an old-style id with its archive as primary class', () => {
    expect(byEprint.get('hep-th/9901001')?.fields).toMatchObject({
      year: '1999',
      primaryclass: 'hep-th',
      url: 'https://arxiv.org/abs/hep-th/9901001',
    });
  });

  it.each([
    ['100% & more', '100\\% \\& more'],
    ['$x_1$ #2', '\\$x\\_1\\$ \\#2'],
    ['{a}', '\\textbraceleft{}a\\textbraceright{}'],
    ['a\\b ~ ^', 'a\\textbackslash{}b \\textasciitilde{} \\textasciicircum{}'],
  ])('escapes %j as %j', (input, escaped) => {
    expect(escapeBibtex(input)).toBe(escaped);
  });

  it('round-trips any title a page could give', () => {
    // The parser reads TeX ligatures (`--`, ``` `` ```, `?``, `,,`) as typography, as TeX would; a page title
    // rarely has them, so they are left out here rather than spelled in braces.
    const title = fc
      .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 })
      .map((text) => text.replace(/\s+/g, ' ').trim())
      .filter((text) => text.length > 0 && !/--|``|''|[?!]`|,,/.test(text));
    fc.assert(
      fc.property(title, (text) => {
        const parsed = parseBib(toBibtex([entry({ id: '2604.00002', title: text })], papersById));
        expect(parsed.errors).toEqual([]);
        expect(parsed.entries[0]?.fields.title).toBe(text);
      }),
    );
  });
});

describe('citation keys', () => {
  const keys = citationKeys(savedList, papersById);

  it.each([
    ['2402.07871', 'krajewski2024scaling'],
    ['2502.05172', 'ludziejewski2025joint'],
    ['2508.09752', 'malasnicki2025mu'],
    ['2506.10910', 'mistralai2025magistral'],
    ['2602.11298', 'liu2026voxtral'],
    ['2603.25551', 'liu2026voxtrala'],
    ['2604.00001', 'arxiv2604_00001'],
    ['hep-th/9901001', 'arxivhep_th_9901001'],
  ])('gives %s the key %s', (id, key) => {
    expect(keys.get(id)).toBe(key);
  });

  it('gives every entry a different key', () => {
    expect(new Set(keys.values()).size).toBe(savedList.length);
  });

  it('gives the same keys whatever order the list comes in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(savedList, { minLength: savedList.length }), (shuffled) => {
        expect(citationKeys(shuffled, papersById)).toEqual(keys);
      }),
      { numRuns: 20 },
    );
  });

  it('tells colliding keys apart in id order', () => {
    const same = { title: 'Scaling up', savedAt: '2026-01-01T00:00:00.000Z' };
    const twins = [entry({ id: '2402.00003', ...same }), entry({ id: '2402.00001', ...same })];
    const authored = new Map(
      twins.map((twin) => [twin.id, { ...libraryPapers[0]!, id: twin.id, title: 'Scaling up', year: 2024 }]),
    );
    expect(Object.fromEntries(citationKeys(twins, authored))).toEqual({
      '2402.00001': 'liu2024scaling',
      '2402.00003': 'liu2024scalinga',
    });
  });
});
