import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type IncomingPaper, IncomingPaperSchema } from '../../../lib/library/incoming';
import { parseArxivAtom } from '../../../lib/library/sources/arxiv-atom';

const FIXTURES = ['ludziejewski-page1', 'ludziejewski-page2', 'pioro-page1', 'empty', 'error', 'truncated'] as const;
const fixture = (name: (typeof FIXTURES)[number]) =>
  readFileSync(new URL(`../../fixtures/arxiv-api/${name}.xml`, import.meta.url), 'utf8');
const corpus: { papers: { id: string; title: string; abstract: string; primaryCategory: string; date: string }[] } =
  JSON.parse(readFileSync(new URL('../../../data/corpus.json', import.meta.url), 'utf8'));

/** Papers of an answer that must have parsed. */
function papersOf(xml: string): IncomingPaper[] {
  const result = parseArxivAtom(xml);
  if (!result.ok) throw new Error(result.error);
  return result.papers;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Test-only renderer: one paper as an entry of arXiv's Atom answer (compact layout). */
function renderEntry(paper: IncomingPaper): string {
  return [
    '<entry>',
    `<id>http://arxiv.org/abs/${paper.arxivId}${paper.version ? `v${paper.version}` : ''}</id>`,
    `<published>${paper.date}T12:00:00Z</published>`,
    paper.updated ? `<updated>${paper.updated}T08:30:00-04:00</updated>` : '',
    `<title>${escapeXml(paper.title)}</title>`,
    `<summary>${escapeXml(paper.abstract)}</summary>`,
    ...paper.authors.map((name) => `<author><name>${escapeXml(name)}</name></author>`),
    paper.doi ? `<arxiv:doi>${escapeXml(paper.doi)}</arxiv:doi>` : '',
    paper.journalRef ? `<arxiv:journal_ref>${escapeXml(paper.journalRef)}</arxiv:journal_ref>` : '',
    paper.comments ? `<arxiv:comment>${escapeXml(paper.comments)}</arxiv:comment>` : '',
    paper.primaryCategory ? `<arxiv:primary_category term="${paper.primaryCategory}"/>` : '',
    ...paper.categories.map((term) => `<category term="${term}" scheme="http://arxiv.org/schemas/atom"/>`),
    '</entry>',
  ].join('\n');
}

function renderFeed(entries: string[], total = entries.length): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">',
    `<opensearch:totalResults>${total}</opensearch:totalResults>`,
    '<opensearch:startIndex>0</opensearch:startIndex>',
    `<opensearch:itemsPerPage>${Math.max(entries.length, 1)}</opensearch:itemsPerPage>`,
    ...entries,
    '</feed>',
  ].join('\n');
}

/** An entry in the test renderer's shape with fields replaced (raw strings, so broken values can be written). */
function entryWith(fields: Record<string, string>): string {
  const base: Record<string, string> = {
    id: '<id>http://arxiv.org/abs/2402.07871v2</id>',
    published: '<published>2024-02-12T18:33:47Z</published>',
    title: '<title>Scaling Laws for Fine-Grained Mixture of Experts</title>',
    author: '<author><name>Jakub Krajewski</name></author>',
    summary: '<summary>Abstract.</summary>',
  };
  return `<entry>${Object.values({ ...base, ...fields }).join('')}</entry>`;
}

describe('parseArxivAtom on the recorded answers', () => {
  it('reads page 1 of Jan Ludziejewski: counts, the 10 newest papers in order, versions', () => {
    const result = parseArxivAtom(fixture('ludziejewski-page1'));
    expect(result).toMatchObject({ ok: true, total: 13, startIndex: 0, itemsPerPage: 10 });
    const papers = papersOf(fixture('ludziejewski-page1'));
    expect(papers.map((paper) => `${paper.arxivId}v${paper.version}`)).toEqual([
      '2603.25551v1',
      '2602.11298v1',
      '2601.08584v1',
      '2509.25193v1',
      '2508.09752v1',
      '2507.13264v2',
      '2507.03526v1',
      '2506.22255v1',
      '2506.10910v1',
      '2502.05172v2',
    ]);
  });

  it('reads every field of an entry with many authors, several categories and a second version', () => {
    const voxtral = papersOf(fixture('ludziejewski-page1')).find((paper) => paper.arxivId === '2507.13264');
    expect(voxtral).toEqual({
      arxivId: '2507.13264',
      version: 2,
      doi: null,
      title: 'Voxtral',
      authors: ['Alexander H. Liu', 'Andy Ehrenberg', 'Andy Lo', 'Jan Ludziejewski'],
      abstract: corpus.papers.find((paper) => paper.id === '2507.13264')?.abstract,
      primaryCategory: 'cs.SD',
      categories: ['cs.SD', 'cs.AI', 'cs.CL', 'eess.AS'],
      date: '2025-07-17',
      updated: '2025-07-22',
      journalRef: null,
      comments: null,
    });
  });

  it('reads page 2: the DOI (lowercased), journal reference and comment of 2402.07871', () => {
    const result = parseArxivAtom(fixture('ludziejewski-page2'));
    expect(result).toMatchObject({ ok: true, total: 13, startIndex: 10, itemsPerPage: 10 });
    const papers = papersOf(fixture('ludziejewski-page2'));
    expect(papers.map((paper) => paper.arxivId)).toEqual(['2402.07871', '2401.04081', '2310.15961']);
    expect(papers[0]).toMatchObject({
      version: 2,
      doi: '10.48550/arxiv.2402.07871',
      journalRef: 'Proceedings of the 41st International Conference on Machine Learning, PMLR 235, 2024',
      comments: 'ICML 2024',
      date: '2024-02-12',
      updated: '2024-06-04',
      authors: expect.arrayContaining(['Maciej Pióro', 'Tomasz Odrzygóźdź']),
    });
    expect(papers[0]?.authors).toHaveLength(12);
  });

  it('agrees with the bundled corpus on every title, abstract (whitespace collapsed) and primary category', () => {
    const papers = [...papersOf(fixture('ludziejewski-page1')), ...papersOf(fixture('ludziejewski-page2'))];
    expect(papers).toHaveLength(13);
    for (const paper of papers) {
      const known = corpus.papers.find((entry) => entry.id === paper.arxivId);
      expect(paper.title).toBe(known?.title);
      expect(paper.abstract).toBe(known?.abstract);
      expect(paper.primaryCategory).toBe(known?.primaryCategory);
      expect(paper.categories[0]).toBe(known?.primaryCategory);
      expect(paper.authors).toContain('Jan Ludziejewski');
    }
  });

  it('reads the compact layout arXiv sends today (Maciej Pióro, namespaces declared once)', () => {
    const result = parseArxivAtom(fixture('pioro-page1'));
    expect(result).toMatchObject({ ok: true, total: 4, startIndex: 0, itemsPerPage: 10 });
    const papers = papersOf(fixture('pioro-page1'));
    expect(papers.map((paper) => paper.arxivId)).toEqual(['2502.05172', '2405.17234', '2405.04312', '2401.04081']);
    expect(papers.every((paper) => paper.authors.includes('Maciej Pióro'))).toBe(true);
    expect(papers[2]).toMatchObject({ version: 2, comments: '8 pages, 3 figures', categories: ['cs.CL', 'cs.LG'] });
    expect(papers[1]).toMatchObject({
      primaryCategory: 'cs.LG',
      categories: ['cs.LG', 'stat.ML'],
      updated: '2024-05-27',
    });
  });

  it('reads an answer with no results as ok with no papers', () => {
    expect(parseArxivAtom(fixture('empty'))).toEqual({
      ok: true,
      papers: [],
      total: 0,
      startIndex: 0,
      itemsPerPage: 10,
    });
  });

  it("reports arXiv's error feed with arXiv's own message", () => {
    expect(parseArxivAtom(fixture('error'))).toEqual({
      ok: false,
      error: 'arXiv answered with an error: start must be non-negative',
    });
  });

  it('reports an answer cut off in the middle of an entry', () => {
    expect(parseArxivAtom(fixture('truncated'))).toEqual({
      ok: false,
      error: "arXiv's answer is cut off or is not an Atom feed (it does not end with </feed>)",
    });
  });
});

describe('parseArxivAtom on the manual’s examples and edge cases', () => {
  it('reads the user manual’s typical response (old-style id without a version, journal ref, comment)', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1000</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:itemsPerPage>
  <entry xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
    <id xmlns="http://www.w3.org/2005/Atom">http://arxiv.org/abs/hep-ex/0307015</id>
    <published xmlns="http://www.w3.org/2005/Atom">2003-07-07T13:46:39-04:00</published>
    <updated xmlns="http://www.w3.org/2005/Atom">2003-07-07T13:46:39-04:00</updated>
    <title xmlns="http://www.w3.org/2005/Atom">Multi-Electron Production at High Transverse Momenta in ep Collisions at
  HERA</title>
    <summary xmlns="http://www.w3.org/2005/Atom">  Multi-electron production is studied at high electron transverse momentum in
positron- and electron-proton collisions using the H1 detector at HERA.
</summary>
    <author xmlns="http://www.w3.org/2005/Atom">
      <name xmlns="http://www.w3.org/2005/Atom">H1 Collaboration</name>
    </author>
    <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">23 pages, 8 figures and 4 tables</arxiv:comment>
    <arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">Eur.Phys.J. C31 (2003) 17-29</arxiv:journal_ref>
    <link xmlns="http://www.w3.org/2005/Atom" href="http://arxiv.org/abs/hep-ex/0307015v1" rel="alternate" type="text/html"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="hep-ex" scheme="http://arxiv.org/schemas/atom"/>
    <category term="hep-ex" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
</feed>`;
    expect(parseArxivAtom(xml)).toEqual({
      ok: true,
      total: 1000,
      startIndex: 0,
      itemsPerPage: 1,
      papers: [
        {
          arxivId: 'hep-ex/0307015',
          version: null,
          doi: null,
          title: 'Multi-Electron Production at High Transverse Momenta in ep Collisions at HERA',
          authors: ['H1 Collaboration'],
          abstract:
            'Multi-electron production is studied at high electron transverse momentum in positron- and electron-proton collisions using the H1 detector at HERA.',
          primaryCategory: 'hep-ex',
          categories: ['hep-ex'],
          date: '2003-07-07',
          updated: '2003-07-07',
          journalRef: 'Eur.Phys.J. C31 (2003) 17-29',
          comments: '23 pages, 8 figures and 4 tables',
        },
      ],
    });
  });

  it.each([
    ['http://arxiv.org/abs/hep-th/9901001v1', 'hep-th/9901001', 1],
    ['https://arxiv.org/abs/2402.07871v12', '2402.07871', 12],
    ['http://arxiv.org/abs/math.AG/0309136v3', 'math.AG/0309136', 3],
    ['http://arxiv.org/abs/2402.10000', '2402.10000', null],
  ])('reads the id %s as %s, version %s', (id, arxivId, version) => {
    expect(papersOf(renderFeed([entryWith({ id: `<id>${id}</id>` })]))[0]).toMatchObject({ arxivId, version });
  });

  it('keeps only arXiv categories, primary first and once, dropping ACM and MSC codes', () => {
    const categories =
      '<category term="cs.AI"/><category term="cs.LG"/><category term="I.2.6"/><category term="68T05"/>' +
      '<arxiv:primary_category term="cs.LG"/>';
    expect(papersOf(renderFeed([entryWith({ categories })]))[0]).toMatchObject({
      primaryCategory: 'cs.LG',
      categories: ['cs.LG', 'cs.AI'],
    });
  });

  it('coerces nothing: ids, titles and names that look like numbers stay text', () => {
    const fields = {
      id: '<id>http://arxiv.org/abs/2401.10000v1</id>',
      title: '<title>1e5</title>',
      author: '<author><name>007</name></author><author><name>0x10</name></author>',
    };
    const xml = renderFeed([entryWith(fields)]).replace('<opensearch:totalResults>1', '<opensearch:totalResults>0001');
    const result = parseArxivAtom(xml);
    expect(result).toMatchObject({ ok: true, total: 1 });
    expect(papersOf(xml)[0]).toMatchObject({ arxivId: '2401.10000', title: '1e5', authors: ['007', '0x10'] });
  });

  it('takes the first of two DOIs arXiv lists in one element', () => {
    const doi = '<arxiv:doi>10.1103/PhysRevD.76.013009 10.1103/PhysRevD.76.013010</arxiv:doi>';
    expect(papersOf(renderFeed([entryWith({ doi })]))[0]?.doi).toBe('10.1103/physrevd.76.013009');
  });

  it.each([
    [
      'a plain-text answer',
      'Rate exceeded.',
      `arXiv's answer is cut off or is not an Atom feed (it begins "Rate exceeded.")`,
    ],
    ['an empty answer', ' \n', "arXiv's answer is cut off or is not an Atom feed (it is empty)"],
    ['an HTML page', '<html><body>Down for maintenance</html>', '(it does not end with </feed>)'],
    ['badly nested tags', '<feed><entry></feed></entry></feed>', 'line 1: '],
    ['a feed without OpenSearch counts', '<feed><title>x</title></feed>', 'totalResults, startIndex or itemsPerPage'],
    ['a __proto__ tag', '<feed><__proto__><polluted>yes</polluted></__proto__></feed>', '__proto__'],
    ['a constructor tag', '<feed><constructor><prototype>x</prototype></constructor></feed>', 'constructor'],
  ])('reports %s as not an Atom feed, in a sentence', (_, xml, detail) => {
    const result = parseArxivAtom(xml);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^arXiv's answer is cut off or is not an Atom feed \(/);
    expect(!result.ok && result.error).toContain(detail);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [{ title: '<title>  </title>' }, "arXiv's answer has a bad entry 2 (2402.07871): title has no title"],
    [{ author: '' }, "arXiv's answer has a bad entry 2 (2402.07871): authors has no authors"],
    [{ id: '<id>http://example.org/paper/1</id>' }, 'bad entry 2 (http://example.org/paper/1): arxivId must be a bare'],
    [{ id: '' }, 'bad entry 2 (no id): arxivId must be a bare'],
    [{ published: '<published>soon</published>' }, 'bad entry 2 (2402.07871): date '],
    [{ doi: '<arxiv:doi>not-a-doi</arxiv:doi>' }, 'bad entry 2 (2402.07871): doi must be a DOI like 10.1000/xyz'],
  ])('names the entry, its id and the field of a bad entry (%o)', (fields, message) => {
    const result = parseArxivAtom(renderFeed([entryWith({}), entryWith(fields)]));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(message);
  });
});

const ALPHABET = [...'abcXYZ019 .,:;-_()[]&<>"\'$\\{}óμłü—', '\n', '\t', '  '];
const textOf = (maxLength: number) => fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength });
const category = fc.constantFrom('cs.LG', 'cs.CL', 'hep-th', 'math.AG', 'cond-mat.str-el', 'stat.ML', 'eess.AS');
const day = fc
  .date({ min: new Date('1991-08-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const arxivId = fc.oneof(
  fc.tuple(fc.nat(9999), fc.nat(99999)).map(([a, b]) => `${String(a).padStart(4, '0')}.${String(b).padStart(5, '0')}`),
  fc
    .tuple(fc.constantFrom('hep-th', 'math', 'cond-mat', 'q-bio'), fc.nat(9_999_999))
    .map(([archive, n]) => `${archive}/${String(n).padStart(7, '0')}`),
);
const doi = fc
  .tuple(fc.integer({ min: 1000, max: 999_999 }), fc.stringMatching(/^[a-z0-9.()/-]{1,16}$/))
  .map(([registrant, suffix]) => `10.${registrant}/${suffix}`);

/** A paper as the parser gives it back: schema output, primary category first, empty optional text as null. */
function canonical(raw: Record<string, unknown> & { primaryCategory: string | null; categories: string[] }) {
  const categories = [...new Set([...(raw.primaryCategory ? [raw.primaryCategory] : []), ...raw.categories])];
  const parsed = IncomingPaperSchema.safeParse({ ...raw, categories });
  if (!parsed.success) return null;
  return { ...parsed.data, journalRef: parsed.data.journalRef || null, comments: parsed.data.comments || null };
}

const paper = fc
  .record({
    arxivId,
    version: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
    doi: fc.option(doi, { nil: null }),
    title: textOf(60),
    authors: fc.array(textOf(20), { minLength: 1, maxLength: 4 }),
    abstract: textOf(200),
    primaryCategory: fc.option(category, { nil: null }),
    categories: fc.uniqueArray(category, { maxLength: 4 }),
    date: day,
    updated: fc.option(day, { nil: null }),
    journalRef: fc.option(textOf(40), { nil: null }),
    comments: fc.option(textOf(40), { nil: null }),
  })
  .map(canonical)
  .filter((value): value is IncomingPaper => value !== null);

describe('parseArxivAtom properties', () => {
  it('gives back every paper rendered as an Atom entry, field for field (round trip)', () => {
    fc.assert(
      fc.property(fc.array(paper, { maxLength: 4 }), (papers) => {
        const result = parseArxivAtom(renderFeed(papers.map(renderEntry)));
        expect(result).toEqual({
          ok: true,
          papers,
          total: papers.length,
          startIndex: 0,
          itemsPerPage: Math.max(papers.length, 1),
        });
      }),
    );
  });

  const xmlish = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '<feed>',
          '</feed>',
          '<entry>',
          '</entry>',
          '<id>http://arxiv.org/abs/2402.07871v2</id>',
          '<id>http://arxiv.org/api/errors#x</id>',
          '<title>',
          '</title>',
          '<author><name>A</name></author>',
          '<published>2024-02-12T00:00:00Z</published>',
          '<opensearch:totalResults>1</opensearch:totalResults>',
          '<opensearch:startIndex>0</opensearch:startIndex>',
          '<opensearch:itemsPerPage>1</opensearch:itemsPerPage>',
          '<category term="cs.LG"/>',
          '<__proto__>',
          '</__proto__>',
          '<!DOCTYPE feed [<!ENTITY a "aaaa">]>',
          '&a;',
          '&amp;',
          '<![CDATA[',
          ']]>',
        ),
        fc.string({ maxLength: 8 }),
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));

  it('never throws on any string, and whatever it accepts passes the schema', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), xmlish), (xml) => {
        const result = parseArxivAtom(xml);
        if (result.ok) for (const item of result.papers) expect(IncomingPaperSchema.safeParse(item).success).toBe(true);
        else expect(result.error).toMatch(/^arXiv/);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
    );
  });

  it('never throws on a fixture cut anywhere, and accepts it only when it still ends with </feed>', () => {
    const answers = FIXTURES.map(fixture);
    fc.assert(
      fc.property(fc.constantFrom(...answers), fc.double({ min: 0, max: 1, noNaN: true }), (xml, share) => {
        const cut = xml.slice(0, Math.floor(xml.length * share));
        const result = parseArxivAtom(cut);
        const whole = cut.trim().endsWith('</feed>') && !cut.includes('api/errors');
        expect(result.ok).toBe(whole && parseArxivAtom(xml).ok);
      }),
    );
  });
});
