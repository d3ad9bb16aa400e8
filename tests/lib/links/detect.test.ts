import { describe, expect, it } from 'vitest';
import { detectPaperLink, hrefMightBePaper } from '../../../lib/links/detect';
import { URL_CASES } from '../../../lib/links/url-cases';
import { normalizeText } from '../../../lib/text/normalize';

const NEUTRAL_PAGE = 'https://example.com/reading-list';

const positives = URL_CASES.filter((c) => c.id !== null);
const nearMisses = URL_CASES.filter((c) => c.id === null);

describe('detectPaperLink by URL', () => {
  it.each(positives)('detects $id in $url', ({ url, base, id, version }) => {
    const ref = detectPaperLink(url, 'link', base ?? NEUTRAL_PAGE);
    expect(ref).toMatchObject({ kind: 'id', id });
    if (version !== undefined) expect(ref).toMatchObject({ version });
  });

  it.each(nearMisses)('finds nothing in $url ($note)', ({ url, base }) => {
    expect(detectPaperLink(url, 'link', base ?? NEUTRAL_PAGE)).toBeNull();
  });

  it.each(positives)('lets the prefilter through for $url', ({ url }) => {
    expect(hrefMightBePaper(url)).toBe(true);
  });

  it.each([
    ['https://arxiv.org/abs/2402.07871', 'arxiv'],
    ['https://arxiv.org/ftp/hep-th/papers/9901/9901001.pdf', 'arxiv'],
    ['https://www.alphaxiv.org/abs/2402.07871', 'alphaxiv'],
    ['https://huggingface.co/papers/2402.07871', 'huggingface'],
    ['https://ar5iv.labs.arxiv.org/html/2402.07871', 'ar5iv'],
    ['https://www.semanticscholar.org/arxiv/2402.07871', 'semantic-scholar'],
    ['https://doi.org/10.48550/arXiv.2402.07871', 'doi'],
    ['https://scirate.com/arxiv/2402.07871', 'scirate'],
  ])('credits %s to %s', (url, source) => {
    expect(detectPaperLink(url, '', NEUTRAL_PAGE)).toMatchObject({ source });
  });

  it('resolves a bare relative id against an arXiv page', () => {
    expect(detectPaperLink('2402.07871v3', '', 'https://arxiv.org/abs/')).toEqual({
      kind: 'id',
      id: '2402.07871',
      version: 3,
      source: 'arxiv',
    });
  });

  it('ignores in-page fragment links, even on a paper page', () => {
    expect(detectPaperLink('#S3', 'Section 3', 'https://arxiv.org/abs/2402.07871')).toBeNull();
  });

  it('returns null rather than throwing on an unparsable page URL', () => {
    expect(detectPaperLink('/abs/2402.07871', '', 'not a url')).toBeNull();
  });
});

describe('detectPaperLink by title', () => {
  const titles = new Set([
    normalizeText('$μ$-Parametrization for Mixture of Experts'),
    normalizeText('Scaling Laws for Fine-Grained Mixture of Experts'),
  ]);

  it.each([
    'μ-Parametrization for Mixture of Experts.',
    '$\\mu$-Parametrization for Mixture of Experts',
    'MU-PARAMETRIZATION FOR MIXTURE   OF EXPERTS',
    '“Scaling Laws for Fine-Grained Mixture of Experts”',
    '  "Scaling laws for fine-grained mixture-of-experts."\n',
  ])('matches the link text %j', (text) => {
    const ref = detectPaperLink('https://example.com/talk', text, NEUTRAL_PAGE, titles);
    expect(ref).toMatchObject({ kind: 'title' });
    expect(titles.has(ref?.kind === 'title' ? ref.normalizedTitle : '')).toBe(true);
  });

  it.each([
    ['Scaling Laws for Fine-Grained', 'a prefix of a title'],
    ['Scaling Laws for Fine-Grained Mixture of Experts and More', 'a superset of a title'],
    ['Mixture of Experts', 'a shared phrase'],
    ['PDF', 'a short label'],
  ])('does not match %j (%s)', (text) => {
    expect(detectPaperLink('https://example.com/talk', text, NEUTRAL_PAGE, titles)).toBeNull();
  });

  it('ignores link texts under 4 normalized characters, even when a title is that short', () => {
    expect(detectPaperLink('', 'M.o.', NEUTRAL_PAGE, new Set(['m o']))).toBeNull();
  });

  it('matches a short title exactly ("Voxtral")', () => {
    expect(detectPaperLink('https://mistral.ai/', 'Voxtral', NEUTRAL_PAGE, new Set(['voxtral']))).toEqual({
      kind: 'title',
      normalizedTitle: 'voxtral',
    });
  });

  it('ignores link texts longer than 300 characters', () => {
    const title = 'Scaling Laws for Fine-Grained Mixture of Experts';
    const padded = `${title}${' '.repeat(301 - title.length)}`;
    expect(detectPaperLink('', title, NEUTRAL_PAGE, titles)).not.toBeNull();
    expect(detectPaperLink('', padded, NEUTRAL_PAGE, titles)).toBeNull();
  });

  it('does not match titles when no title set is given', () => {
    expect(
      detectPaperLink('https://example.com/', 'Scaling Laws for Fine-Grained Mixture of Experts', NEUTRAL_PAGE),
    ).toBeNull();
  });

  it('prefers a URL match over a title match', () => {
    const ref = detectPaperLink(
      'https://arxiv.org/abs/2310.15961',
      'Scaling Laws for Fine-Grained Mixture of Experts',
      NEUTRAL_PAGE,
      titles,
    );
    expect(ref).toEqual({ kind: 'id', id: '2310.15961', version: null, source: 'arxiv' });
  });
});

describe('hrefMightBePaper', () => {
  it.each(['#S3', '', '/about', 'https://example.com/blog/2024/01/post', 'mailto:x@arxiv.org'])('skips %j', (href) => {
    expect(hrefMightBePaper(href)).toBe(false);
  });
});
