import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvField, toCsv } from '../../../lib/export/csv';
import { entry, HOSTILE_TITLE, papersById, savedList } from '../../helpers/reading-list';

/** A strict RFC 4180 reader: CRLF-terminated records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error('unterminated quoted field');
        field += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
    } else {
      const end = text.slice(i).search(/[,\r"]/);
      const stop = end < 0 ? text.length : i + end;
      if (text[stop] === '"') throw new Error(`quote inside an unquoted field at ${stop}`);
      field = text.slice(i, stop);
      if (field.includes('\n')) throw new Error('bare LF inside an unquoted field');
      i = stop;
    }
    record.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  if (record.length) throw new Error('last record lacks its CRLF');
  return records;
}

/** What a field reads as after the formula guard. */
const guarded = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

describe('CSV export', () => {
  const rows = parseCsv(toCsv(savedList, papersById));

  it('starts with the header and has one record per entry, newest first', () => {
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(savedList.length + 1);
    expect(rows[1]?.[0]).toBe('2604.00001');
  });

  it('writes a corpus paper with its authors, year and category', () => {
    const row = rows.find((fields) => fields[0] === '2402.07871');
    expect(row).toEqual([
      '2402.07871',
      'Scaling Laws for Fine-Grained Mixture of Experts',
      expect.stringMatching(/^Jakub Krajewski; Jan Ludziejewski; .*; Sebastian Jaszczur$/),
      '2024',
      'cs.LG',
      expect.any(String),
      '',
      '',
      expect.stringMatching(/^2026-01-\d\dT00:00:00.000Z$/),
      'https://arxiv.org/abs/2402.07871',
      '',
    ]);
  });

  it('quotes commas, quotes and newlines and guards formulas', () => {
    const row = rows.find((fields) => fields[0] === '2604.00001');
    expect(row?.[1]).toBe(HOSTILE_TITLE);
    expect(row?.[6]).toBe('to cite; evil,tag; =cmd');
    expect(row?.[7]).toContain('\n\n# Not a heading\n- not a list\n');
    expect(row?.[10]).toBe('https://example.com/blog?a=1&b=(2)');
  });

  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['a=b', 'a=b'],
    ['plain', 'plain'],
  ])('writes %j as %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('guards formula titles and notes in a whole export', () => {
    const [, row] = parseCsv(toCsv([entry({ id: '2604.00003', title: '=1+1', note: '@cmd' })], papersById));
    expect(row?.[1]).toBe("'=1+1");
    expect(row?.[7]).toBe("'@cmd");
  });

  it('round-trips any table of strings', () => {
    const unit = fc.oneof(
      fc.constantFrom(',', '"', '\r', '\n', '=', '+', '-', '@', '\t', "'"),
      fc.constantFrom('a', 'é', ' '),
    );
    const value = fc.string({ unit, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 1, maxLength: 5 })), (table) => {
        const text = table.map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('');
        expect(parseCsv(text)).toEqual(table.map((fields) => fields.map(guarded)));
      }),
    );
  });
});
