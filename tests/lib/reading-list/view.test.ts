import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allTags,
  countEntries,
  filterEntries,
  NO_FILTER,
  parseTags,
  sortEntries,
} from '../../../lib/reading-list/view';
import { entry } from '../../helpers/reading-list';

const entries = [
  entry({
    id: '2402.07871',
    title: 'Scaling Laws for Fine-Grained Mixture of Experts',
    savedAt: '2026-03-01T10:00:00.000Z',
    status: 'reading',
    tags: ['MoE', 'scaling'],
    note: 'Granularity matters; see Pióro et al.',
  }),
  entry({
    id: '2310.15961',
    title: 'Mixture of Tokens',
    savedAt: '2026-03-02T10:00:00.000Z',
    status: 'read',
    tags: ['moe'],
  }),
  entry({ id: 'hep-th/9901001', title: 'an old paper', savedAt: '2026-02-01T10:00:00.000Z' }),
  entry({ id: '2603.25551', title: 'Éclair benchmarks', savedAt: '2026-03-01T10:00:00.000Z' }),
];

describe('reading-list views', () => {
  it('sorts by saved date (newest first, ties by id), by title (ignoring case and accents) and by status', () => {
    expect(sortEntries(entries, 'saved').map((e) => e.id)).toEqual([
      '2310.15961',
      '2402.07871',
      '2603.25551',
      'hep-th/9901001',
    ]);
    expect(sortEntries(entries, 'title').map((e) => e.title)).toEqual([
      'an old paper',
      'Éclair benchmarks',
      'Mixture of Tokens',
      'Scaling Laws for Fine-Grained Mixture of Experts',
    ]);
    expect(sortEntries(entries, 'status').map((e) => e.status)).toEqual(['to-read', 'to-read', 'reading', 'read']);
  });

  it('does not reorder its input', () => {
    const copy = [...entries];
    sortEntries(entries, 'title');
    expect(entries).toEqual(copy);
  });

  it('filters by status, by tag (any case) and by words anywhere, diacritics ignored', () => {
    expect(filterEntries(entries, { ...NO_FILTER, status: 'read' }).map((e) => e.id)).toEqual(['2310.15961']);
    expect(filterEntries(entries, { ...NO_FILTER, tag: 'MOE' }).map((e) => e.id)).toEqual(['2402.07871', '2310.15961']);
    expect(filterEntries(entries, { ...NO_FILTER, text: 'pioro granularity' }).map((e) => e.id)).toEqual([
      '2402.07871',
    ]);
    expect(filterEntries(entries, { ...NO_FILTER, text: 'eclair' }).map((e) => e.id)).toEqual(['2603.25551']);
    expect(filterEntries(entries, { ...NO_FILTER, text: 'hep-th' }).map((e) => e.id)).toEqual(['hep-th/9901001']);
    expect(filterEntries(entries, { status: 'reading', tag: 'moe', text: 'tokens' })).toEqual([]);
    expect(filterEntries(entries, NO_FILTER)).toEqual(entries);
  });

  it('counts by status', () => {
    expect(countEntries(entries)).toEqual({ total: 4, 'to-read': 2, reading: 1, read: 1 });
    expect(countEntries([])).toEqual({ total: 0, 'to-read': 0, reading: 0, read: 0 });
  });

  it('lists tags once each, A–Z, spelled as first seen', () => {
    expect(allTags(entries)).toEqual(['MoE', 'scaling']);
  });

  it('parses typed tags: trimmed, de-duplicated ignoring case, empty ones dropped, long ones cut', () => {
    expect(parseTags(' ml, to  cite ,ML,, ')).toEqual(['ml', 'to cite']);
    expect(parseTags('')).toEqual([]);
    expect(parseTags('x'.repeat(80))).toEqual(['x'.repeat(50)]);
    expect(parseTags(Array.from({ length: 70 }, (_, i) => `t${i}`).join(','))).toHaveLength(50);
  });

  it('parsed tags always satisfy the stored schema limits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (input) => {
        const tags = parseTags(input);
        expect(tags.length).toBeLessThanOrEqual(50);
        for (const tag of tags) {
          expect(tag.length).toBeGreaterThan(0);
          expect(tag.length).toBeLessThanOrEqual(50);
          expect(tag).toBe(tag.trim());
        }
        expect(new Set(tags.map((t) => t.toLowerCase())).size).toBe(tags.length);
      }),
    );
  });
});
