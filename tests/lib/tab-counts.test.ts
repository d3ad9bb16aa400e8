import { describe, expect, it } from 'vitest';
import { TabPaperCounts } from '../../lib/tab-counts';

describe('TabPaperCounts', () => {
  it('counts distinct papers over all frames of a tab and notifies each change', () => {
    const seen: [number, number][] = [];
    const counts = new TabPaperCounts((tab, count) => seen.push([tab, count]));
    expect(counts.report(1, 0, ['2402.07871', '2401.04081'])).toBe(2);
    expect(counts.report(1, 5, ['2402.07871', '2502.05172'])).toBe(3);
    expect(counts.report(2, 0, ['2402.07871'])).toBe(1);
    expect(counts.report(1, 5, [])).toBe(2);
    counts.clear(1);
    expect(counts.count(1)).toBe(0);
    expect(seen).toEqual([
      [1, 2],
      [1, 3],
      [2, 1],
      [1, 2],
      [1, 0],
    ]);
  });
});

describe('TabPaperCounts parts', () => {
  it('keeps a paper page’s own paper beside the links of the same frame: neither report replaces the other', () => {
    const counts = new TabPaperCounts();
    expect(counts.report(1, 0, ['2402.07871'])).toBe(1);
    expect(counts.report(1, '0:page', ['2502.05172'])).toBe(2);
    expect(counts.report(1, 0, ['2402.07871', '2401.04081'])).toBe(3);
    expect(counts.report(1, '0:page', ['2402.07871'])).toBe(2);
  });
});
