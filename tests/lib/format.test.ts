import { describe, expect, it } from 'vitest';
import { authorLine, formatDate, noveltyExplanation, percent, plural } from '../../lib/format';

describe('format', () => {
  it('formats ISO dates as written, in any time zone', () => {
    expect(formatDate('2024-02-12')).toBe('Feb 12, 2024');
    expect(formatDate('2026-01-01T00:00:00.000Z')).toBe('Jan 1, 2026');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('rounds percentages', () => {
    expect(percent(0.8149)).toBe('81%');
    expect(percent(1)).toBe('100%');
  });

  it.each([
    [['A', 'B'], false, 'A, B'],
    [['A', 'B', 'C'], true, 'A, B, C et al.'],
    [['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'], false, 'A, B, C, D, E, F +2 more'],
    [['A', 'B', 'C', 'D', 'E', 'F', 'G'], true, 'A, B, C, D, E, F +1 more (list incomplete)'],
  ])('writes the author line of %j (truncated: %s)', (authors, truncated, expected) => {
    expect(authorLine(authors, truncated)).toBe(expected);
  });

  it('explains novelty by the closest earlier paper, or says the paper is the earliest', () => {
    expect(noveltyExplanation({ score: 0.81, similarity: 0.19 }, 'Mixture of Tokens')).toBe(
      'Novelty 81%: its closest earlier paper is “Mixture of Tokens” (19% similar in title and abstract).',
    );
    expect(noveltyExplanation({ score: 1, similarity: null }, null)).toMatch(/earliest paper in your library/);
  });
});

describe('plural', () => {
  it('says one thing or many', () => {
    expect(plural(1, 'paper')).toBe('1 paper');
    expect(plural(0, 'paper')).toBe('0 papers');
    expect(plural(13, 'shared paper')).toBe('13 shared papers');
  });
});
