import { describe, expect, it } from 'vitest';
import { parseArxivId } from '../../../lib/links/arxiv-id';

describe('parseArxivId', () => {
  it.each([
    ['2402.07871', '2402.07871', null],
    ['2402.07871v2', '2402.07871', 2],
    ['2402.07871v12', '2402.07871', 12],
    ['1501.00001', '1501.00001', null],
    ['1412.6980', '1412.6980', null],
    ['1412.6980v9', '1412.6980', 9],
    ['0704.0001', '0704.0001', null],
    ['2612.99999', '2612.99999', null],
    ['hep-th/9901001', 'hep-th/9901001', null],
    ['hep-th/9901001v2', 'hep-th/9901001', 2],
    ['math.GR/0512484', 'math.GR/0512484', null],
    ['cs/0112017', 'cs/0112017', null],
    ['cond-mat/0703999v1', 'cond-mat/0703999', 1],
    ['q-bio.NC/0403021', 'q-bio.NC/0403021', null],
    ['alg-geom/9108001', 'alg-geom/9108001', null],
  ])('accepts %s as id %s with version %s', (input, id, version) => {
    expect(parseArxivId(input)).toEqual({ id, version });
  });

  it.each([
    ['2402.078710', 'six-digit number'],
    ['12402.07871', 'five-digit YYMM'],
    ['2402.0787', 'four-digit number after 2014'],
    ['1412.69801', 'five-digit number before 2015'],
    ['0703.0001', 'new-style id before April 2007'],
    ['0612.0001', 'new-style id in 2006'],
    ['2400.07871', 'month 00'],
    ['2413.07871', 'month 13'],
    ['2402.00000', 'number zero'],
    ['2402.07871v0', 'version zero'],
    ['2402.07871v', 'empty version'],
    ['2402.07871V2', 'upper-case version marker'],
    ['2402.07871v1234', 'implausibly long version'],
    ['arXiv:2402.07871', 'prefix'],
    [' 2402.07871', 'leading space'],
    ['2402.07871 ', 'trailing space'],
    ['2402.07871.pdf', 'file extension'],
    ['2402-07871', 'wrong separator'],
    ['', 'empty string'],
    ['hep-th/990100', 'six-digit old-style number'],
    ['hep-th/99010011', 'eight-digit old-style number'],
    ['hep-th/9913001', 'old-style month 13'],
    ['hep-th/9901000', 'old-style number zero'],
    ['hep-th/0704001', 'old-style id after March 2007'],
    ['hep-th/9107001', 'old-style id before August 1991'],
    ['HEP-TH/9901001', 'upper-case archive'],
    ['foo-bar/9901001', 'unknown archive'],
    ['math.gr/0512484', 'lower-case subject class'],
    ['math.GRT/0512484', 'three-letter subject class'],
    ['math.GR/0512484/', 'trailing slash'],
  ])('rejects %s (%s)', (input) => {
    expect(parseArxivId(input)).toBeNull();
  });
});
