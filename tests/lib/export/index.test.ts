import { parse } from '@retorquere/bibtex-parser';
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

  it('writes no control character into the text formats, and keeps them escaped in JSON', () => {
    const [first, ...rest] = savedList;
    const dirty = {
      ...first!,
      id: '2401.00002',
      title: 'A\u0000 title\u001b with\u007f controls',
      note: 'line\u0007 one\nline two',
      tags: ['t\u0001ag'],
      source: { url: 'https://example.com/\u0000', linkText: 'link\u0008 text' },
    };
    const list = [dirty, ...rest];
    const now = new Date('2026-11-29T00:00:00Z');
    for (const format of ['bibtex', 'markdown', 'csv'] as const) {
      const text = exportReadingList(format, list, papersById, now).text;
      expect(text, format).not.toMatch(/[^\P{Cc}\t\n\r]/u);
    }
    const bib = parse(exportReadingList('bibtex', list, papersById, now).text, { english: false });
    expect(bib.errors).toEqual([]);
    expect(bib.entries.find((entry) => entry.fields.eprint === '2401.00002')?.fields.title).toBe(
      'A title with controls',
    );
    const json = JSON.parse(exportReadingList('json', list, papersById, now).text);
    expect(json.entries.find((e: { id: string }) => e.id === '2401.00002').title).toBe(dirty.title);
  });
});
