import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packVarints, unpackVarints } from '../../../lib/insights/varints';

describe('packVarints and unpackVarints', () => {
  it('give back any whole numbers up to 2³¹ − 1', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 200 }), (values) => {
        const bytes = packVarints(values);
        expect([...unpackVarints(bytes, new Int32Array(values.length))]).toEqual(values);
      }),
    );
  });

  it('take one byte for each number under 128, two under 16,384', () => {
    expect([...packVarints([0, 1, 127])]).toEqual([0, 1, 127]);
    expect([...packVarints([128, 300])]).toEqual([0x80, 0x01, 0xac, 0x02]);
    expect(packVarints([16_383]).byteLength).toBe(2);
    expect(packVarints([16_384]).byteLength).toBe(3);
    expect([...unpackVarints(packVarints([65_535, 7]), new Uint16Array(2))]).toEqual([65_535, 7]);
  });

  it('refuse bytes that hold fewer or more numbers than asked for', () => {
    const bytes = packVarints([5, 300, 7]);
    expect(() => unpackVarints(bytes, new Int32Array(4))).toThrow(/3 of 4 values/);
    expect(() => unpackVarints(bytes, new Int32Array(2))).toThrow(/1 bytes past 2 values/);
    expect(() => unpackVarints(bytes.subarray(0, 2), new Int32Array(2))).toThrow(/1 of 2 values/);
  });
});
