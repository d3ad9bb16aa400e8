import { useRef } from 'preact/hooks';
import { plainError } from '../../lib/errors';
import { type ExportFormat, exportReadingList } from '../../lib/export';
import type { ReadingListClient } from '../../lib/reading-list/client';
import { IMPORT_LIMITS } from '../../lib/reading-list/file-schema';
import { tooLargeToImport } from '../../lib/reading-list/import';
import type { ReadingListEntry } from '../../lib/reading-list/schema';
import { download } from '../download';
import type { SavedPapers } from './saved-papers';

const FORMATS: [ExportFormat, string][] = [
  ['bibtex', 'BibTeX'],
  ['markdown', 'Markdown'],
  ['csv', 'CSV'],
  ['json', 'JSON'],
];

interface ExportImportProps {
  client: ReadingListClient;
  entries: ReadingListEntry[];
  /** The library records that give exported entries their authors and categories. */
  papers: Pick<SavedPapers, 'all'>;
  compact: boolean;
}

/** Export buttons, one per format, and the import of a Paperlens JSON file. */
export function ExportImport({ client, entries, papers, compact }: ExportImportProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const onExport = async (format: ExportFormat) => {
    // Usually at hand already; records still on their way (or never asked for) are waited for.
    const papersById = await papers.all(entries.map((entry) => entry.id)).catch((error: unknown) => {
      client.fail(`Could not export the reading list: ${plainError(error)}`);
      return null;
    });
    if (!papersById) return;
    const file = exportReadingList(format, entries, papersById, new Date());
    download(file.filename, file.mimeType, file.text);
  };
  const onImport = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // Refused before reading it; any other problem is found by the background, which reads the file.
    if (file.size > IMPORT_LIMITS.bytes) return client.fail(tooLargeToImport(file.name));
    const text = await file.text().catch(() => null);
    if (text === null) client.fail(`Could not read “${file.name}”; nothing was changed. Choose the file again.`);
    else await client.import(file.name, text);
  };
  return (
    <div class="export-import">
      <span class="export-label">Export</span>
      {FORMATS.map(([format, label]) => (
        <button key={format} type="button" disabled={entries.length === 0} onClick={() => void onExport(format)}>
          {label}
        </button>
      ))}
      {compact ? (
        // Firefox closes a toolbar popup when a file picker opens, so the popup imports on the full page.
        <a href="/reading-list.html" target="_blank" rel="noreferrer">
          Import JSON on the full page…
        </a>
      ) : (
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import JSON…
        </button>
      )}
      <input
        ref={fileInput}
        class="visually-hidden"
        type="file"
        accept=".json,application/json"
        aria-label="Import a Paperlens reading-list JSON file"
        tabIndex={-1}
        onChange={(event) => void onImport(event)}
      />
    </div>
  );
}
