// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPaperLink } from '../../../lib/links/detect';
import { URL_CASES } from '../../../lib/links/url-cases';
import { type Candidate, candidateOf, rawHref } from '../../../lib/scan/candidates';
import { buildLibraryFilter, filterKey, mayHold, readLibraryFilter } from '../../../lib/scan/library-filter';
import { corpus } from '../../helpers/db';
import { SHAPES } from '../../helpers/link-shapes';
import { corpusIds as ids, corpusFilter as index } from '../../helpers/papers';

const byId = (value: string): Candidate => ({ kind: 'id', value });
const byTitle = (value: string): Candidate => ({ kind: 'title', value });
const byDoi = (value: string): Candidate => ({ kind: 'doi', value });
const corpusIds = new Set(ids);
const corpusTitles = corpus.papers.map((paper) => paper.normalizedTitle);
/** What the filter lets through that the library does not hold: rare, and the background then says "not a paper". */
const falseAlarm = (candidate: Candidate | null) =>
  candidate !== null && mayHold(index, filterKey[candidate.kind](candidate.value));
const anchor = (html: string) => {
  document.body.innerHTML = html;
  return document.body.querySelector('a') as Element;
};
/** An anchor with `href` and `text`, set through the DOM so any string is allowed. */
const link = (href: string, text = 'x') => {
  const a = document.createElement('a');
  a.setAttribute('href', href);
  a.textContent = text;
  return a;
};

describe('candidateOf', () => {
  it.each([
    ['<a href="https://arxiv.org/abs/2402.07871v3">x</a>', 'https://blog.example/', byId('2402.07871')],
    ['<a href="/pdf/2401.04081">pdf</a>', 'https://arxiv.org/list/cs.LG/new', byId('2401.04081')],
    ['<a href="/pdf/2401.04081">pdf</a>', 'https://blog.example/', null],
    ['<a href="https://arxiv.org/abs/2402.07872">a neighbour of a corpus id</a>', 'https://blog.example/', null],
    ['<a href="https://arxiv.org/abs/1706.03762">another paper</a>', 'https://blog.example/', null],
    ['<a href="https://arxiv.org/abs/2301.00001?ref=2402.07871">x</a>', 'https://blog.example/', null],
    ['<a href="https://x.example/">Voxtral</a>', 'https://blog.example/', byTitle('voxtral')],
    [
      '<a href="https://x.example/">  MoE-Mamba: Efficient Selective State Space Models with Mixture of Experts. </a>',
      'https://blog.example/',
      byTitle('moe mamba efficient selective state space models with mixture of experts'),
    ],
    [
      '<a href="https://x.example/">“$\\mu$-Parametrization for Mixture of Experts”</a>',
      'https://blog.example/',
      byTitle('mu parametrization for mixture of experts'),
    ],
    [
      '<a href="https://x.example/">μ-Parametrization for Mixture of Experts</a>',
      'https://blog.example/',
      byTitle('mu parametrization for mixture of experts'),
    ],
    ['<a href="https://x.example/">MAGISTRAL</a>', 'https://blog.example/', byTitle('magistral')],
    ['<a href="https://x.example/">Magistrale</a>', 'https://blog.example/', null],
    ['<a href="https://x.example/">MoE-Mamba</a>', 'https://blog.example/', null],
    ['<a>no href at all</a>', 'https://blog.example/', null],
  ])('%s on %s → %s', (html, page, key) => {
    expect(candidateOf(anchor(html), page, index)).toEqual(key);
  });

  it.each([
    ['https://arxiv.org/a/ludziejewski_j_1', 'https://blog.example/', null],
    ['https://export.arxiv.org/a/ludziejewski_j_1.html', 'https://blog.example/', null],
    ['/a/ludziejewski_j_1', 'https://arxiv.org/list/cs.LG/new', null],
    ['https://arxiv.org/search/?query=Voxtral&searchtype=author', 'https://blog.example/', null],
    ['/search/?searchtype=author&query=Voxtral', 'https://arxiv.org/list/cs.LG/new', null],
    // Not arXiv's author links: a blog's own `/a/…` pages, a search for the title, another site's `/a/`.
    ['/a/voxtral', 'https://blog.example/', byTitle('voxtral')],
    ['https://arxiv.org/search/?query=Voxtral&searchtype=all', 'https://blog.example/', byTitle('voxtral')],
    ['https://notarxiv.org/a/voxtral', 'https://blog.example/', byTitle('voxtral')],
    ['https://arxiv.org/a/', 'https://blog.example/', byTitle('voxtral')],
  ])('a link to %s on %s, its text a corpus title → %s (an arXiv author link names a person)', (href, page, key) => {
    expect(candidateOf(link(href, 'Voxtral'), page, index)).toEqual(key);
  });

  it('before the corpus is known, keys any paper id in a URL and no title', () => {
    expect(candidateOf(anchor('<a href="https://x.example/">Voxtral</a>'), 'https://blog.example/', null)).toBeNull();
    expect(
      candidateOf(anchor('<a href="https://arxiv.org/abs/2402.07872">x</a>'), 'https://blog.example/', null),
    ).toEqual(byId('2402.07872'));
  });

  it('reads SVG links, xlink:href included, from the attribute', () => {
    document.body.innerHTML =
      '<svg><a xlink:href="https://arxiv.org/abs/2402.07871" xmlns:xlink="http://www.w3.org/1999/xlink"><text>x</text></a></svg>';
    const svgLink = document.querySelector('a') as Element;
    expect(rawHref(svgLink)).toBe('https://arxiv.org/abs/2402.07871');
    expect(candidateOf(svgLink, 'https://blog.example/', index)).toEqual(byId('2402.07871'));
  });

  it('skips texts far longer than any title without normalizing them', () => {
    const long = `Voxtral ${'lorem ipsum '.repeat(40)}`;
    expect(candidateOf(anchor(`<a href="https://x.example/">${long}</a>`), 'https://blog.example/', index)).toBeNull();
  });

  it('finds every corpus link of the URL table, and nothing else there', () => {
    for (const { url, base, id } of URL_CASES) {
      const expected = id && corpusIds.has(id) ? byId(id) : null;
      expect(candidateOf(link(url), base ?? 'https://blog.example/', index), url).toEqual(expected);
    }
  });

  it('finds a corpus id in every supported shape, with or without a version (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.option(fc.integer({ min: 1, max: 99 }), { nil: null }),
        fc.constantFrom(...SHAPES),
        (id, version, shape) => {
          const href = shape(version === null ? id : `${id}v${version}`);
          expect(candidateOf(link(href), 'https://blog.example/', index)).toEqual(byId(id));
        },
      ),
    );
  });

  it('keys every corpus paper that link detection finds, and nothing else but a filter false alarm (property)', () => {
    const href = fc.oneof(
      fc.string(),
      fc.webUrl(),
      fc
        .tuple(fc.constantFrom(...SHAPES), fc.constantFrom(...ids, '2402.07872', '1706.03762'), fc.string())
        .map(([shape, id, noise]) => shape(id) + noise),
      fc.tuple(fc.string(), fc.constantFrom(...ids), fc.string()).map(([a, id, b]) => a + id + b),
    );
    const page = fc.constantFrom('https://blog.example/', 'https://arxiv.org/list/cs.LG/new');
    fc.assert(
      fc.property(href, page, (h, p) => {
        const ref = detectPaperLink(h, '', p);
        const found = candidateOf(link(h, 'not a title'), p, index);
        if (ref?.kind === 'id' && corpusIds.has(ref.id)) expect(found).toEqual(byId(ref.id));
        else if (found !== null) expect(ref?.kind === 'id' && found.value === ref.id && falseAlarm(found)).toBe(true);
      }),
    );
  });

  it('matches a text as a title whenever it normalizes to a corpus title, else only on a false alarm (property)', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(...corpusTitles).map((t) => t.toUpperCase()),
      fc.constantFrom(...corpusTitles).chain((t) => fc.string().map((noise) => `${t}${noise}`)),
      fc.constantFrom(...corpusTitles).chain((t) => fc.string({ unit: 'grapheme' }).map((lead) => `${lead}${t}`)),
    );
    fc.assert(
      fc.property(text, (t) => {
        const expected = detectPaperLink('', t, 'https://blog.example/', new Set(corpusTitles));
        const key = candidateOf(link('https://x.example/', t), 'https://blog.example/', index);
        if (expected?.kind === 'title') expect(key).toEqual(byTitle(expected.normalizedTitle));
        else if (key !== null) expect(falseAlarm(key)).toBe(true);
      }),
    );
  });

  it('keys a doi.org link by its DOI (decoded, lowercased) when the library may hold it', () => {
    const withDoi = readLibraryFilter(
      buildLibraryFilter({ ids: [], dois: ['10.1145/3571730'], titles: ['a survey'], papers: 1 }),
    )!;
    const page = 'https://blog.example/';
    expect(candidateOf(link('https://doi.org/10.1145/3571730'), page, withDoi)).toEqual(byDoi('10.1145/3571730'));
    expect(candidateOf(link('https://dx.doi.org/10.1145%2F3571730/?ref=x'), page, withDoi)).toEqual(
      byDoi('10.1145/3571730'),
    );
    expect(candidateOf(link('http://DOI.org/10.1145/3571730'), page, withDoi)).toEqual(byDoi('10.1145/3571730'));
    expect(candidateOf(link('https://doi.org/10.1145/3571731'), page, withDoi)).toBeNull();
    expect(candidateOf(link('https://example.org/doi.org/10.1145/3571730'), page, withDoi)).toBeNull();
  });
});

describe('candidateOf with other libraries', () => {
  it('matches nothing for a library that holds nothing but one other paper', () => {
    const other = readLibraryFilter(buildLibraryFilter({ ids: ['1706.03762'], dois: [], titles: ['x'], papers: 1 }))!;
    expect(candidateOf(link('https://arxiv.org/abs/2402.07871', 'Voxtral'), 'https://blog.example/', other)).toBeNull();
  });

  it('finds an old-style id by its digits, whatever the archive case or encoding', () => {
    const old = readLibraryFilter(
      buildLibraryFilter({ ids: ['hep-th/9901001'], dois: [], titles: ['a title'], papers: 1 }),
    )!;
    expect(candidateOf(link('https://arxiv.org/abs/hep-th/9901001v2'), 'https://blog.example/', old)).toEqual(
      byId('hep-th/9901001'),
    );
    expect(candidateOf(link('https://arxiv.org/abs/hep-th/9901002'), 'https://blog.example/', old)).toBeNull();
  });
});
