import type { ReadingListEntry } from '../reading-list/schema';
import { type EntryFacts, entryFacts, exportOrder, type PapersById } from './facts';

export const CSV_HEADER = [
  'id',
  'title',
  'authors',
  'year',
  'primary_category',
  'status',
  'tags',
  'note',
  'saved_at',
  'url',
  'source_url',
] as const;

/**
 * One RFC 4180 field. A value that a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`, as OWASP
 * advises against CSV injection; then a value with a comma, quote, CR or LF is
 * quoted, its quotes doubled.
 */
export function csvField(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

function row(facts: EntryFacts): string[] {
  const { entry } = facts;
  const authors = [...facts.authors, ...(facts.authorsTruncated ? ['et al.'] : [])];
  return [
    entry.id,
    entry.title,
    authors.join('; '),
    String(facts.year),
    facts.primaryCategory ?? '',
    entry.status,
    entry.tags.join('; '),
    entry.note,
    entry.savedAt,
    facts.url,
    entry.source?.url ?? '',
  ];
}

/**
 * The reading list as RFC 4180 CSV (header row, CRLF after every record),
 * most recently saved first. Authors and tags are joined with `; `.
 */
export function toCsv(entries: readonly ReadingListEntry[], papersById: PapersById): string {
  const rows = [[...CSV_HEADER], ...exportOrder(entries).map((entry) => row(entryFacts(entry, papersById)))];
  return rows.map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('');
}
