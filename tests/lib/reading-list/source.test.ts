import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutText, MAX_SOURCE_URL, shortenSourceUrl } from '../../../lib/reading-list/source';

describe('shortenSourceUrl', () => {
  it('keeps an address that fits', () => {
    expect(shortenSourceUrl('https://example.com/a?b=c#d')).toBe('https://example.com/a?b=c#d');
  });

  it('drops the fragment, then the query, of a long address', () => {
    const path = 'https://example.com/papers/list';
    expect(shortenSourceUrl(`${path}?q=1#${'x'.repeat(3000)}`)).toBe(`${path}?q=1`);
    expect(shortenSourceUrl(`${path}?${'q=1&'.repeat(1000)}#top`)).toBe(path);
  });

  it('cuts an address whose path alone is too long, and anything that is not an address', () => {
    expect(shortenSourceUrl(`https://example.com/${'a'.repeat(5000)}`)).toHaveLength(MAX_SOURCE_URL);
    expect(shortenSourceUrl('x'.repeat(5000))).toBe('x'.repeat(MAX_SOURCE_URL));
  });

  it('always fits, and leaves what fits alone (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()),
        fc.nat(4000),
        (url, pad) => {
          const long = `${url}${url.includes('?') ? '&' : '?'}${'p'.repeat(pad)}`;
          const short = shortenSourceUrl(long);
          expect(short.length).toBeLessThanOrEqual(MAX_SOURCE_URL);
          if (long.length <= MAX_SOURCE_URL) expect(short).toBe(long);
        },
      ),
    );
  });
});

describe('cutText', () => {
  it('never splits a character made of two UTF-16 units (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 1, max: 50 }), (text, max) => {
        const cut = cutText(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(text.startsWith(cut)).toBe(true);
        expect(cut).not.toMatch(/[\uD800-\uDBFF]$/);
      }),
    );
  });
});
