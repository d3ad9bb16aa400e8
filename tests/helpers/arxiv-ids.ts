import fc from 'fast-check';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Any valid new-style id: four-digit numbers from April 2007 through 2014, five after. */
export const newStyleId = fc
  .record({ year: fc.integer({ min: 7, max: 99 }), month: fc.integer({ min: 1, max: 12 }) })
  .filter(({ year, month }) => year > 7 || month >= 4)
  .chain(({ year, month }) => {
    const width = year < 15 ? 4 : 5;
    return fc.integer({ min: 1, max: 10 ** width - 1 }).map((n) => `${pad(year, 2)}${pad(month, 2)}.${pad(n, width)}`);
  });

/** Any valid old-style id: a known archive (and subject class) from August 1991 to March 2007. */
export const oldStyleId = fc
  .record({
    archive: fc.constantFrom(
      'hep-th',
      'hep-ph',
      'astro-ph',
      'cond-mat',
      'quant-ph',
      'gr-qc',
      'cs',
      'math.GR',
      'math.DG',
    ),
    month: fc.integer({ min: 1991 * 12 + 7, max: 2007 * 12 + 2 }),
    n: fc.integer({ min: 1, max: 999 }),
  })
  .map(({ archive, month, n }) => {
    const yymm = `${pad(Math.floor(month / 12) % 100, 2)}${pad((month % 12) + 1, 2)}`;
    return `${archive}/${yymm}${pad(n, 3)}`;
  });

/** An optional version number. */
export const version = fc.option(fc.integer({ min: 1, max: 99 }), { nil: null });
