import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../../lib/text/fnv';

describe('fnv1a', () => {
  it('gives FNV-1a 32 of ASCII text, unsigned', () => {
    // The reference values of the FNV test suite.
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('tells apart an order and a split', () => {
    expect(fnv1a('Ada\u0001Alan')).not.toBe(fnv1a('Alan\u0001Ada'));
    expect(fnv1a('Ada\u0001Alan')).not.toBe(fnv1a('Ada Alan'));
  });
});
