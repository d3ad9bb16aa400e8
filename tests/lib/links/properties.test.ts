import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArxivId } from '../../../lib/links/arxiv-id';
import { detectPaperLink, hrefMightBePaper } from '../../../lib/links/detect';
import { normalizeText } from '../../../lib/text/normalize';
import { newStyleId, version } from '../../helpers/arxiv-ids';
import { SHAPES } from '../../helpers/link-shapes';

const PAGE = 'https://example.com/notes/page';

const shape = fc.constantFrom(...SHAPES);

describe('link detection properties', () => {
  it('maps every valid id, in every supported shape, back to its id and version', () => {
    fc.assert(
      fc.property(newStyleId, version, shape, (id, v, render) => {
        const href = render(v === null ? id : `${id}v${v}`);
        expect(detectPaperLink(href, '', PAGE)).toMatchObject({ kind: 'id', id, version: v });
      }),
    );
  });

  it('passes every supported shape through the prefilter', () => {
    fc.assert(
      fc.property(newStyleId, version, shape, (id, v, render) => {
        expect(hrefMightBePaper(render(v === null ? id : `${id}v${v}`))).toBe(true);
      }),
    );
  });

  it('finds nothing when a digit is added before or after a valid id', () => {
    fc.assert(
      fc.property(newStyleId, fc.integer({ min: 0, max: 9 }), fc.boolean(), shape, (id, digit, before, render) => {
        const href = render(before ? `${digit}${id}` : `${id}${digit}`);
        expect(detectPaperLink(href, '', PAGE)).toBeNull();
      }),
    );
  });

  it('never throws, and anything it finds carries a valid id or a known title', () => {
    const titles = new Set([normalizeText('Scaling Laws for Fine-Grained Mixture of Experts')]);
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constant('Scaling laws for fine-grained MoE'));
    const href = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.webUrl(),
      newStyleId.chain((id) => shape.map((render) => render(id))),
    );
    const page = fc.oneof(fc.string({ unit: 'binary' }), fc.webUrl(), fc.constant('https://arxiv.org/list/cs.LG/new'));
    fc.assert(
      fc.property(href, text, page, (h, t, p) => {
        const ref = detectPaperLink(h, t, p, titles);
        if (ref?.kind === 'id') expect(parseArxivId(ref.id)).not.toBeNull();
        if (ref?.kind === 'title') expect(titles.has(ref.normalizedTitle)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('matches no arbitrary string href on a page of a non-paper host', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), fc.string(), (h, t) => {
        expect(detectPaperLink(h, t, 'http://example.com/index.html')).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('matches no relative arXiv-shaped path on a page of a non-paper host', () => {
    fc.assert(
      fc.property(newStyleId, shape, (id, render) => {
        const url = new URL(render(id));
        expect(detectPaperLink(`${url.pathname}${url.search}${url.hash}`, '', PAGE)).toBeNull();
      }),
    );
  });
});

describe('the plain-arXiv fast path', () => {
  // An upper-case scheme means the same URL but never takes the fast path (its regex wants
  // `http`/`https`), so the two spellings compare the fast path with the URL-object path.
  it('agrees with the full URL parser on every href it could apply to', () => {
    const hrefs = fc
      .tuple(
        fc.constantFrom('http', 'https'),
        fc.constantFrom('arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'browse.arxiv.org', 'arxiv.org.evil.example'),
        fc.constantFrom('abs', 'pdf', 'html', 'ABS'),
        fc.stringMatching(/^\d{4}\.\d{4,6}(v\d{1,2})?$/),
        fc.constantFrom('', '.pdf', '/', '//', '?x=1', '#y', '.pdfx', 'x', '/extra'),
      )
      .map(([scheme, host, kind, id, tail]) => ({ scheme, rest: `://${host}/${kind}/${id}${tail}` }));
    fc.assert(
      fc.property(hrefs, ({ scheme, rest }) => {
        expect(detectPaperLink(`${scheme}${rest}`, '', PAGE)).toEqual(
          detectPaperLink(`${scheme.toUpperCase()}${rest}`, '', PAGE),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
