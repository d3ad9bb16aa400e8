import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEXT_CASES } from '../../../lib/links/text-cases';
import { findArxivMentions, mayMentionArxiv } from '../../../lib/links/text-mentions';
import { newStyleId, oldStyleId, version } from '../../helpers/arxiv-ids';

const anyId = fc.oneof(newStyleId, oldStyleId);
const prefix = fc.constantFrom(
  'arXiv:',
  'arXiv: ',
  'arxiv ',
  'ARXIV:\u00a0',
  'https://arxiv.org/abs/',
  'arxiv.org/pdf/',
);
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));

const ids = (text: string) => findArxivMentions(text).map((m) => m.id);

describe('findArxivMentions over the shared text cases', () => {
  it.each(TEXT_CASES)('$note: $text', ({ text, ids: expected }) => {
    expect(ids(text)).toEqual(expected);
    if (expected.length > 0) expect(mayMentionArxiv(text)).toBe(true);
  });

  it.each(TEXT_CASES.filter((c) => c.ids.length > 0))('spans the id in $text', ({ text }) => {
    for (const { id, start, end } of findArxivMentions(text)) {
      expect(text.slice(start, end)).toContain(id);
    }
  });
});

describe('findArxivMentions', () => {
  it('spans the whole mention, prefix and version included', () => {
    const text = 'see arXiv:2402.07871v2, https://arxiv.org/pdf/2310.15961.pdf and doi:10.48550/arXiv.2401.04081.';
    const spans = findArxivMentions(text).map(({ start, end }) => text.slice(start, end));
    expect(spans).toEqual([
      'arXiv:2402.07871v2',
      'https://arxiv.org/pdf/2310.15961.pdf',
      'doi:10.48550/arXiv.2401.04081',
    ]);
  });

  it('stops at the limit', () => {
    const text = Array.from({ length: 80 }, () => 'arXiv:2402.07871').join(' ');
    expect(findArxivMentions(text)).toHaveLength(50);
    expect(findArxivMentions(text, 3)).toHaveLength(3);
    expect(findArxivMentions(text, 0)).toEqual([]);
  });

  it('stays fast on long runs that look almost like ids', () => {
    const text = `arXiv ${'a-'.repeat(50_000)} ${'1'.repeat(50_000)} ${' '.repeat(50_000)}arXiv:2402.07871`;
    const began = performance.now();
    expect(ids(text)).toEqual(['2402.07871']);
    expect(performance.now() - began).toBeLessThan(500);
  });
});

describe('text mention properties', () => {
  it('finds any valid id written as arXiv:<id> in arbitrary surrounding text', () => {
    fc.assert(
      fc.property(anyText, anyId, version, anyText, (before, id, v, after) => {
        const text = `${before} arXiv:${v === null ? id : `${id}v${v}`} ${after}`;
        expect(ids(text)).toContain(id);
      }),
    );
  });

  it('finds any valid id behind any prefix, spanning exactly that mention', () => {
    fc.assert(
      fc.property(prefix, anyId, version, (p, id, v) => {
        const mention = `${p}${v === null ? id : `${id}v${v}`}`;
        expect(findArxivMentions(`(${mention}).`)).toEqual([{ id, start: 1, end: 1 + mention.length }]);
      }),
    );
  });

  it('finds no new-style id once a digit is appended', () => {
    fc.assert(
      fc.property(newStyleId, fc.integer({ min: 0, max: 9 }), prefix, (id, digit, p) => {
        expect(findArxivMentions(`${p}${id}${digit} and more`)).toEqual([]);
      }),
    );
  });

  it('never finds a bare new-style id', () => {
    fc.assert(
      fc.property(anyText, newStyleId, version, anyText, (before, id, v, after) => {
        // Without any `x` no `arXiv` prefix can appear, and without digits no other id.
        const clean = (s: string) => s.replace(/[x\d/.]/gi, '');
        const text = `${clean(before)} ${v === null ? id : `${id}v${v}`} ${clean(after)}`;
        expect(findArxivMentions(text)).toEqual([]);
      }),
    );
  });

  it('never throws on arbitrary text, and returns increasing offsets within bounds', () => {
    const text = fc.oneof(
      anyText,
      fc.tuple(anyText, prefix, anyId, anyText).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (s) => {
        let last = 0;
        for (const { id, start, end } of findArxivMentions(s)) {
          expect(start).toBeGreaterThanOrEqual(last);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(s.length);
          expect(s.slice(start, end)).toContain(id);
          last = end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('passes every text with a mention through the prefilter', () => {
    const text = fc.oneof(
      anyText,
      fc.tuple(anyText, prefix, anyId, anyText).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (s) => {
        if (findArxivMentions(s).length > 0) expect(mayMentionArxiv(s)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
