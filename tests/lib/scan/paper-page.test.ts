// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArxivId } from '../../../lib/links/arxiv-id';
import type { Candidate } from '../../../lib/scan/candidates';
import { paperPageCandidates, paperPagePanelAnchor } from '../../../lib/scan/paper-page';
import { normalizeText } from '../../../lib/text/normalize';

interface HappyDom {
  setURL(url: string): void;
  settings: { handleDisabledFileLoadingAsSuccess: boolean };
}
const happyDOM = (window as unknown as { happyDOM: HappyDom }).happyDOM;
// The fixtures keep their stylesheets, scripts and frames; not loading them is expected, not an error to log.
happyDOM.settings.handleDisabledFileLoadingAsSuccess = true;

/** Makes `html` the test document, at `url` (the anchor reads the document's own URL). */
function load(html: string, url = 'https://example.org/'): Document {
  happyDOM.setURL(url);
  document.documentElement.innerHTML = html;
  return document;
}

const fixture = (name: string, url: string, dir = 'tests/fixtures/paper-pages') =>
  load(readFileSync(resolve(dir, name), 'utf8'), url);

/** A page whose head holds `head` (meta and link tags) and whose body holds `body`. */
const page = (head: string, body = '', url?: string) => load(`<head>${head}</head><body>${body}</body>`, url);

const id = (value: string): Candidate => ({ kind: 'id', value });
const doi = (value: string): Candidate => ({ kind: 'doi', value });
const title = (value: string): Candidate => ({ kind: 'title', value });

const URLS = {
  openreview: 'https://openreview.net/forum?id=IjcTl5fXzP',
  acl: 'https://aclanthology.org/N19-1423/',
  pmlr: 'https://proceedings.mlr.press/v235/krajewski24a.html',
  neurips: 'https://proceedings.neurips.cc/paper_files/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
  s2: 'https://www.semanticscholar.org/paper/Mixture-of-Tokens%3A-Continuous-MoE-through-Antoniak-Krutul/2b8f7c3a64d1e0b95c0f1a7d3e6c4b2a9f8e1d07',
  alphaxiv: 'https://www.alphaxiv.org/abs/2508.09752',
  arxivHtml: 'https://arxiv.org/html/2402.07871v2',
  blog: 'https://blog.example.org/2024/03/fine-grained-moe-notes/',
  repository: 'https://repository.example.edu/handle/20.500.12345/6789',
};

afterEach(() => {
  document.documentElement.innerHTML = '';
});

describe('paperPageCandidates on real-shaped pages', () => {
  it.each<[string, string, Candidate[]]>([
    [
      'openreview-forum.html',
      URLS.openreview,
      [title('joint moe scaling laws mixture of experts can be memory efficient')],
    ],
    [
      'acl-anthology.html',
      URLS.acl,
      [
        doi('10.18653/v1/n19-1423'),
        title('bert pre training of deep bidirectional transformers for language understanding'),
      ],
    ],
    ['pmlr.html', URLS.pmlr, [title('scaling laws for fine grained mixture of experts')]],
    ['neurips.html', URLS.neurips, [title('attention is all you need')]],
    ['semantic-scholar.html', URLS.s2, [title('mixture of tokens continuous moe through cross example aggregation')]],
    ['alphaxiv-abs.html', URLS.alphaxiv, [id('2508.09752')]],
    ['arxiv-html.html', URLS.arxivHtml, [id('2402.07871')]],
    ['blog.html', URLS.blog, []],
    [
      'arxiv-doi.html',
      URLS.repository,
      [id('2401.04081'), title('moe mamba efficient selective state space models with mixture of experts')],
    ],
  ])('%s (at %s) gives %j', (name, url, expected) => {
    expect(paperPageCandidates(fixture(name, url), url)).toEqual(expected);
  });

  it('reads an arXiv abstract page by its URL, then its citation title', () => {
    const url = 'https://arxiv.org/abs/2402.07871v1';
    const doc = fixture('arxiv-abs.html', url, 'tests/fixtures/pages');
    expect(paperPageCandidates(doc, url)).toEqual([
      id('2402.07871'),
      title('scaling laws for fine grained mixture of experts'),
    ]);
  });

  it('ignores the paper links in an arXiv HTML bibliography: the page is the citing paper', () => {
    const doc = fixture('arxiv-html.html', URLS.arxivHtml);
    expect(doc.querySelectorAll('li.ltx_bibitem')).toHaveLength(5);
    expect(paperPageCandidates(doc, URLS.arxivHtml).map((c) => c.value)).not.toContain('2310.15961');
  });
});

describe('paperPageCandidates: the page URL', () => {
  it.each([
    ['https://arxiv.org/abs/2402.07871', '2402.07871'],
    ['https://arxiv.org/abs/2402.07871v2', '2402.07871'],
    ['https://export.arxiv.org/abs/2402.07871v1?context=cs', '2402.07871'],
    ['https://arxiv.org/abs/hep-th/9901001v3', 'hep-th/9901001'],
    ['https://arxiv.org/html/2402.07871', '2402.07871'],
    ['https://arxiv.org/html/2402.07871v2', '2402.07871'],
    ['https://arxiv.org/html/2402.07871v2/', '2402.07871'],
    ['https://arxiv.org/html/2402.07871v2#S3', '2402.07871'],
    ['https://arxiv.org/html/2402.07871v2/#S3.SS1', '2402.07871'],
    ['https://ar5iv.labs.arxiv.org/html/2402.07871', '2402.07871'],
    ['https://ar5iv.labs.arxiv.org/html/2402.07871v1#bib', '2402.07871'],
    ['https://ar5iv.org/abs/2402.07871', '2402.07871'],
    ['https://alphaxiv.org/abs/2508.09752', '2508.09752'],
    ['https://www.alphaxiv.org/abs/2508.09752v1', '2508.09752'],
  ])('%s is paper %s', (url, expected) => {
    expect(paperPageCandidates(page(''), url)).toEqual([id(expected)]);
  });

  it.each([
    'https://arxiv.org/list/cs.LG/new',
    'https://arxiv.org/search/?query=Pioro&searchtype=author',
    'https://arxiv.org/html/2402.07871v2/x1.png',
    'https://example.com/abs/2402.07871',
    'https://arxiv.org/abs/2402.078710',
    'https://openreview.net/forum?id=2402.07871',
    '',
    'not a url',
    'javascript:alert(1)',
    'about:blank',
  ])('%s names no paper', (url) => {
    expect(paperPageCandidates(page(''), url)).toEqual([]);
  });
});

describe('paperPageCandidates: metadata', () => {
  it.each([
    ['2402.07871', '2402.07871'],
    ['2402.07871v3', '2402.07871'],
    ['arXiv:2402.07871', '2402.07871'],
    ['  ARXIV: 2402.07871v1 ', '2402.07871'],
    ['math.GR/0512484', 'math.GR/0512484'],
  ])('citation_arxiv_id %j gives id %s', (content, expected) => {
    expect(paperPageCandidates(page(`<meta name="citation_arxiv_id" content="${content}">`), '')).toEqual([
      id(expected),
    ]);
  });

  it.each(['', 'n/a', '2402.7871', 'https://arxiv.org/abs/2402.07871', '2402.07871 and more'])(
    'citation_arxiv_id %j gives nothing',
    (content) => {
      expect(paperPageCandidates(page(`<meta name="citation_arxiv_id" content="${content}">`), '')).toEqual([]);
    },
  );

  it.each([
    ['10.18653/v1/N19-1423', '10.18653/v1/n19-1423'],
    ['doi:10.1162/neco.1991.3.1.79', '10.1162/neco.1991.3.1.79'],
    ['DOI: 10.1162/NECO.1991.3.1.79', '10.1162/neco.1991.3.1.79'],
    ['info:doi/10.1162/neco.1991.3.1.79', '10.1162/neco.1991.3.1.79'],
    ['https://doi.org/10.1162/neco.1991.3.1.79', '10.1162/neco.1991.3.1.79'],
    ['http://dx.doi.org/10.1162/neco.1991.3.1.79', '10.1162/neco.1991.3.1.79'],
    ['https://doi.org/10.1162%2Fneco.1991.3.1.79', '10.1162/neco.1991.3.1.79'],
  ])('citation_doi %j gives doi %s', (content, expected) => {
    expect(paperPageCandidates(page(`<meta name="citation_doi" content="${content}">`), '')).toEqual([doi(expected)]);
  });

  it.each([
    '10.48550/arXiv.2402.07871',
    '10.48550/ARXIV.2402.07871',
    'doi:10.48550/arXiv.2402.07871',
    'https://doi.org/10.48550/arXiv.2402.07871',
    'https://doi.org/10.48550%2FarXiv.2402.07871',
  ])('the arXiv DOI %j gives the id, not a DOI', (content) => {
    expect(paperPageCandidates(page(`<meta name="citation_doi" content="${content}">`), '')).toEqual([
      id('2402.07871'),
    ]);
  });

  it('reads DOIs among Dublin Core identifiers in any case and skips the rest', () => {
    const doc = page(`
      <meta name="DC.identifier" content="http://hdl.handle.net/20.500.12345/6789" scheme="DCTERMS.URI">
      <meta name="DC.Identifier" content="ISBN 978-0-262-03384-8">
      <meta name="dc.identifier" content="https://doi.org/10.1162/neco.1991.3.1.79">
      <meta name="DC.identifier" content="10.48550/arXiv.2401.04081">`);
    expect(paperPageCandidates(doc, '')).toEqual([doi('10.1162/neco.1991.3.1.79'), id('2401.04081')]);
  });

  it.each([
    ['<meta property="og:url" content="https://arxiv.org/abs/2402.07871v2">', 'https://mirror.example.org/p/1'],
    ['<meta name="og:url" content="https://ar5iv.labs.arxiv.org/html/2402.07871">', 'https://mirror.example.org/p/1'],
    ['<link rel="canonical" href="https://arxiv.org/abs/2402.07871">', 'https://mirror.example.org/p/1'],
    ['<link rel="Canonical" href="/abs/2402.07871">', 'https://arxiv.org/'],
    ['<link rel="canonical" href="/html/2402.07871v2">', 'https://arxiv.org/html/2402.07871v2/index.html'],
  ])('%s names the paper', (head, url) => {
    expect(paperPageCandidates(page(head), url)).toEqual([id('2402.07871')]);
  });

  it('does not resolve a relative canonical link onto arXiv from another site', () => {
    const doc = page('<link rel="canonical" href="/abs/2402.07871">');
    expect(paperPageCandidates(doc, 'https://mirror.example.org/abs/x')).toEqual([]);
  });

  it('normalizes the citation title as matchTitle does', () => {
    const doc = page('<meta name="citation_title" content="$\\mu$-Parametrization for Mixture of Experts.">');
    expect(paperPageCandidates(doc, '')).toEqual([title('mu parametrization for mixture of experts')]);
  });

  it.each(['Voxtral', 'Ministral 3', 'Paper page', '   ', ''])('skips the short citation title %j', (content) => {
    expect(paperPageCandidates(page(`<meta name="citation_title" content="${content}">`), '')).toEqual([]);
  });

  it('skips a citation "title" too long to be one', () => {
    const doc = page(`<meta name="citation_title" content="${'Scaling laws '.repeat(40)}">`);
    expect(paperPageCandidates(doc, '')).toEqual([]);
  });

  it('takes og:title only on a page with other citation metadata', () => {
    const og = '<meta property="og:title" content="Scaling Laws for Fine-Grained Mixture of Experts">';
    expect(paperPageCandidates(page(og), '')).toEqual([]);
    expect(paperPageCandidates(page(`${og}<meta name="citation_author" content="Jan Ludziejewski">`), '')).toEqual([
      title('scaling laws for fine grained mixture of experts'),
    ]);
  });

  it('prefers citation_title to og:title', () => {
    const doc = page(`
      <meta property="og:title" content="Some Site | A Different Long Title">
      <meta name="citation_title" content="Scaling Laws for Fine-Grained Mixture of Experts">`);
    expect(paperPageCandidates(doc, '')).toEqual([title('scaling laws for fine grained mixture of experts')]);
  });
});

describe('paperPageCandidates: order, duplicates and junk', () => {
  it('lists URL, citation_arxiv_id, citation_doi, dc.identifier, og:url, canonical, then title, each once', () => {
    const doc = page(`
      <meta name="citation_title" content="Scaling Laws for Fine-Grained Mixture of Experts">
      <link rel="canonical" href="https://arxiv.org/abs/2502.05172">
      <meta property="og:url" content="https://arxiv.org/abs/2402.07871">
      <meta name="citation_doi" content="10.1162/NECO.1991.3.1.79">
      <meta name="dc.identifier" content="https://doi.org/10.1162/neco.1991.3.1.79">
      <meta name="citation_doi" content="10.48550/arXiv.2310.15961">
      <meta name="citation_arxiv_id" content="2402.07871v1">
      <meta name="citation_arxiv_id" content="2401.04081">
      <meta name="citation_title" content="Another title that comes second">`);
    expect(paperPageCandidates(doc, 'https://arxiv.org/html/2402.07871v2/#S2')).toEqual([
      id('2402.07871'),
      id('2401.04081'),
      doi('10.1162/neco.1991.3.1.79'),
      id('2310.15961'),
      id('2502.05172'),
      title('scaling laws for fine grained mixture of experts'),
    ]);
  });

  it('survives odd markup', () => {
    const doc = page(`
      <meta name="citation_arxiv_id">
      <meta name="citation_doi" content>
      <meta name="citation_doi" content="10.">
      <meta name="dc.identifier" content="https://doi.org/">
      <meta property="og:url" content="http://[::1">
      <meta property="og:url" content="%E0%A4%A">
      <link rel="canonical">
      <link rel="canonical" href="javascript:void(0)">
      <meta name="citation_title">
      <meta content="10.48550/arXiv.2402.07871">
      <meta name='citation_doi"]' content="10.1/x">`);
    expect(paperPageCandidates(doc, '%%%')).toEqual([]);
  });

  it('reads an empty document', () => {
    expect(paperPageCandidates(load(''), 'https://arxiv.org/abs/2402.07871')).toEqual([id('2402.07871')]);
  });

  it('never throws on arbitrary metadata and URLs, and gives only well-formed candidates', () => {
    const names = ['citation_arxiv_id', 'citation_doi', 'dc.identifier', 'og:url', 'citation_title', 'og:title'];
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.webUrl({ withFragments: true, withQueryParameters: true }),
      fc.constantFrom('10.48550/arXiv.', 'https://arxiv.org/abs/', 'doi:', '2402.07871', '%', '$\\', 'arXiv:'),
    );
    const value = fc.array(text, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 6 }),
        value,
        value,
        (metas, href, url) => {
          document.head.replaceChildren();
          for (const [name, content] of metas) {
            const meta = document.createElement('meta');
            meta.setAttribute(name.startsWith('og:') ? 'property' : 'name', name);
            meta.setAttribute('content', content);
            document.head.append(meta);
          }
          const link = document.createElement('link');
          link.setAttribute('rel', 'canonical');
          link.setAttribute('href', href);
          document.head.append(link);
          const found = paperPageCandidates(document, url);
          expect(new Set(found.map((c) => `${c.kind} ${c.value}`)).size).toBe(found.length);
          for (const { kind, value } of found) {
            if (kind === 'id') expect(parseArxivId(value)?.id).toBe(value);
            if (kind === 'doi') expect(value).toMatch(/^10\.\d{4,9}\//);
            if (kind === 'doi') expect(value).toBe(value.toLowerCase());
            if (kind === 'title') expect(normalizeText(value)).toBe(value);
            if (kind === 'title') expect(value.length).toBeGreaterThanOrEqual(12);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('paperPagePanelAnchor', () => {
  it('keeps the abstract panel anchor on arXiv abstract pages', () => {
    const doc = fixture('arxiv-abs.html', 'https://arxiv.org/abs/2402.07871', 'tests/fixtures/pages');
    expect(paperPagePanelAnchor(doc)?.matches('#abs h1.title')).toBe(true);
  });

  it('gives no anchor on an arXiv abstract page without its title, rather than the subject h1', () => {
    const doc = page(
      '',
      '<div class="subheader"><h1>Computer Science &gt; Machine Learning</h1></div>',
      'https://arxiv.org/abs/2402.07871',
    );
    expect(paperPagePanelAnchor(doc)).toBeNull();
  });

  it.each<[string, string, string]>([
    ['arxiv-html.html', URLS.arxivHtml, 'h1.ltx_title_document'],
    ['openreview-forum.html', URLS.openreview, '.forum-title > h2.citation_title'],
    ['acl-anthology.html', URLS.acl, 'h2#title'],
    ['pmlr.html', URLS.pmlr, 'article.post-content > h1'],
    ['neurips.html', URLS.neurips, '.col > h4:first-child'],
    ['semantic-scholar.html', URLS.s2, 'h1[data-test-id="paper-detail-title"]'],
    ['alphaxiv-abs.html', URLS.alphaxiv, 'main h1'],
    ['arxiv-doi.html', URLS.repository, 'h2.page-header'],
    ['blog.html', URLS.blog, 'h1.post-title'],
  ])('%s: after %s', (name, url, selector) => {
    const anchor = paperPagePanelAnchor(fixture(name, url));
    expect(anchor).not.toBeNull();
    expect(anchor?.matches(selector)).toBe(true);
  });

  it('takes an ar5iv-style title without ltx_title_document from .ltx_title', () => {
    const doc = page(
      '',
      '<article class="ltx_document"><h1 class="ltx_title">MoE-Mamba</h1><h2 class="ltx_title">1 Intro</h2></article>',
    );
    expect(paperPagePanelAnchor(doc)?.textContent).toBe('MoE-Mamba');
  });

  const CITED = '<meta name="citation_title" content="Scaling Laws for Fine-Grained Mixture of Experts">';

  it('prefers the h1 showing the citation title to an earlier site h1', () => {
    const doc = page(CITED, '<h1>Example Press</h1><h1 id="t">Scaling Laws for Fine-Grained Mixture of Experts</h1>');
    expect(paperPagePanelAnchor(doc)?.id).toBe('t');
  });

  it('accepts a heading that contains the title between word boundaries', () => {
    const doc = page(
      CITED,
      '<h1>Site</h1><h1 id="t">Paper: Scaling Laws for Fine-Grained Mixture of Experts (ICML 2024)</h1>',
    );
    expect(paperPagePanelAnchor(doc)?.id).toBe('t');
    const partial = page(
      CITED,
      '<h1 id="site">Site</h1><h1>Rescaling Laws for Fine-Grained Mixture of Expertsville</h1>',
    );
    expect(paperPagePanelAnchor(partial)?.id).toBe('site');
  });

  // (happy-dom does not hide `[hidden]` as browsers' default style sheet does, so no case for it here.)
  it.each([
    '<h1 style="display: none">Scaling Laws for Fine-Grained Mixture of Experts</h1>',
    '<div style="display:none"><h1>Scaling Laws for Fine-Grained Mixture of Experts</h1></div>',
  ])('skips the heading that is not displayed: %s', (hidden) => {
    const doc = page(CITED, `${hidden}<h1 id="t">Scaling Laws for Fine-Grained Mixture of Experts</h1>`);
    expect(paperPagePanelAnchor(doc)?.id).toBe('t');
  });

  it('prefers a matching h1 to an earlier matching h2', () => {
    const doc = page(
      CITED,
      '<h2>Scaling Laws for Fine-Grained Mixture of Experts</h2><h1 id="t">Scaling laws for fine-grained mixture of experts</h1>',
    );
    expect(paperPagePanelAnchor(doc)?.id).toBe('t');
  });

  it('falls back to the first h1, then to nothing', () => {
    expect(paperPagePanelAnchor(page(CITED, '<h1 id="a">Home</h1><h1>News</h1><h2>Other</h2>'))?.id).toBe('a');
    expect(paperPagePanelAnchor(page('', '<h1 id="a">Any page</h1>'))?.id).toBe('a');
    expect(
      paperPagePanelAnchor(
        page(CITED, '<h2>Related papers</h2><p>Scaling Laws for Fine-Grained Mixture of Experts</p>'),
      ),
    ).toBeNull();
    expect(paperPagePanelAnchor(load(''))).toBeNull();
  });
});
