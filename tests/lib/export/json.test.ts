import { describe, expect, it } from 'vitest';
import { exportOrder } from '../../../lib/export/facts';
import { toJson } from '../../../lib/export/json';
import { parseReadingListFile } from '../../../lib/reading-list/import';
import { savedList } from '../../helpers/reading-list';

const NOW = new Date('2026-11-29T12:00:00Z');

describe('JSON export', () => {
  const text = toJson(savedList, NOW);

  it('writes a versioned, pretty-printed file', () => {
    expect(text.startsWith('{\n  "format": "paperlens-reading-list",\n  "version": 1,\n')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ exportedAt: '2026-11-29T12:00:00.000Z' });
  });

  it('orders entries newest first, then by id, whatever the input order', () => {
    const ids = JSON.parse(text).entries.map((saved: { id: string }) => saved.id);
    expect(ids.slice(0, 3)).toEqual(['2604.00001', 'hep-th/9901001', '2310.15961']);
    expect(toJson([...savedList].reverse(), NOW)).toBe(text);
  });

  it('reads back through parseReadingListFile unchanged', () => {
    expect(parseReadingListFile(text)).toEqual({ ok: true, entries: exportOrder(savedList) });
  });
});
