import { describe, expect, it } from 'vitest';
import { exportReadingList } from '../../../lib/export';
import { papersById, savedList } from '../../helpers/reading-list';

describe('exportReadingList', () => {
  it.each([
    ['bibtex', 'paperlens-reading-list-2026-11-29.bib', 'application/x-bibtex;charset=utf-8', '@misc{'],
    ['markdown', 'paperlens-reading-list-2026-11-29.md', 'text/markdown;charset=utf-8', '# Paperlens reading list'],
    ['csv', 'paperlens-reading-list-2026-11-29.csv', 'text/csv;charset=utf-8', 'id,title,authors,'],
    ['json', 'paperlens-reading-list-2026-11-29.json', 'application/json;charset=utf-8', '{\n  "format"'],
  ] as const)('exports %s as %s', (format, filename, mimeType, start) => {
    const file = exportReadingList(format, savedList, papersById, new Date('2026-11-29T23:59:00Z'));
    expect(file).toMatchObject({ filename, mimeType });
    expect(file.text.startsWith(start)).toBe(true);
  });

  it('exports an empty list in every format', () => {
    for (const format of ['bibtex', 'markdown', 'csv', 'json'] as const) {
      expect(() => exportReadingList(format, [], papersById, new Date())).not.toThrow();
    }
  });
});
