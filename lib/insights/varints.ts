// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads in loops, every index in range by construction.
/**
 * Unsigned integers as LEB128 varints, 7 bits a byte: the stored similarity
 * index's term ids (gaps within a paper's sorted terms) and counts are mostly
 * under 128, so they take one byte instead of four and two (#14: ~60 MB of a
 * 100k library's storage was these two arrays).
 */

/** The varints of `values` (each a whole number from 0 to 2³² − 1), in order. */
export function packVarints(values: ArrayLike<number>): Uint8Array {
  let size = 0;
  for (let i = 0; i < values.length; i++) size += varintBytes(values[i]!);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    let value = values[i]!;
    while (value >= 0x80) {
      bytes[at++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    bytes[at++] = value;
  }
  return bytes;
}

/** Reads `into.length` varints from `bytes` into `into`; throws when the bytes hold fewer or more. */
export function unpackVarints<T extends Int32Array | Uint16Array>(bytes: Uint8Array, into: T): T {
  let at = 0;
  for (let i = 0; i < into.length; i++) {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      if (at >= bytes.length) throw new Error(`varints: ${i} of ${into.length} values in ${bytes.length} bytes`);
      byte = bytes[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    into[i] = value;
  }
  if (at !== bytes.length) throw new Error(`varints: ${bytes.length - at} bytes past ${into.length} values`);
  return into;
}

function varintBytes(value: number): number {
  let bytes = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) bytes++;
  return bytes;
}
