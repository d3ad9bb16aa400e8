import type { ReadingListEntry } from '../reading-list/schema';
import { withoutControls } from '../text/controls';
import { toBibtex } from './bibtex';
import { toCsv } from './csv';
import type { PapersById } from './facts';
import { toJson } from './json';
import { toMarkdown } from './markdown';

export type ExportFormat = 'bibtex' | 'markdown' | 'csv' | 'json';

/** A file ready to download. */
export interface ExportFile {
  /** `paperlens-reading-list-2026-11-29.bib` (the UTC date of `now`). */
  filename: string;
  mimeType: string;
  text: string;
}

interface Writer {
  extension: string;
  mimeType: string;
  write(entries: readonly ReadingListEntry[], papersById: PapersById, now: Date): string;
  /** JSON escapes control characters itself; the text formats, read by other tools, get none. */
  keepsControls?: boolean;
}

const WRITERS: Record<ExportFormat, Writer> = {
  bibtex: { extension: 'bib', mimeType: 'application/x-bibtex;charset=utf-8', write: toBibtex },
  markdown: { extension: 'md', mimeType: 'text/markdown;charset=utf-8', write: toMarkdown },
  csv: { extension: 'csv', mimeType: 'text/csv;charset=utf-8', write: toCsv },
  json: {
    extension: 'json',
    mimeType: 'application/json;charset=utf-8',
    write: (entries, _papers, now) => toJson(entries, now),
    keepsControls: true,
  },
};

/** An entry's page-derived texts without control characters (a NUL in a title breaks BibTeX). */
function printable(entry: ReadingListEntry): ReadingListEntry {
  return {
    ...entry,
    title: withoutControls(entry.title),
    note: withoutControls(entry.note),
    tags: entry.tags.map(withoutControls),
    source: entry.source && {
      url: withoutControls(entry.source.url),
      linkText: withoutControls(entry.source.linkText),
    },
  };
}

/**
 * The reading list in one export format. Corpus papers (found in
 * `papersById`) add their authors, year, category and code link; other
 * entries have their id, title and source. The same input always gives the
 * same text.
 */
export function exportReadingList(
  format: ExportFormat,
  entries: readonly ReadingListEntry[],
  papersById: PapersById,
  now: Date,
): ExportFile {
  const { extension, mimeType, write, keepsControls } = WRITERS[format];
  const text = write(keepsControls ? entries : entries.map(printable), papersById, now);
  return { filename: `paperlens-reading-list-${now.toISOString().slice(0, 10)}.${extension}`, mimeType, text };
}
