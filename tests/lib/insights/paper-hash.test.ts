import { describe, expect, it } from 'vitest';
import { hashForPaper, paperIdFromHash } from '../../../lib/insights/paper-hash';

describe('paperIdFromHash', () => {
  it.each([
    ['#paper=2402.07871', '2402.07871'],
    ['paper=2402.07871', '2402.07871'],
    ['#paper=2310.15961&x=1', '2310.15961'],
    ['#paper=2402.07871v2', null],
    ['#paper=', null],
    ['#other=2402.07871', null],
    ['', null],
  ])('%j → %j', (hash, id) => {
    expect(paperIdFromHash(hash)).toBe(id);
  });

  it('reads back what hashForPaper writes', () => {
    expect(paperIdFromHash(hashForPaper('2508.09752'))).toBe('2508.09752');
  });
});
